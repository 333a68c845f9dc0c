package io.kubeims.protocol.aka;

/**
 * The USIM's limits on accepted sequence numbers (TS 33.102 Annex C.2): a received SEQ is accepted only if
 * SEQ - SEQ_MS &le; Δ (C.2.1, protection against a counter driven towards wrap-around) and, when the limit L is
 * applied, SEQ_MS - SEQ &lt; L (C.2.2, refusing SQNs that are too old even if their array slot allows them),
 * where SEQ_MS is the highest SEQ accepted in any array element.
 *
 * @param delta Δ, at least 1
 * @param limit L, at least 1; {@link #NO_LIMIT} when L is not applied
 */
public record FreshnessLimits(long delta, long limit) {

    /** Value of {@code limit} meaning "L not applied". */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    /** Δ = 2^28 and no L: our default, large enough for an HE that never skips more than 2^28 batches. */
    public static final FreshnessLimits DEFAULT = new FreshnessLimits(1L << 28, NO_LIMIT);

    /** @throws AkaParameterException if Δ or L is below 1 */
    public FreshnessLimits {
        if (delta < 1) {
            throw new AkaParameterException("delta", "must be at least 1, got " + delta);
        }
        if (limit < 1) {
            throw new AkaParameterException("L", "must be at least 1, got " + limit);
        }
    }

    /** These limits with L applied. */
    public FreshnessLimits withLimit(long newLimit) {
        return new FreshnessLimits(delta, newLimit);
    }
}
