package io.kubeims.cscf.sip.proxy;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.ViaBranch;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A stateless proxy (RFC 3261 16.11): forwards each request, retransmissions included, with a branch derived from
 * the received one, and relays each response by its next Via. Keeps nothing between messages, so any replica can
 * relay any message of a flow. Use it as the node's {@link io.kubeims.cscf.sip.SipResponseHandler} so that responses get relayed:
 *
 * <pre>{@code
 * StatelessProxy proxy = new StatelessProxy(node, ResponseRewriter.NONE);
 * node.start(RequestDispatcher.builder().otherwise(in -> proxy.proxy(in, Forwarding.to(next))).build(), proxy);
 * }</pre>
 */
public final class StatelessProxy implements SipProxy {

    private static final Logger LOG = Logger.getLogger(StatelessProxy.class);

    private final ProxyCore core;
    private final ResponseRewriter rewriter;

    public StatelessProxy(SipNode node, ResponseRewriter rewriter) {
        this.core = new ProxyCore(node);
        this.rewriter = rewriter;
    }

    @Override
    public ProxyCore core() {
        return core;
    }

    @Override
    public Optional<Request> prepare(InboundRequest inbound) throws SipSendException {
        return core.prepare(inbound);
    }

    /**
     * Forwards a prepared copy statelessly; when it cannot be sent, answers the unreachable status (503) statelessly
     * (RFC 3261 16.11 allows a stateless proxy to generate responses), except for ACK.
     */
    @Override
    public void forward(InboundRequest inbound, Request copy, Forwarding forwarding) throws SipSendException {
        forwardStatelessly(core, inbound, copy, forwarding, Response.SERVICE_UNAVAILABLE);
    }

    static void forwardStatelessly(ProxyCore core, InboundRequest inbound, Request copy, Forwarding forwarding,
            int unreachableStatus) throws SipSendException {
        try {
            NextHop hop = core.applyForwarding(inbound, copy, forwarding, ViaBranch.stateless(inbound.request()));
            core.node().sendStatelessly(copy, hop);
        } catch (SipSendException e) {
            LOG.debugf("%s not forwarded: %s", inbound, e.getMessage());
            if (!Request.ACK.equals(inbound.method())) {
                inbound.respondStatelessly(inbound.createResponse(unreachableStatus));
            }
        }
    }

    /** Relays a response by its next Via (RFC 3261 16.11, 16.7 step 3): the node calls this for stray responses. */
    @Override
    public void handle(Response response, SipNode node) throws Exception {
        relay(core, rewriter, response);
    }

    static void relay(ProxyCore core, ResponseRewriter rewriter, Response received) throws Exception {
        Response response = (Response) received.clone();
        if (!core.removeOwnVia(response)) {
            LOG.debugf("response %d not for us to relay (Call-ID %s): dropped", response.getStatusCode(),
                    response.getHeader("Call-ID"));
            return;
        }
        rewriter.rewrite(response, Optional.empty());
        try {
            core.node().sendStatelessly(response);
        } catch (SipSendException e) {
            LOG.debugf("response not relayed: %s", e.getMessage());
        }
    }
}
