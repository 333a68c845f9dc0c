package io.kubeims.cscf.sip;

import javax.sip.message.Response;

/**
 * Handles a response that matches no client transaction of this node: responses to statelessly forwarded requests
 * and late 2xx retransmissions of INVITE (RFC 3261 16.7, 16.11), relayed by a proxy; anything else is dropped.
 * Exceptions are caught and logged by the node.
 */
@FunctionalInterface
public interface SipResponseHandler {

    /** A handler that drops every stray response (a pure UAS or UAC). */
    SipResponseHandler DROP = (response, node) -> { };

    /** Handles one stray response received by {@code node}. */
    void handle(Response response, SipNode node) throws Exception;
}
