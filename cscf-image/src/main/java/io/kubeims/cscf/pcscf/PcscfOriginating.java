package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.TransportFlow;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * An initial request from a UE at the P-CSCF (TS 24.229 5.2.6.3.2, 5.2.6.3.3; RFC 3325; RFC 3329; RFC 3608):
 * <ul>
 * <li>only from a registered UE, found by its Contact and flow, or its flow alone ({@link RegisteredFlows}), else 403
 * "Not Registered";</li>
 * <li>the Route set (after our own entries) must start with the stored Service-Route: otherwise it is replaced by it
 * or the request is answered 400 "Route Does Not Match Service-Route", as {@link RouteEnforcement} says;</li>
 * <li>P-Asserted-Identity is the P-Preferred-Identity when that is one of the registered identities, else the default
 * one (the first P-Associated-URI); a P-Asserted-Identity sent by the UE is removed, never trusted;</li>
 * <li>{@code sec-agree} and Security-Client/-Verify removed ({@link CoreBoundHeaders});</li>
 * <li>Record-Route naming the P-CSCF pool with the UE's flow token ({@link FlowRecordRoute}), so that in-dialog
 * requests of both directions come back through any replica and reach the UE over its flow.</li>
 * </ul>
 * Max-Forwards 0 (483) and loops (482) are answered by the proxy. On the jain-sip thread only those checks and the
 * server transaction; the store read and the forwarding run on {@code executor}.
 */
public final class PcscfOriginating {

    private static final Logger LOG = Logger.getLogger(PcscfOriginating.class);

    private final SipProxy proxy;
    private final RegisteredFlows registered;
    private final FlowRecordRoute recordRoute;
    private final RouteEnforcement enforcement;
    private final Executor executor;
    private final PcscfRequestOutcomes outcomes;

    public PcscfOriginating(SipProxy proxy, RegisteredFlows registered, FlowRecordRoute recordRoute,
            RouteEnforcement enforcement, Executor executor, PcscfRequestOutcomes outcomes) {
        if (proxy == null || registered == null || recordRoute == null || enforcement == null || executor == null
                || outcomes == null) {
            throw new IllegalArgumentException("proxy, registered, recordRoute, enforcement, executor and outcomes"
                    + " are required");
        }
        this.proxy = proxy;
        this.registered = registered;
        this.recordRoute = recordRoute;
        this.enforcement = enforcement;
        this.executor = executor;
        this.outcomes = outcomes;
    }

    /** Handles an initial request that is not towards a UE (no Path entry of ours on top). */
    public void handle(InboundRequest inbound) throws SipSendException {
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            return;
        }
        inbound.serverTransaction();   // absorbs retransmissions during the store read
        try {
            executor.execute(() -> originating(inbound, prepared.get()));
        } catch (RejectedExecutionException e) {
            outcomes.refuse(inbound, Response.SERVICE_UNAVAILABLE, "P-CSCF Overloaded", "overloaded",
                    "no worker free");
        }
    }

    private void originating(InboundRequest inbound, Request copy) {
        try {
            TransportFlow from = UeRegister.flowOf(inbound);
            Optional<PcscfFlow> flow = registered.of(inbound.request(), from, inbound.callId());
            if (flow.isEmpty()) {
                outcomes.refuse(inbound, Response.FORBIDDEN, "Not Registered", "not_registered",
                        "no registered flow for it from " + from);
                return;
            }
            AddressFactory addresses = inbound.node().addresses();
            List<URI> serviceRoute = new ArrayList<>();
            for (String uri : flow.get().serviceRoute()) {
                serviceRoute.add(addresses.createURI(uri));
            }
            if (!startsWithServiceRoute(copy, serviceRoute)) {
                if (enforcement == RouteEnforcement.REJECT) {
                    outcomes.refuse(inbound, Response.BAD_REQUEST, "Route Does Not Match Service-Route",
                            "route_refused", "Route " + AddressListHeader.ROUTE.read(copy) + " instead of "
                                    + flow.get().serviceRoute());
                    return;
                }
                List<Address> route = new ArrayList<>();
                for (URI uri : serviceRoute) {
                    route.add(addresses.createAddress(uri));
                }
                AddressListHeader.ROUTE.write(copy, route, inbound.node().headers());
            }
            CoreBoundHeaders.fromUe(copy, inbound.node().headers());
            String asserted = assertedIdentity(inbound.request(), flow.get());
            CoreBoundHeaders.assertIdentity(copy, addresses.createAddress(addresses.createURI(asserted)),
                    inbound.node().headers());
            recordRoute.add(copy, from, addresses, inbound.node().headers());
            proxy.forward(inbound, copy, Forwarding.byRequest());
            outcomes.done(inbound, "originating", "from " + flow.get().impi() + " as " + asserted + " via "
                    + flow.get().serviceRoute());
        } catch (SipSendException e) {
            LOG.debugf("%s (Call-ID %s): %s", inbound.method(), inbound.callId(), e.getMessage());
        } catch (ParseException | MalformedSipHeaderException | InvalidCscfStateException e) {
            outcomes.tryRefuse(inbound, Response.BAD_REQUEST, "Malformed Request", "malformed", e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s (Call-ID %s): relaying failed: %s", inbound.method(), inbound.callId(), e);
            outcomes.tryRefuse(inbound, Response.SERVER_INTERNAL_ERROR, "P-CSCF Error", "error",
                    "see the error above");
        }
    }

    /** Whether the Route set starts with the Service-Route, entry by entry (RFC 3261 19.1.4 URI comparison). */
    static boolean startsWithServiceRoute(Request copy, List<URI> serviceRoute) {
        List<Address> route = AddressListHeader.ROUTE.read(copy);
        if (route.size() < serviceRoute.size()) {
            return false;
        }
        for (int i = 0; i < serviceRoute.size(); i++) {
            if (!route.get(i).getURI().equals(serviceRoute.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The P-Preferred-Identity when registered (RFC 3325 9.2), else the default public identity. */
    private static String assertedIdentity(Request request, PcscfFlow flow) {
        for (Address preferred : AddressListHeader.P_PREFERRED_IDENTITY.read(request)) {
            String uri = preferred.getURI().toString();
            if (flow.associatedUris().contains(uri)) {
                return uri;
            }
        }
        return flow.associatedUris().get(0);
    }
}
