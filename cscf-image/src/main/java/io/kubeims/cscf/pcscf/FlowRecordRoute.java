package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * The P-CSCF's Record-Route entry of a dialog (RFC 3261 16.6 step 4, TS 24.229 5.2.6.3.2/5.2.6.4.2): the pool's URI
 * (the host:port of the Path URI, which every replica answers to, never a pod) with the UE's flow token as user part,
 * {@code <sip:term-<flow token>@pool:port;lr>}, the same form as our Path entry. Any replica that receives an in-dialog
 * request with it on top knows, without dialog state, the flow to reach the UE over (RFC 5626 5.3) and, by comparing
 * the flow with where the request came from, the direction. Thread-safe.
 */
public final class FlowRecordRoute {

    private final FlowToken flowToken;
    private final String poolHostPortAndParams;

    /**
     * @param flowToken the token codec with the key shared by the replicas
     * @param pathUri   the normalised Path URI of {@link PcscfSettings}: {@code sip:host[:port][;params]}, no user
     */
    public FlowRecordRoute(FlowToken flowToken, String pathUri) {
        this.flowToken = flowToken;
        this.poolHostPortAndParams = pathUri.substring(pathUri.indexOf(':') + 1);
    }

    /** {@code <sip:term-<token of flow>@pool;lr>}. */
    public Address address(TransportFlow flow, AddressFactory addresses) {
        return AddressListHeader.RECORD_ROUTE.parse("<sip:" + flowToken.pathUser(flow) + "@"
                + poolHostPortAndParams + ">", addresses);
    }

    /** Puts our entry on top of the request's Record-Route. */
    public void add(Request request, TransportFlow flow, AddressFactory addresses, HeaderFactory headers) {
        AddressListHeader.RECORD_ROUTE.prepend(request, address(flow, addresses), headers);
    }

    /**
     * The user part of the request's topmost Route when it is one of ours with a flow-token prefix (the caller has
     * checked that the Route names this node), else empty.
     */
    public static Optional<String> flowUser(Request request) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (top != null && top.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null
                && uri.getUser().startsWith(FlowToken.PATH_USER_PREFIX)) {
            return Optional.of(uri.getUser());
        }
        return Optional.empty();
    }
}
