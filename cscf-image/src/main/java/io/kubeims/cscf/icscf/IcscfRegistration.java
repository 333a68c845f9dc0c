package io.kubeims.cscf.icscf;

import io.kubeims.cscf.icscf.RegistrationDecision.Fault;
import io.kubeims.cscf.icscf.RegistrationDecision.Forward;
import io.kubeims.cscf.icscf.RegistrationDecision.Reject;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.InvalidNextHopException;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RejectResponse;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import java.text.ParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The I-CSCF's REGISTER handler (TS 24.229 5.3.1.2): asks the HSS with a UAR (TS 29.228 6.1.1) and forwards the
 * REGISTER statefully to the S-CSCF the HSS names or that {@link RegistrationRouting} selects, through the node's
 * {@link SipProxy} (Via, Max-Forwards; no Record-Route, REGISTER creates no dialog, RFC 3261 10.2; no Path, the
 * I-CSCF is not on the path of later requests to the UE), relaying the S-CSCF's responses; rejects as
 * {@link RegistrationRouting} decides. The Request-URI stays as received (the home domain): the S-CSCF is only the
 * next hop.
 *
 * <p>Threading: on the jain-sip thread it only checks Max-Forwards/loops, reads the REGISTER and creates the server
 * transaction (so that retransmissions are absorbed while the HSS answers); the UAR is sent and its answer handled on
 * {@code executor}. Every reject carries a reason phrase and is logged once with the Call-ID: DEBUG for the user's
 * mistakes, WARN for infrastructure failures.
 *
 * <pre>{@code
 * StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
 * IcscfRegistration registration = new IcscfRegistration(proxy, cxNode, settings, executor);
 * node.start(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
 * }</pre>
 */
public final class IcscfRegistration implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(IcscfRegistration.class);

    private final SipProxy proxy;
    private final CxClient cx;
    private final IcscfSettings settings;
    private final RegistrationRouting routing;
    private final Executor executor;

    /**
     * @param proxy    the stateful proxy of the I-CSCF's node (also the node's stray-response handler)
     * @param cx       the Cx client towards the HSS
     * @param settings home domain, S-CSCF pool, Retry-After
     * @param executor runs the Cx round trip and what follows, off the jain-sip threads
     */
    public IcscfRegistration(SipProxy proxy, CxClient cx, IcscfSettings settings, Executor executor) {
        this(proxy, cx, settings, new RegistrationRouting(new ScscfSelector(settings.scscfPool()), settings),
                executor);
    }

    /** With a routing of the caller's (e.g. sharing a selector with another handler). */
    public IcscfRegistration(SipProxy proxy, CxClient cx, IcscfSettings settings, RegistrationRouting routing,
                             Executor executor) {
        if (proxy == null || cx == null || settings == null || routing == null || executor == null) {
            throw new IllegalArgumentException("proxy, cx, settings, routing and executor are required");
        }
        this.proxy = proxy;
        this.cx = cx;
        this.settings = settings;
        this.routing = routing;
        this.executor = executor;
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        if (!Request.REGISTER.equals(inbound.method())) {
            throw new IllegalArgumentException("the I-CSCF registration handler serves REGISTER, got "
                    + inbound.method());
        }
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            return;
        }
        RegistrationQuery query;
        try {
            query = RegistrationQuery.of(inbound.request(), settings.homeDomain());
        } catch (InvalidRegisterException e) {
            reject(inbound, new Reject(e.status(), e.reasonPhrase(), Fault.USER, e.getMessage(), null,
                    OptionalInt.empty()));
            return;
        }
        // before the Cx round trip: retransmissions of the REGISTER are absorbed by the transaction meanwhile
        inbound.serverTransaction();
        Request copy = prepared.get();
        try {
            executor.execute(() -> ask(inbound, copy, query));
        } catch (RejectedExecutionException e) {
            reject(inbound, new Reject(Response.SERVICE_UNAVAILABLE, "I-CSCF Overloaded", Fault.INFRASTRUCTURE,
                    query + ": no thread free for the registration status query", "I-CSCF overloaded",
                    OptionalInt.of((int) settings.retryAfter().toSeconds())));
        }
    }

    private void ask(InboundRequest inbound, Request copy, RegistrationQuery query) {
        CompletableFuture<UserAuthorizationAnswer> answer;
        try {
            answer = cx.send(query.toRequest());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((received, failure) -> conclude(inbound, copy, query, received, failure), executor);
    }

    private void conclude(InboundRequest inbound, Request copy, RegistrationQuery query,
                          UserAuthorizationAnswer answer, Throwable failure) {
        try {
            RegistrationDecision decision = failure == null ? routing.decide(query, answer)
                    : routing.failed(query, failure);
            if (decision instanceof Forward forward) {
                forward(inbound, copy, query, forward);
            } else {
                reject(inbound, (Reject) decision);
            }
        } catch (SipSendException e) {
            LOG.debugf("REGISTER (Call-ID %s): %s", inbound.callId(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "REGISTER (Call-ID %s) for %s: handling the UAR outcome failed: %s", inbound.callId(),
                    query, e);
            if (!inbound.finalResponseSent()) {
                try {
                    reject(inbound, new Reject(Response.SERVER_INTERNAL_ERROR, "I-CSCF Error", Fault.INFRASTRUCTURE,
                            "see the error above", null, OptionalInt.empty()));
                } catch (SipSendException | RuntimeException again) {
                    LOG.debugf("REGISTER (Call-ID %s): cannot send 500: %s", inbound.callId(), again);
                }
            }
        }
    }

    private void forward(InboundRequest inbound, Request copy, RegistrationQuery query, Forward forward)
            throws SipSendException {
        NextHop hop;
        try {
            URI uri = inbound.node().addresses().createURI(forward.serverName());
            if (!(uri instanceof SipURI sip)) {
                throw new ParseException("not a SIP URI", 0);
            }
            hop = NextHop.of(sip);
        } catch (ParseException | InvalidNextHopException e) {
            reject(inbound, new Reject(Response.SERVER_INTERNAL_ERROR, "HSS Error", Fault.INFRASTRUCTURE,
                    query + ": Server-Name '" + forward.serverName() + "' unusable: " + e.getMessage(),
                    "S-CSCF name unusable", OptionalInt.empty()));
            return;
        }
        LOG.debugf("REGISTER (Call-ID %s) %s: to S-CSCF %s, %s", inbound.callId(), query, forward.serverName(),
                forward.basis());
        proxy.forward(inbound, copy, Forwarding.to(hop));
    }

    private void reject(InboundRequest inbound, Reject reject) throws SipSendException {
        if (reject.fault() == Fault.USER) {
            LOG.debugf("REGISTER (Call-ID %s) rejected %d %s: %s", inbound.callId(), reject.status(),
                    reject.reasonPhrase(), reject.detail());
        } else {
            LOG.warnf("REGISTER (Call-ID %s) rejected %d %s: %s", inbound.callId(), reject.status(),
                    reject.reasonPhrase(), reject.detail());
        }
        inbound.respond(RejectResponse.create(inbound, reject.status(), reject.reasonPhrase(), reject.reasonText(),
                reject.retryAfter()));
    }
}
