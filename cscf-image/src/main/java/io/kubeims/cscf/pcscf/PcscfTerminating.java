package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An initial request towards a UE at the P-CSCF (TS 24.229 5.2.6.4; RFC 5626 5.3; contract 6 of the routing design):
 * its topmost Route is our own Path entry {@code term-<flow token>}; the token is verified ({@link FlowToken}: forged,
 * altered or from another key is 403 "Invalid Flow Token", logged once) and the request delivered over that flow
 * ({@link UeFlowHop}), with the trust domain's headers removed ({@link CoreBoundHeaders#towardsUe}) and a Record-Route
 * naming the pool with the same flow token ({@link FlowRecordRoute}). Runs on the jain-sip thread: no store read.
 */
public final class PcscfTerminating {

    private final SipProxy proxy;
    private final FlowToken flowToken;
    private final FlowRecordRoute recordRoute;
    private final PcscfRequestOutcomes outcomes;

    public PcscfTerminating(SipProxy proxy, FlowToken flowToken, FlowRecordRoute recordRoute,
            PcscfRequestOutcomes outcomes) {
        if (proxy == null || flowToken == null || recordRoute == null || outcomes == null) {
            throw new IllegalArgumentException("proxy, flowToken, recordRoute and outcomes are required");
        }
        this.proxy = proxy;
        this.flowToken = flowToken;
        this.recordRoute = recordRoute;
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
        Request copy = prepared.get();
        CoreBoundHeaders.towardsUe(copy);
        recordRoute.add(copy, flow.get(), inbound.node().addresses(), inbound.node().headers());
        proxy.forward(inbound, copy, Forwarding.to(hop.get()));
        outcomes.done(inbound, "terminating", "to " + copy.getRequestURI() + " over " + flow.get());
    }
}
