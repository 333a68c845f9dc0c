package io.kubeims.cscf.app;

import io.kubeims.cscf.pcscf.FlowRecordRoute;
import io.kubeims.cscf.pcscf.PcscfInDialog;
import io.kubeims.cscf.pcscf.PcscfOriginating;
import io.kubeims.cscf.pcscf.PcscfRequestOutcomes;
import io.kubeims.cscf.pcscf.PcscfTerminating;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The P-CSCF's requests other than REGISTER, by direction, decided per request without dialog state (TS 24.229
 * 5.2.6; routing contract 1, 6 and 7):
 * <ul>
 * <li>unknown methods: 501 (RFC 3261 8.2.1);</li>
 * <li>ACK, CANCEL and requests with a To tag: {@link PcscfInDialog} (towards the UE or the core by the flow token of
 * our Record-Route entry);</li>
 * <li>an initial request whose topmost Route is our own Path entry {@code term-<flow token>}: {@link PcscfTerminating},
 * delivered to the UE over that flow;</li>
 * <li>any other initial request: from a UE, {@link PcscfOriginating} (registered flow, Service-Route, identity,
 * sec-agree, Record-Route).</li>
 * </ul>
 * Outcomes are counted in {@value PcscfRequestOutcomes#METER} by method and outcome.
 */
final class PcscfRequestRelay implements SipRequestHandler {

    private final PcscfOriginating originating;
    private final PcscfTerminating terminating;
    private final PcscfInDialog inDialog;
    private final PcscfRequestOutcomes outcomes;

    PcscfRequestRelay(PcscfOriginating originating, PcscfTerminating terminating, PcscfInDialog inDialog,
            PcscfRequestOutcomes outcomes) {
        this.originating = originating;
        this.terminating = terminating;
        this.inDialog = inDialog;
        this.outcomes = outcomes;
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        Request request = inbound.request();
        String method = inbound.method();
        if (!RequestDispatcher.KNOWN_METHODS.contains(method)) {
            outcomes.refuse(inbound, Response.NOT_IMPLEMENTED, "Not Implemented", "unknown_method",
                    "method not known");
            return;
        }
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || inDialog(request)) {
            inDialog.handle(inbound);
            return;
        }
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        boolean routedToUs = top != null && top.getAddress().getURI() instanceof SipURI uri
                && inbound.node().isLocal(uri);
        Optional<String> pathUser = routedToUs ? FlowRecordRoute.flowUser(request) : Optional.empty();
        if (pathUser.isPresent()) {
            terminating.handle(inbound, pathUser.get());
        } else {
            originating.handle(inbound);
        }
    }

    private static boolean inDialog(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }
}
