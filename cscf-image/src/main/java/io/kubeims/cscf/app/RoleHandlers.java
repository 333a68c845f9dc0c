package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipResponseHandler;

/**
 * A role's SIP handlers and its background work.
 *
 * @param requests       every request the node receives (usually a {@link io.kubeims.cscf.sip.RequestDispatcher})
 * @param strayResponses responses matching no client transaction (a proxy relays them)
 * @param tasks          started once the node listens, stopped at shutdown ({@link RoleTasks#NONE} for none)
 */
public record RoleHandlers(SipRequestHandler requests, SipResponseHandler strayResponses, RoleTasks tasks) {

    public RoleHandlers {
        if (requests == null || strayResponses == null || tasks == null) {
            throw new IllegalArgumentException("request and stray response handlers and the tasks are required");
        }
    }

    /** Handlers without background work. */
    public RoleHandlers(SipRequestHandler requests, SipResponseHandler strayResponses) {
        this(requests, strayResponses, RoleTasks.NONE);
    }
}
