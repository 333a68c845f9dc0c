package io.kubeims.cscf.store;

/**
 * The outcome of {@link AuthChallengeStore#consume}: whether this answer may be acted on.
 *
 * @param outcome   what the store decided
 * @param challenge the challenge after the decision; null for {@link Outcome#UNKNOWN}
 */
public record NonceUse(Outcome outcome, AuthChallenge challenge) {

    /** What the store decided about one answer to a nonce. */
    public enum Outcome {
        /** First accepted answer to this nonce: act on it. Of callers racing with one answer exactly one gets it. */
        FIRST_USE,
        /** The nonce was used before and this nc is higher (RFC 2617 3.2.2 nonce reuse); policy may refuse. */
        LATER_USE,
        /** The same nc, response and Via branch as the last accepted answer: a retransmission; answer it as before. */
        RETRANSMISSION,
        /** The nc is not above the highest accepted: a replay; refuse. */
        REPLAY,
        /** No such nonce, or its lifetime passed: challenge again (stale). */
        UNKNOWN
    }

    /** Whether this answer is new and may be acted on ({@link Outcome#FIRST_USE} or {@link Outcome#LATER_USE}). */
    public boolean accepted() {
        return outcome == Outcome.FIRST_USE || outcome == Outcome.LATER_USE;
    }
}
