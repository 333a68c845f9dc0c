package io.kubeims.protocol.aka;

import java.util.random.RandomGenerator;

/**
 * HE/AuC side of AKA: builds authentication vectors with Milenage (TS 33.102 6.3.2). RAND comes from the injected
 * generator, which in production must be a {@link java.security.SecureRandom}; the SQN comes from the caller's
 * {@link HomeSqnCounter}.
 *
 * <pre>{@code
 * HomeSqnCounter counter = stored.next();               // SQN strictly above every earlier one
 * AuthenticationVector av = generator.generate(keys, counter.last(), amf);
 * store(counter);                                       // before handing out av
 * }</pre>
 */
public final class AuthenticationVectorGenerator {

    private final RandomGenerator random;

    /** @param random source of RAND; a {@code SecureRandom} outside tests */
    public AuthenticationVectorGenerator(RandomGenerator random) {
        if (random == null) {
            throw new NullPointerException("random");
        }
        this.random = random;
    }

    /**
     * A fresh vector: RAND from the generator, XRES = f2, CK = f3, IK = f4,
     * AUTN = (SQN xor f5) || AMF || f1(SQN, RAND, AMF).
     *
     * @param keys the subscriber's K and OPc
     * @param sqn  the SQN for this vector
     * @param amf  authentication management field, 2 octets
     * @throws ParameterLengthException if AMF is not 2 octets
     */
    public AuthenticationVector generate(SubscriberKeys keys, Sqn sqn, byte[] amf) {
        byte[] amfOctets = Octets.copyOf("AMF", amf, Octets.AMF);
        byte[] rand = new byte[Octets.RAND];
        random.nextBytes(rand);
        Milenage milenage = new Milenage(keys);
        byte[] sqnOctets = sqn.toOctets();
        Autn autn = new Autn(Octets.xor(sqnOctets, milenage.f5(rand)), amfOctets,
                milenage.f1(rand, sqnOctets, amfOctets));
        return new AuthenticationVector(rand, milenage.f2(rand), milenage.f3(rand), milenage.f4(rand),
                autn.toOctets());
    }

    @Override
    public String toString() {
        return "AuthenticationVectorGenerator[" + random.getClass().getSimpleName() + "]";
    }
}
