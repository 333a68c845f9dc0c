package io.kubeims.protocol.aka;

/**
 * The HE/AuC sequence-number state SQN_HE of one subscriber (TS 33.102 Annex C.1.2 and C.3), as an immutable
 * value the HSS stores durably.
 *
 * <p>The scheme: {@code last} is the SQN of the last vector issued, SEQ_HE || IND_HE. The next vector uses
 * SEQ = SEQ_HE + 1 and IND = IND_HE + 1 mod 32, i.e. SEQ grows by one per vector and IND cycles through the
 * USIM's 32 array elements (C.3.4 "IND allocated cyclically"), so every issued SQN is strictly greater than every
 * earlier one. After a synchronisation failure the HE adopts the USIM's SQN_MS (C.3.4, TS 33.102 6.3.5) when it
 * is ahead of SQN_HE, so the next SEQ exceeds the USIM's highest accepted one; when SQN_MS is behind, SQN_HE is
 * kept, because the SQN never goes backwards (a lower SQN_HE could re-issue values already sent). SEQ never wraps
 * past 2^43 - 1: {@link #next()} refuses instead.
 *
 * @param last SQN_HE, the SQN of the last issued vector ({@link Sqn#ZERO} before the first)
 */
public record HomeSqnCounter(Sqn last) {

    /** @throws NullPointerException if {@code last} is null */
    public HomeSqnCounter {
        if (last == null) {
            throw new NullPointerException("last SQN");
        }
    }

    /** The state of a newly provisioned subscriber: SQN_HE = 0, so the first vector gets SEQ 1, IND 1. */
    public static HomeSqnCounter initial() {
        return new HomeSqnCounter(Sqn.ZERO);
    }

    /**
     * The state after issuing one more vector; its {@link #last()} is the SQN to put into that vector.
     *
     * @throws SqnExhaustedException if SEQ_HE is already 2^43 - 1
     */
    public HomeSqnCounter next() {
        if (last.seq() == Sqn.MAX_SEQ) {
            throw new SqnExhaustedException("SEQ_HE reached 2^43-1; issuing another SQN would wrap");
        }
        return new HomeSqnCounter(Sqn.of(last.seq() + 1, (last.ind() + 1) % Sqn.IND_COUNT));
    }

    /**
     * The state after a verified synchronisation failure report carrying SQN_MS (TS 33.102 6.3.5, C.3.4).
     *
     * @param sqnMs the USIM's highest accepted SQN, recovered with {@link Auts#recoverSqnMs}
     * @return this counter if SQN_MS's SEQ is not ahead of SEQ_HE, otherwise a counter at SQN_MS
     */
    public HomeSqnCounter resynchronised(Sqn sqnMs) {
        return sqnMs.seq() > last.seq() ? new HomeSqnCounter(sqnMs) : this;
    }
}
