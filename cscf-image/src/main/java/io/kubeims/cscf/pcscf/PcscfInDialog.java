package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * In-dialog requests, ACK and CANCEL at the P-CSCF (TS 24.229 5.2.6.3.4, 5.2.6.4.4; RFC 3261 16.4, 16.10), routed
 * without dialog state so that any replica can take them:
 * <ul>
 * <li>topmost Route ours with a flow token ({@link FlowRecordRoute}): the token is verified (403 "Invalid Flow Token"
 * otherwise; an ACK is dropped); a request that came over that very flow is from the UE and goes towards the core by
 * its Route set (sec-agree and a P-Asserted-Identity of the UE removed); any other comes from the core and is
 * delivered to the UE over the flow ({@link UeFlowHop});</li>
 * <li>topmost Route ours without a token (a dialog Record-Routed before flow tokens): forwarded by its Route set;</li>
 * <li>a CANCEL not routed to us: to the stateful proxy, which answers it and cancels the INVITE it forwarded
 * (RFC 3261 16.10), or forwards it statelessly when another replica has that INVITE;</li>
 * <li>anything else: 403 "Not Routed Through This P-CSCF" (no open relay); an ACK is dropped.</li>
 * </ul>
 */
public final class PcscfInDialog {

    private final SipProxy proxy;
    private final FlowToken flowToken;
    private final PcscfRequestOutcomes outcomes;

    public PcscfInDialog(SipProxy proxy, FlowToken flowToken, PcscfRequestOutcomes outcomes) {
        if (proxy == null || flowToken == null || outcomes == null) {
            throw new IllegalArgumentException("proxy, flowToken and outcomes are required");
        }
        this.proxy = proxy;
        this.flowToken = flowToken;
        this.outcomes = outcomes;
    }

    /** Handles an ACK, a CANCEL or a request with a To tag. */
    public void handle(InboundRequest inbound) throws SipSendException {
        Request request = inbound.request();
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        boolean routedToUs = top != null && top.getAddress().getURI() instanceof SipURI uri
                && inbound.node().isLocal(uri);
        String method = inbound.method();
        if (!routedToUs) {
            if (Request.CANCEL.equals(method)) {
                proxy.proxy(inbound, Forwarding.byRequest());
                outcomes.done(inbound, "in_dialog", "CANCEL relayed");
                return;
            }
            outcomes.refuse(inbound, Response.FORBIDDEN, "Not Routed Through This P-CSCF", "in_dialog_refused",
                    "in-dialog request whose route set does not hold this P-CSCF");
            return;
        }
        Optional<String> pathUser = FlowRecordRoute.flowUser(request);
        if (pathUser.isEmpty()) {
            proxy.proxy(inbound, Forwarding.byRequest());
            outcomes.done(inbound, "in_dialog", "relayed by its route set");
            return;
        }
        Optional<TransportFlow> flow = flowToken.fromPathUser(pathUser.get());
        if (flow.isEmpty()) {
            outcomes.refuse(inbound, Response.FORBIDDEN, "Invalid Flow Token", "bad_flow_token",
                    "the flow token of the topmost Route does not verify, from " + inbound.source());
            return;
        }
        TransportFlow from = UeRegister.flowOf(inbound);
        if (from.equals(flow.get())) {
            Optional<Request> copy = proxy.prepare(inbound);
            if (copy.isPresent()) {
                CoreBoundHeaders.fromUe(copy.get(), inbound.node().headers());
                proxy.forward(inbound, copy.get(), Forwarding.byRequest());
                outcomes.done(inbound, "in_dialog_from_ue", "from " + from + " by its route set");
            }
            return;
        }
        Optional<NextHop> hop = UeFlowHop.of(flow.get());
        if (hop.isEmpty()) {
            outcomes.refuse(inbound, Response.TEMPORARILY_UNAVAILABLE, "Flow Transport Not Served",
                    "flow_unusable", "flow " + flow.get() + " is over a transport this P-CSCF does not serve");
            return;
        }
        Optional<Request> copy = proxy.prepare(inbound);
        if (copy.isPresent()) {
            CoreBoundHeaders.towardsUe(copy.get());
            proxy.forward(inbound, copy.get(), Forwarding.to(hop.get()));
            outcomes.done(inbound, "in_dialog_to_ue", "over " + flow.get());
        }
    }
}
