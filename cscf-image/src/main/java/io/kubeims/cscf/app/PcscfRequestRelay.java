package io.kubeims.cscf.app;

import io.kubeims.cscf.pcscf.FlowToken;
import io.kubeims.cscf.pcscf.UeRegister;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.cscf.store.TransportFlow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The P-CSCF's handling of requests other than REGISTER, as far as registration needs it (the reg event
 * subscription of TS 24.229 5.1.1.3 and its NOTIFYs); sessions come with their own issue. On the stateful proxy that
 * also serves REGISTER:
 * <ul>
 * <li>in-dialog requests, ACK and CANCEL (TS 24.229 5.2.6.3.4, 5.2.6.4.4): forwarded by their route set when the
 * topmost Route was ours (we Record-Routed the dialog), else 403: no open relay;</li>
 * <li>an initial request from a UE (TS 24.229 5.2.6.3.2/5.2.6.3.3): only from a registered UE, found by its Contact
 * and the flow (transport, address, port) it came over in the shared {@link PcscfFlowStore}, else 403; the Route set
 * is replaced by the Service-Route stored from the 200 to REGISTER (the UE does not pick its S-CSCF);
 * P-Asserted-Identity is the P-Preferred-Identity when it is one of the registered public identities, else the
 * default one (RFC 3325, TS 24.229 5.2.6.3.1), and Record-Route is added so that the dialog's requests (NOTIFY)
 * come back through this P-CSCF;</li>
 * <li>an initial request towards a UE (topmost Route our Path entry with a flow token): 501, not served before
 * sessions.</li>
 * </ul>
 * A request without Contact cannot be tied to a registered flow here (the flow store is keyed by contact and flow):
 * 403 as unregistered. On the jain-sip thread only the checks and the server transaction; the flow store read and
 * the forwarding run on {@code executor}. Each request is logged once at DEBUG with its Call-ID and counted in
 * {@value #METER} by {@code method} and {@code outcome}.
 */
final class PcscfRequestRelay implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(PcscfRequestRelay.class);
    /** Meter of relayed or refused requests other than REGISTER. */
    static final String METER = "kubeims.pcscf.requests";

    private final SipProxy proxy;
    private final PcscfFlowStore flows;
    private final Clock clock;
    private final Executor executor;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PcscfRequestRelay(SipProxy proxy, PcscfFlowStore flows, Clock clock, Executor executor, MeterRegistry meters) {
        this.proxy = proxy;
        this.flows = flows;
        this.clock = clock;
        this.executor = executor;
        this.meters = meters;
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        Request request = inbound.request();
        Optional<SipURI> topRoute = topRoute(request);
        boolean routedToUs = topRoute.map(inbound.node()::isLocal).orElse(false);
        String method = inbound.method();
        if (!RequestDispatcher.KNOWN_METHODS.contains(method)) {
            refuse(inbound, Response.NOT_IMPLEMENTED, "Not Implemented", "unknown_method", "method not known");
            return;
        }
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || inDialog(request)) {
            if (!routedToUs && !Request.CANCEL.equals(method)) {
                refuse(inbound, Response.FORBIDDEN, "Not Routed Through This P-CSCF", "in_dialog_refused",
                        "in-dialog request whose route set does not hold this P-CSCF");
                return;
            }
            Optional<Request> copy = proxy.prepare(inbound);
            if (copy.isPresent()) {
                proxy.forward(inbound, copy.get(), Forwarding.byRequest());
                done(inbound, "in_dialog", "relayed by its route set");
            }
            return;
        }
        if (routedToUs && topRoute.get().getUser() != null
                && topRoute.get().getUser().startsWith(FlowToken.PATH_USER_PREFIX)) {
            refuse(inbound, Response.NOT_IMPLEMENTED, "Terminating Requests Not Served Yet", "terminating_refused",
                    "initial request towards a UE (Path entry)");
            return;
        }
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            return;
        }
        inbound.serverTransaction();   // absorbs retransmissions during the store read
        try {
            executor.execute(() -> originating(inbound, prepared.get()));
        } catch (RejectedExecutionException e) {
            refuse(inbound, Response.SERVICE_UNAVAILABLE, "P-CSCF Overloaded", "overloaded", "no worker free");
        }
    }

    /** An initial request from a UE: registered flow, Service-Route, P-Asserted-Identity, Record-Route. */
    private void originating(InboundRequest inbound, Request copy) {
        try {
            Optional<PcscfFlow> flow = registeredFlow(inbound);
            if (flow.isEmpty()) {
                refuse(inbound, Response.FORBIDDEN, "Not Registered", "not_registered",
                        "no registered flow for its Contact from " + UeRegister.flowOf(inbound).address());
                return;
            }
            AddressFactory addresses = inbound.node().addresses();
            List<Address> serviceRoute = new ArrayList<>();
            for (String uri : flow.get().serviceRoute()) {
                serviceRoute.add(addresses.createAddress(addresses.createURI(uri)));
            }
            AddressListHeader.ROUTE.write(copy, serviceRoute, inbound.node().headers());
            String asserted = assertedIdentity(copy, flow.get());
            copy.removeHeader(AddressListHeader.P_PREFERRED_IDENTITY.headerName());
            AddressListHeader.P_ASSERTED_IDENTITY.write(copy, List.of(addresses.createAddress(
                    addresses.createURI(asserted))), inbound.node().headers());
            proxy.forward(inbound, copy, Forwarding.byRequest().withRecordRoute());
            done(inbound, "originating", "from " + flow.get().impi() + " as " + asserted + " via "
                    + flow.get().serviceRoute());
        } catch (SipSendException e) {
            LOG.debugf("%s (Call-ID %s): %s", inbound.method(), inbound.callId(), e.getMessage());
        } catch (ParseException | MalformedSipHeaderException | InvalidCscfStateException e) {
            tryRefuse(inbound, Response.BAD_REQUEST, "Malformed Request", "malformed", e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s (Call-ID %s): relaying failed: %s", inbound.method(), inbound.callId(), e);
            tryRefuse(inbound, Response.SERVER_INTERNAL_ERROR, "P-CSCF Error", "error", "see the error above");
        }
    }

    /** The live flow stored for one of the request's contacts over the flow it came on; a store failure: none. */
    private Optional<PcscfFlow> registeredFlow(InboundRequest inbound) {
        TransportFlow flow = UeRegister.flowOf(inbound);
        Instant now = clock.instant();
        for (ContactBinding contact : ContactBinding.read(inbound.request())) {
            try {
                Optional<PcscfFlow> stored = flows.get(new PcscfFlowKey(contact.uri().toString(), flow));
                if (stored.isPresent() && !stored.get().isExpired(now)) {
                    return stored;
                }
            } catch (InvalidCscfStateException e) {
                // a contact no flow can be stored under
            } catch (RuntimeException e) {
                LOG.warnf("%s (Call-ID %s): flow store unreadable, treated as unregistered: %s", inbound.method(),
                        inbound.callId(), e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
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

    private static Optional<SipURI> topRoute(Request request) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return top != null && top.getAddress().getURI() instanceof SipURI uri ? Optional.of(uri) : Optional.empty();
    }

    private static boolean inDialog(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private void refuse(InboundRequest inbound, int status, String reason, String outcome, String detail)
            throws SipSendException {
        count(inbound.method(), outcome);
        LOG.debugf("%s (Call-ID %s): %d %s, %s", inbound.method(), inbound.callId(), status, reason, detail);
        if (!Request.ACK.equals(inbound.method())) {
            inbound.respond(status, reason);
        }
    }

    private void tryRefuse(InboundRequest inbound, int status, String reason, String outcome, String detail) {
        if (inbound.finalResponseSent()) {
            return;
        }
        try {
            refuse(inbound, status, reason, outcome, detail);
        } catch (SipSendException | RuntimeException e) {
            LOG.debugf("%s (Call-ID %s): the %d was not sent: %s", inbound.method(), inbound.callId(), status, e);
        }
    }

    private void done(InboundRequest inbound, String outcome, String detail) {
        count(inbound.method(), outcome);
        LOG.debugf("%s (Call-ID %s): %s, %s", inbound.method(), inbound.callId(), outcome, detail);
    }

    private void count(String method, String outcome) {
        // the method tag only takes known values: a sender must not be able to create meters
        String tag = RequestDispatcher.KNOWN_METHODS.contains(method) ? method : "other";
        counters.computeIfAbsent(tag + " " + outcome, key -> Counter.builder(METER)
                .description("requests other than REGISTER at the P-CSCF, by method and outcome")
                .tags("method", tag, "outcome", outcome).register(meters)).increment();
    }
}
