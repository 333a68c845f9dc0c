package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The P-CSCF's rewriting of responses it relays (the proxy's {@link ResponseRewriter}): REGISTER responses go to
 * {@link PcscfRegisterResponses}; for the others the direction is that of the request, decided as for requests (our
 * flow-token Route on top and the request not from that flow: it went to the UE, so the response comes from it):
 * <ul>
 * <li>from the UE (TS 24.229 5.2.6.4.3/5.2.6.4.4, RFC 3325): sec-agree and Security-* removed, a P-Asserted-Identity
 * of the UE removed and, on responses to initial requests, the identity asserted from the UE's registration (its
 * P-Preferred-Identity when registered, else the default identity; the registration found by the flow in the shared
 * store);</li>
 * <li>towards the UE: the trust domain's charging headers removed ({@link CoreBoundHeaders#towardsUe});</li>
 * <li>relayed without transaction (direction unknown): P-Asserted-Identity removed.</li>
 * </ul>
 */
public final class PcscfSessionResponses implements ResponseRewriter {

    private static final Logger LOG = Logger.getLogger(PcscfSessionResponses.class);

    private final ResponseRewriter registerResponses;
    private final FlowToken flowToken;
    private final RegisteredFlows registered;

    public PcscfSessionResponses(ResponseRewriter registerResponses, FlowToken flowToken,
            RegisteredFlows registered) {
        if (registerResponses == null || flowToken == null || registered == null) {
            throw new IllegalArgumentException("registerResponses, flowToken and registered are required");
        }
        this.registerResponses = registerResponses;
        this.flowToken = flowToken;
        this.registered = registered;
    }

    @Override
    public void rewrite(Response response, Optional<InboundRequest> request) throws Exception {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq == null || Request.REGISTER.equals(cseq.getMethod())) {
            registerResponses.rewrite(response, request);
            return;
        }
        if (request.isEmpty()) {
            // relayed statelessly (e.g. a 2xx retransmission): the direction is unknown, so an assertion that may
            // come from the UE is not passed on (RFC 3325 9.1); the first 2xx carried the asserted one
            response.removeHeader(AddressListHeader.P_ASSERTED_IDENTITY.headerName());
            return;
        }
        InboundRequest inbound = request.get();
        Optional<TransportFlow> ueFlow = towardsUe(inbound);
        if (ueFlow.isEmpty()) {
            CoreBoundHeaders.towardsUe(response);
            return;
        }
        HeaderFactory headers = inbound.node().headers();
        CoreBoundHeaders.fromUe(response, headers);
        ToHeader to = (ToHeader) inbound.request().getHeader(ToHeader.NAME);
        if (response.getStatusCode() > Response.TRYING && to != null && to.getTag() == null) {
            Optional<PcscfFlow> registration = registered.of(response, ueFlow.get(), inbound.callId());
            if (registration.isPresent()) {
                AddressFactory addresses = inbound.node().addresses();
                CoreBoundHeaders.assertIdentity(response, addresses.createAddress(addresses.createURI(
                        asserted(response, registration.get()))), headers);
            } else {
                LOG.debugf("%d to %s (Call-ID %s): no registration of %s, no identity asserted",
                        response.getStatusCode(), inbound.method(), inbound.callId(), ueFlow.get());
            }
        }
    }

    @Override
    public void generated(Response response, InboundRequest request) throws Exception {
        registerResponses.generated(response, request);
    }

    /** The UE's flow when the request went towards the UE, else empty. */
    private Optional<TransportFlow> towardsUe(InboundRequest inbound) {
        RouteHeader top = (RouteHeader) inbound.request().getHeader(RouteHeader.NAME);
        if (top == null || !(top.getAddress().getURI() instanceof SipURI uri) || !inbound.node().isLocal(uri)) {
            return Optional.empty();
        }
        Optional<TransportFlow> flow = flowToken.fromPathUser(uri.getUser());
        return flow.isPresent() && !flow.get().equals(UeRegister.flowOf(inbound)) ? flow : Optional.empty();
    }

    private static String asserted(Response response, PcscfFlow registration) {
        for (Address preferred : AddressListHeader.P_PREFERRED_IDENTITY.read(response)) {
            String uri = preferred.getURI().toString();
            if (registration.associatedUris().contains(uri)) {
                return uri;
            }
        }
        return registration.associatedUris().get(0);
    }
}
