package io.kubeims.cscf.icscf;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.icscf.RegistrationDecision.Fault;
import io.kubeims.cscf.icscf.RegistrationDecision.Forward;
import io.kubeims.cscf.icscf.RegistrationDecision.Reject;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RejectResponse;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The I-CSCF's requests other than REGISTER (TS 24.229 5.3.2; routing contract 4): an initial request is located
 * with a LIR ({@link LocationQuery}, {@link LocationRouting}) and forwarded statefully with
 * {@code Route: <server-name;lr>} on top (no {@code orig}: the S-CSCF serves it as terminating), the Request-URI
 * unchanged and no Record-Route (the I-CSCF is not on the dialog's path); or rejected with a reason phrase (and a
 * Reason header when the network failed). CANCEL goes to the proxy, which cancels the INVITE it forwarded (RFC 3261
 * 16.10). A request with a To tag is 403 "Not On The Dialog Path", an ACK of a dialog is dropped (neither can reach
 * an I-CSCF that never Record-Routes, unless misrouted); unknown methods 501.
 *
 * <p>Threading as {@link IcscfRegistration}: checks and the server transaction on the jain-sip thread, the LIR and its
 * outcome on {@code executor}. Every request is logged once with its Call-ID (DEBUG, WARN for infrastructure failures)
 * and counted in {@value #METER} by method and outcome.
 */
public final class IcscfSessionRouting implements SipRequestHandler {

    /** Meter of the I-CSCF's requests other than REGISTER. */
    public static final String METER = "kubeims.icscf.requests";

    private static final Logger LOG = Logger.getLogger(IcscfSessionRouting.class);

    private final SipProxy proxy;
    private final CxClient cx;
    private final LocationRouting routing;
    private final Executor executor;
    private final TaggedCounters counted;

    /**
     * @param proxy    the stateful proxy of the I-CSCF's node (shared with {@link IcscfRegistration})
     * @param cx       the Cx client towards the HSS
     * @param routing  LIR outcome to decision
     * @param executor runs the Cx round trip and what follows, off the jain-sip threads
     * @param meters   where {@value #METER} is counted
     */
    public IcscfSessionRouting(SipProxy proxy, CxClient cx, LocationRouting routing, Executor executor,
            MeterRegistry meters) {
        if (proxy == null || cx == null || routing == null || executor == null || meters == null) {
            throw new IllegalArgumentException("proxy, cx, routing, executor and meters are required");
        }
        this.proxy = proxy;
        this.cx = cx;
        this.routing = routing;
        this.executor = executor;
        this.counted = new TaggedCounters(meters, METER,
                "requests other than REGISTER at the I-CSCF, by method and outcome", "method", "outcome");
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        String method = inbound.method();
        if (!RequestDispatcher.KNOWN_METHODS.contains(method)) {
            reject(inbound, new Reject(Response.NOT_IMPLEMENTED, "Not Implemented", Fault.USER, "method not known",
                    null, OptionalInt.empty()), "unknown_method");
            return;
        }
        if (Request.CANCEL.equals(method)) {
            proxy.proxy(inbound, Forwarding.byRequest());
            done(inbound, "cancel", "to the proxy");
            return;
        }
        if (Request.ACK.equals(method)) {
            done(inbound, "ack_dropped", "an ACK of a dialog the I-CSCF is not on");
            return;
        }
        ToHeader to = (ToHeader) inbound.request().getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            reject(inbound, new Reject(Response.FORBIDDEN, "Not On The Dialog Path", Fault.USER,
                    "in-dialog request at the I-CSCF, which never Record-Routes", null, OptionalInt.empty()),
                    "in_dialog_refused");
            return;
        }
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            count(method, "max_forwards_or_loop");
            return;
        }
        LocationQuery query;
        try {
            query = LocationQuery.of(inbound.request());
        } catch (UnlocatableRequestException e) {
            reject(inbound, new Reject(e.status(), e.reasonPhrase(), Fault.USER, e.getMessage(), null,
                    OptionalInt.empty()), "unlocatable");
            return;
        }
        // before the Cx round trip: retransmissions are absorbed by the transaction meanwhile
        inbound.serverTransaction();
        Request copy = prepared.get();
        try {
            executor.execute(() -> ask(inbound, copy, query));
        } catch (RejectedExecutionException e) {
            reject(inbound, new Reject(Response.SERVICE_UNAVAILABLE, "I-CSCF Overloaded", Fault.INFRASTRUCTURE,
                    query + ": no thread free for the user location query", "I-CSCF overloaded",
                    OptionalInt.of(30)), "overloaded");
        }
    }

    private void ask(InboundRequest inbound, Request copy, LocationQuery query) {
        CompletableFuture<LocationInfoAnswer> answer;
        try {
            answer = cx.send(query.toRequest());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((received, failure) -> conclude(inbound, copy, query, received, failure), executor);
    }

    private void conclude(InboundRequest inbound, Request copy, LocationQuery query, LocationInfoAnswer answer,
            Throwable failure) {
        try {
            RegistrationDecision decision = failure == null ? routing.decide(query, answer)
                    : routing.failed(query, failure);
            if (decision instanceof Forward forward) {
                forward(inbound, copy, query, forward);
            } else {
                Reject reject = (Reject) decision;
                reject(inbound, reject, reject.fault() == Fault.USER ? "refused" : "hss_failure");
            }
        } catch (SipSendException e) {
            LOG.debugf("%s (Call-ID %s): %s", inbound.method(), inbound.callId(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s (Call-ID %s) for %s: handling the LIR outcome failed: %s", inbound.method(),
                    inbound.callId(), query, e);
            if (!inbound.finalResponseSent()) {
                try {
                    reject(inbound, new Reject(Response.SERVER_INTERNAL_ERROR, "I-CSCF Error", Fault.INFRASTRUCTURE,
                            "see the error above", null, OptionalInt.empty()), "error");
                } catch (SipSendException | RuntimeException again) {
                    LOG.debugf("%s (Call-ID %s): cannot send 500: %s", inbound.method(), inbound.callId(), again);
                }
            }
        }
    }

    private void forward(InboundRequest inbound, Request copy, LocationQuery query, Forward forward)
            throws SipSendException {
        try {
            URI uri = inbound.node().addresses().createURI(forward.serverName());
            if (!(uri instanceof SipURI sip) || sip.isSecure()) {
                throw new ParseException("not a sip: URI", 0);
            }
            sip.setLrParam();
            copy.addFirst(inbound.node().headers().createRouteHeader(inbound.node().addresses().createAddress(sip)));
        } catch (ParseException | SipException e) {
            reject(inbound, new Reject(Response.SERVER_INTERNAL_ERROR, "HSS Error", Fault.INFRASTRUCTURE,
                    query + ": Server-Name '" + forward.serverName() + "' unusable: " + e.getMessage(),
                    "S-CSCF name unusable", OptionalInt.empty()), "hss_failure");
            return;
        }
        proxy.forward(inbound, copy, Forwarding.byRequest());
        done(inbound, "forwarded", query + ": to S-CSCF " + forward.serverName() + ", " + forward.basis());
    }

    private void reject(InboundRequest inbound, Reject reject, String outcome) throws SipSendException {
        count(inbound.method(), outcome);
        if (reject.fault() == Fault.USER) {
            LOG.debugf("%s (Call-ID %s) rejected %d %s: %s", inbound.method(), inbound.callId(), reject.status(),
                    reject.reasonPhrase(), reject.detail());
        } else {
            LOG.warnf("%s (Call-ID %s) rejected %d %s: %s", inbound.method(), inbound.callId(), reject.status(),
                    reject.reasonPhrase(), reject.detail());
        }
        inbound.respond(RejectResponse.create(inbound, reject.status(), reject.reasonPhrase(), reject.reasonText(),
                reject.retryAfter()));
    }

    private void done(InboundRequest inbound, String outcome, String detail) {
        count(inbound.method(), outcome);
        LOG.debugf("%s (Call-ID %s): %s, %s", inbound.method(), inbound.callId(), outcome, detail);
    }

    private void count(String method, String outcome) {
        counted.increment(TaggedCounters.methodTag(method), outcome);
    }
}
