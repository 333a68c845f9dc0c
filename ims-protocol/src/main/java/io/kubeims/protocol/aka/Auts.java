package io.kubeims.protocol.aka;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resynchronisation token AUTS = SQN_MS xor AK* || MAC-S (TS 33.102 6.3.3), 14 octets, sent by the USIM
 * on a synchronisation failure. AK* = f5*(RAND) and MAC-S = f1*(SQN_MS || RAND || AMF*) with the dummy
 * AMF* = 0x0000, so that AMF need not travel in clear.
 *
 * @param concealedSqnMs SQN_MS xor AK*, 6 octets
 * @param macS           MAC-S, 8 octets
 */
public record Auts(byte[] concealedSqnMs, byte[] macS) {

    /** AMF* of TS 33.102 6.3.3. */
    private static final byte[] DUMMY_AMF = new byte[Octets.AMF];

    /** @throws ParameterLengthException if a part has the wrong length */
    public Auts {
        concealedSqnMs = Octets.copyOf("SQN_MS xor AK*", concealedSqnMs, Octets.SQN);
        macS = Octets.copyOf("MAC-S", macS, Octets.MAC);
    }

    /**
     * Splits the 14 octets of an AUTS.
     *
     * @throws ParameterLengthException if not 14 octets
     */
    public static Auts fromOctets(byte[] auts) {
        byte[] octets = Octets.copyOf("AUTS", auts, Octets.AUTS);
        return new Auts(Octets.slice(octets, 0, 6), Octets.slice(octets, 6, 14));
    }

    /**
     * UE side: the AUTS reporting SQN_MS for the challenge RAND.
     *
     * @param keys  the USIM's K and OPc
     * @param rand  the challenge's RAND, 16 octets
     * @param sqnMs the USIM's highest accepted SQN
     */
    public static Auts compute(SubscriberKeys keys, byte[] rand, Sqn sqnMs) {
        Milenage milenage = new Milenage(keys);
        byte[] sqn = sqnMs.toOctets();
        return new Auts(Octets.xor(sqn, milenage.f5Star(rand)), milenage.f1Star(rand, sqn, DUMMY_AMF));
    }

    /**
     * Network side: recovers SQN_MS with AK* and checks MAC-S (TS 33.102 6.3.5).
     *
     * @param keys the subscriber's K and OPc
     * @param rand the RAND of the challenge the USIM answered with this AUTS, 16 octets
     * @return SQN_MS, or empty if MAC-S does not verify (the report must then be ignored)
     * @throws ParameterLengthException if RAND is not 16 octets
     */
    public Optional<Sqn> recoverSqnMs(SubscriberKeys keys, byte[] rand) {
        Milenage milenage = new Milenage(keys);
        byte[] sqnMs = Octets.xor(concealedSqnMs, milenage.f5Star(rand));
        byte[] expectedMacS = milenage.f1Star(rand, sqnMs, DUMMY_AMF);
        return Octets.sameMac(expectedMacS, macS) ? Optional.of(Sqn.fromOctets(sqnMs)) : Optional.empty();
    }

    /** The 14 octets. */
    public byte[] toOctets() {
        return Octets.concat(concealedSqnMs, macS);
    }

    @Override
    public byte[] concealedSqnMs() {
        return concealedSqnMs.clone();
    }

    @Override
    public byte[] macS() {
        return macS.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Auts that && Arrays.equals(toOctets(), that.toOctets());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toOctets());
    }

    @Override
    public String toString() {
        return "Auts[" + HexKey.format(toOctets()) + "]";
    }
}
