package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * An initial request towards a UE at the P-CSCF (TS 24.229 5.2.6.4; RFC 5626 5.3; contract 6 of the routing design):
 * its topmost Route is our own Path entry {@code term-<flow token>}; the token is verified ({@link FlowToken}: forged,
 * altered or from another key is 403 "Invalid Flow Token", logged once) and the request delivered over that flow
 * ({@link UeFlowHop}), with the trust domain's headers removed ({@link CoreBoundHeaders#towardsUe}) and a Record-Route
 * naming the pool with the same flow token ({@link FlowRecordRoute}). A request with our Path entry that comes over a
 * registered UE's flow is 403 "Terminating Request From A UE": a UE must not reach another UE (or itself) around its
 * S-CSCF with a Path entry it has seen. The token check runs on the jain-sip thread, the store read and the
 * forwarding on {@code executor}.
 */
public final class PcscfTerminating {

    private static final Logger LOG = Logger.getLogger(PcscfTerminating.class);

    private final SipProxy proxy;
    private final FlowToken flowToken;
    private final FlowRecordRoute recordRoute;
    private final RegisteredFlows registered;
    private final Executor executor;
    private final PcscfRequestOutcomes outcomes;

    public PcscfTerminating(SipProxy proxy, FlowToken flowToken, FlowRecordRoute recordRoute,
            RegisteredFlows registered, Executor executor, PcscfRequestOutcomes outcomes) {
        if (proxy == null || flowToken == null || recordRoute == null || registered == null || executor == null
                || outcomes == null) {
            throw new IllegalArgumentException("proxy, flowToken, recordRoute, registered, executor and outcomes"
                    + " are required");
        }
        this.proxy = proxy;
        this.flowToken = flowToken;
        this.recordRoute = recordRoute;
        this.registered = registered;
        this.executor = executor;
        this.outcomes = outcomes;
    }

    /**
     * Handles an initial request whose topmost Route names this node with a {@code term-} user part.
     *
     * @param pathUser that user part
     */
    public void handle(InboundRequest inbound, String pathUser) throws SipSendException {
        Optional<TransportFlow> flow = flowToken.fromPathUser(pathUser);
        if (flow.isEmpty()) {
            outcomes.refuse(inbound, Response.FORBIDDEN, "Invalid Flow Token", "bad_flow_token",
                    "the flow token of the topmost Route does not verify (forged, altered or another key), from "
                            + inbound.source());
            return;
        }
        Optional<NextHop> hop = UeFlowHop.of(flow.get());
        if (hop.isEmpty()) {
            outcomes.refuse(inbound, Response.TEMPORARILY_UNAVAILABLE, "Flow Transport Not Served",
                    "flow_unusable", "flow " + flow.get() + " is over a transport this P-CSCF does not serve");
            return;
        }
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            return;
        }
        inbound.serverTransaction();   // absorbs retransmissions during the store read
        try {
            executor.execute(() -> deliver(inbound, prepared.get(), flow.get(), hop.get()));
        } catch (RejectedExecutionException e) {
            outcomes.refuse(inbound, Response.SERVICE_UNAVAILABLE, "P-CSCF Overloaded", "overloaded",
                    "no worker free");
        }
    }

    private void deliver(InboundRequest inbound, Request copy, TransportFlow flow, NextHop hop) {
        try {
            TransportFlow from = UeRegister.flowOf(inbound);
            if (registered.of(inbound.request(), from, inbound.callId()).isPresent()) {
                outcomes.refuse(inbound, Response.FORBIDDEN, "Terminating Request From A UE", "from_ue_refused",
                        "a Path entry of ours in an initial request from the registered flow " + from);
                return;
            }
            CoreBoundHeaders.towardsUe(copy);
            recordRoute.add(copy, flow, inbound.node().addresses(), inbound.node().headers());
            proxy.forward(inbound, copy, Forwarding.to(hop));
            outcomes.done(inbound, "terminating", "to " + copy.getRequestURI() + " over " + flow);
        } catch (SipSendException e) {
            LOG.debugf("%s (Call-ID %s): %s", inbound.method(), inbound.callId(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s (Call-ID %s): delivery failed: %s", inbound.method(), inbound.callId(), e);
            outcomes.tryRefuse(inbound, Response.SERVER_INTERNAL_ERROR, "P-CSCF Error", "error",
                    "see the error above");
        }
    }
}
