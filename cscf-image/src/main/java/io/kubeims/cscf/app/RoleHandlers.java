package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipResponseHandler;

/**
 * A role's SIP handlers.
 *
 * @param requests       every request the node receives (usually a {@link io.kubeims.cscf.sip.RequestDispatcher})
 * @param strayResponses responses matching no client transaction (a proxy relays them)
 */
public record RoleHandlers(SipRequestHandler requests, SipResponseHandler strayResponses) {

    public RoleHandlers {
        if (requests == null || strayResponses == null) {
            throw new IllegalArgumentException("request and stray response handlers are required");
        }
    }
}
