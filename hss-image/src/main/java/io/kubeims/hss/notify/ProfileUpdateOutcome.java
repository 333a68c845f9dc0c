package io.kubeims.hss.notify;

import io.kubeims.cx.message.CxResult;

/** What came of an HSS-initiated profile update (PPR, TS 29.228 6.2.2). */
public sealed interface ProfileUpdateOutcome {

    /** No S-CSCF holds the user's profile (not registered, no unregistered-state assignment): nothing sent. */
    record NotServed() implements ProfileUpdateOutcome {
    }

    /**
     * A replica of the S-CSCF pool accepted the new User-Data.
     *
     * @param serverName  the S-CSCF pool's Server-Name
     * @param replicaHost the Origin-Host of the replica that answered
     */
    record Pushed(String serverName, String replicaHost) implements ProfileUpdateOutcome {
    }

    /**
     * The S-CSCF answered with a failure.
     *
     * @param serverName  the S-CSCF pool's Server-Name
     * @param replicaHost the replica that answered
     * @param result      its result
     */
    record Refused(String serverName, String replicaHost, CxResult result) implements ProfileUpdateOutcome {
    }

    /**
     * No replica of the pool answered.
     *
     * @param serverName the S-CSCF pool's Server-Name
     * @param reason     what happened
     */
    record Unreachable(String serverName, String reason) implements ProfileUpdateOutcome {
    }
}
