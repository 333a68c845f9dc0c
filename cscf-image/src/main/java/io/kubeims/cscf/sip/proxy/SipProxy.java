package io.kubeims.cscf.sip.proxy;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipResponseHandler;
import io.kubeims.cscf.sip.SipSendException;
import java.util.Optional;
import javax.sip.message.Request;

/**
 * A proxy of RFC 3261 16 over one node, stateful ({@link StatefulProxy}) or stateless ({@link StatelessProxy}), so
 * that a role can be configured either way. It is also the node's handler of stray responses, which it relays.
 */
public interface SipProxy extends SipResponseHandler {

    /** The individual proxy steps, for roles that deviate from {@link #proxy}. */
    ProxyCore core();

    /**
     * RFC 3261 16.3/16.4 ({@link ProxyCore#prepare}): answers 483/482 itself and returns empty, else returns the
     * copy to forward, with Max-Forwards decremented and our Route entries removed.
     */
    Optional<Request> prepare(InboundRequest inbound) throws SipSendException;

    /** Forwards a prepared (and possibly edited) copy as the {@link Forwarding} says and relays the responses. */
    void forward(InboundRequest inbound, Request copy, Forwarding forwarding) throws SipSendException;

    /** {@link #prepare} then {@link #forward}. */
    default void proxy(InboundRequest inbound, Forwarding forwarding) throws SipSendException {
        Optional<Request> copy = prepare(inbound);
        if (copy.isPresent()) {
            forward(inbound, copy.get(), forwarding);
        }
    }
}
