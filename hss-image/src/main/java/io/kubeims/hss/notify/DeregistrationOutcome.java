package io.kubeims.hss.notify;

import io.kubeims.cx.message.CxResult;

/** What came of an HSS-initiated de-registration (RTR, TS 29.228 6.1.3). */
public sealed interface DeregistrationOutcome {

    /** No S-CSCF was assigned: no RTR was sent (a stored S-CSCF name, if any, was dropped). */
    record NotRegistered() implements DeregistrationOutcome {
    }

    /**
     * A replica of the S-CSCF pool answered success; the HSS now has the user NOT_REGISTERED with no S-CSCF name
     * (unless a new assignment was made meanwhile, which is kept).
     *
     * @param serverName  the S-CSCF pool's Server-Name
     * @param replicaHost the Origin-Host of the replica that answered
     */
    record Deregistered(String serverName, String replicaHost) implements DeregistrationOutcome {
    }

    /**
     * The S-CSCF answered with a failure; the registration state is unchanged.
     *
     * @param serverName  the S-CSCF pool's Server-Name
     * @param replicaHost the replica that answered
     * @param result      its result
     */
    record Refused(String serverName, String replicaHost, CxResult result) implements DeregistrationOutcome {
    }

    /**
     * No replica of the pool answered (none connected, timeouts, 3002/3004); the registration state is unchanged.
     *
     * @param serverName the S-CSCF pool's Server-Name
     * @param reason     what happened
     */
    record Unreachable(String serverName, String reason) implements DeregistrationOutcome {
    }
}
