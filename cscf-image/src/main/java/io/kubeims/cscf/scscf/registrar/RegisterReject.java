package io.kubeims.cscf.scscf.registrar;

import java.util.OptionalInt;

/**
 * A final non-2xx answer to a REGISTER with what goes into it and the log.
 *
 * @param status       the SIP status
 * @param reasonPhrase the reason phrase
 * @param outcome      the metric/log outcome
 * @param detail       what happened, for the log (identities, result codes; never credentials)
 * @param reasonText   text of an RFC 3326 Reason header saying what failed, or null for none
 * @param retryAfter   Retry-After seconds, if any
 */
record RegisterReject(int status, String reasonPhrase, RegisterOutcome outcome, String detail, String reasonText,
        OptionalInt retryAfter) {

    static RegisterReject of(int status, String reasonPhrase, RegisterOutcome outcome, String detail) {
        return new RegisterReject(status, reasonPhrase, outcome, detail, null, OptionalInt.empty());
    }
}
