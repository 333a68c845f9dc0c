package io.kubeims.protocol.aka;

import java.util.Arrays;

/**
 * UE side of AKA: a USIM holding K, OPc and the sequence-number state of TS 33.102 Annex C.2, for test UEs.
 *
 * <p>{@link #authenticate} follows TS 33.102 6.3.3: AK = f5(RAND) reveals SQN from AUTN; MAC-A is checked
 * against XMAC-A = f1(SQN, RAND, AMF) first, then SQN freshness. Freshness uses the array scheme of C.2.2: one
 * highest accepted SEQ per IND value, SEQ_MS(0..31), all initially 0; SQN = SEQ || IND is fresh when
 * SEQ &gt; SEQ_MS(IND), and in addition SEQ - SEQ_MS &le; Δ (C.2.1) and, if applied, SEQ_MS - SEQ &lt; L (C.2.2),
 * SEQ_MS being the highest SEQ in the whole array. A fresh SQN updates SEQ_MS(IND); a stale one yields AUTS built
 * from SQN_MS, the highest accepted SQN (its SEQ with the IND of its element).
 *
 * <p>Thread-safe: {@code authenticate} is serialised on this instance.
 */
public final class Usim {

    private final SubscriberKeys keys;
    private final FreshnessLimits limits;
    private final long[] acceptedSeq = new long[Sqn.IND_COUNT];

    /** A USIM with {@link FreshnessLimits#DEFAULT}. */
    public Usim(SubscriberKeys keys) {
        this(keys, FreshnessLimits.DEFAULT);
    }

    /**
     * @param keys   K and OPc
     * @param limits Δ and L
     */
    public Usim(SubscriberKeys keys, FreshnessLimits limits) {
        if (keys == null || limits == null) {
            throw new NullPointerException("keys and limits are required");
        }
        this.keys = keys;
        this.limits = limits;
    }

    /**
     * Runs the USIM's part of AKA for one challenge.
     *
     * @param rand RAND, 16 octets
     * @param autn AUTN, 16 octets
     * @return {@link UsimResult.Authenticated} with RES, CK and IK; {@link UsimResult.MacFailure}; or
     *         {@link UsimResult.SynchronisationFailure} with AUTS. Only an authenticated result changes the state.
     * @throws ParameterLengthException if RAND or AUTN has the wrong length
     */
    public synchronized UsimResult authenticate(byte[] rand, byte[] autn) {
        byte[] challenge = Octets.copyOf("RAND", rand, Octets.RAND);
        Autn token = Autn.fromOctets(autn);
        Milenage milenage = new Milenage(keys);
        byte[] sqnOctets = Octets.xor(token.concealedSqn(), milenage.f5(challenge));
        byte[] expectedMac = milenage.f1(challenge, sqnOctets, token.amf());
        if (!Octets.sameMac(expectedMac, token.mac())) {
            return new UsimResult.MacFailure();
        }
        Sqn sqn = Sqn.fromOctets(sqnOctets);
        if (!isFresh(sqn)) {
            return new UsimResult.SynchronisationFailure(Auts.compute(keys, challenge, highestAcceptedSqn()));
        }
        acceptedSeq[sqn.ind()] = sqn.seq();
        return new UsimResult.Authenticated(milenage.f2(challenge), milenage.f3(challenge), milenage.f4(challenge),
                sqn);
    }

    private boolean isFresh(Sqn sqn) {
        long seq = sqn.seq();
        long seqMs = highestAcceptedSqn().seq();
        // Both SEQ values are below 2^43, so these differences cannot overflow a long.
        if (seq - seqMs > limits.delta()) {
            return false;
        }
        if (seqMs - seq >= limits.limit()) {
            return false;
        }
        return seq > acceptedSeq[sqn.ind()];
    }

    /** SQN_MS: the highest SQN accepted so far, SEQ || IND of the element holding it ({@link Sqn#ZERO} at first). */
    public synchronized Sqn highestAcceptedSqn() {
        int best = 0;
        for (int ind = 1; ind < acceptedSeq.length; ind++) {
            if (acceptedSeq[ind] > acceptedSeq[best]) {
                best = ind;
            }
        }
        return Sqn.of(acceptedSeq[best], best);
    }

    /**
     * SEQ_MS(ind): the highest SEQ accepted with this IND.
     *
     * @throws SqnOutOfRangeException if {@code ind} is not within 0 .. 31
     */
    public synchronized long acceptedSeq(int ind) {
        if (ind < 0 || ind >= Sqn.IND_COUNT) {
            throw new SqnOutOfRangeException("IND", "must be within 0 .. " + (Sqn.IND_COUNT - 1));
        }
        return acceptedSeq[ind];
    }

    @Override
    public synchronized String toString() {
        return "Usim[K=<redacted>, OPc=<redacted>, SQN_MS=" + highestAcceptedSqn() + ", " + limits
                + ", SEQ_MS=" + Arrays.toString(acceptedSeq) + "]";
    }
}
