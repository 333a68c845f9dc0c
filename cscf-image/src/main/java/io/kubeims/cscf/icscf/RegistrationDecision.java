package io.kubeims.cscf.icscf;

import java.util.OptionalInt;

/** What the I-CSCF does with a REGISTER once the HSS has answered (or failed to): forward it, or reject it. */
public sealed interface RegistrationDecision {

    /** Whose problem a reject is: it sets the log level (DEBUG for the user's, WARN for ours). */
    enum Fault {
        /** The user or the UE: unknown identity, barred, roaming, malformed request. */
        USER,
        /** The network: HSS unreachable, overloaded or failing; no S-CSCF can serve. */
        INFRASTRUCTURE
    }

    /**
     * Forward the REGISTER to this S-CSCF.
     *
     * @param serverName the S-CSCF's SIP URI
     * @param basis      why this one, for the log (e.g. "assigned (UAA 2002)", "selected from capabilities")
     */
    record Forward(String serverName, String basis) implements RegistrationDecision {
    }

    /**
     * Reject the REGISTER.
     *
     * @param status       SIP status code
     * @param reasonPhrase the response's reason phrase
     * @param fault        whose problem it is
     * @param detail       what happened, for the log line
     * @param reasonText   text of a {@code Reason: SIP;cause=<status>;text="..."} header (RFC 3326), or null for none
     * @param retryAfter   Retry-After seconds (RFC 3261 20.33), if any
     */
    record Reject(int status, String reasonPhrase, Fault fault, String detail, String reasonText,
                  OptionalInt retryAfter) implements RegistrationDecision {
    }
}
