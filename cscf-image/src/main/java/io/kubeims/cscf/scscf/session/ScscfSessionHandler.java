package io.kubeims.cscf.scscf.session;

import gov.nist.javax.sip.ServerTransactionExt;
import gov.nist.javax.sip.header.SIPHeader;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipResponseHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.ViaBranch;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.ProxyCore;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.client.CxClient;
import io.kubeims.protocol.enumdns.E164Number;
import io.kubeims.protocol.enumdns.EnumCandidate;
import io.kubeims.protocol.enumdns.EnumLookupException;
import io.kubeims.protocol.enumdns.EnumResolver;
import io.kubeims.protocol.enumdns.InvalidE164NumberException;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IfcEvaluator;
import io.kubeims.protocol.ifc.IfcRequest;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The S-CSCF's handling of every request but REGISTER and SUBSCRIBE to the reg event package (TS 24.229 5.4.3):
 * <ul>
 * <li>an initial request whose consumed Route had user {@code orig} is originating, served user the
 * P-Asserted-Identity (session case 0, or 3 when not registered: profile by SAR UNREGISTERED_USER); one whose Route
 * had user {@code odi-<token>} came back from an AS and resumes after that AS's iFC; any other is terminating,
 * served user the Request-URI (case 1, or 2 when not registered);</li>
 * <li>the served user's iFCs are evaluated in priority order; a match sends the request to the AS with Route
 * {@code <as;lr>, <sip:odi-<token>@pool;lr>} (the ODI self-contained and signed, {@link OdiCodec}), sec-agree
 * stripped from Require/Proxy-Require; DefaultHandling decides when the AS is silent or answers 408/5xx before any
 * provisional response;</li>
 * <li>then the originating target: home-domain sip: to the I-CSCF, tel: or user=phone through ENUM with failover to
 * the next record, else the breakout gateway, else 404; the terminating target: every active binding in parallel
 * over its Path, 480 when there is none;</li>
 * <li>requests with a To tag, ACK and unmatched CANCEL follow Route and Request-URI (no dialog state: any replica),
 * unknown methods outside a dialog get 501.</li>
 * </ul>
 * Every initial request forwarded gets a Record-Route naming the pool. Rejects carry a reason phrase and are logged
 * once at DEBUG with the Call-ID; {@link SessionMetrics} counts each request. Blocking work (SAR, ENUM) runs on the
 * worker executor, never on a jain-sip thread. Also the node's handler of stray responses (2xx retransmissions).
 */
public final class ScscfSessionHandler implements SipRequestHandler, SipResponseHandler {

    private static final Logger LOG = Logger.getLogger(ScscfSessionHandler.class);
    /** The Route user the P-CSCF's Service-Route carries for originating requests (routing contract 1-2). */
    public static final String ORIGINATING_USER = "orig";
    /** Methods whose initial request creates a dialog we want to stay in (Record-Route). */
    private static final Set<String> DIALOG_CREATING = Set.of(Request.INVITE, Request.SUBSCRIBE, Request.REFER,
            "NOTIFY");

    private final SipNode node;
    private final SessionSettings settings;
    private final ServedUsers servedUsers;
    private final OdiCodec odi;
    private final Optional<EnumResolver> enumResolver;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final SessionMetrics metrics;
    private final Clock clock;
    private final ProxyCore core;
    private final StatefulProxy inDialog;
    private final NextHop pool;

    /**
     * @param node          the S-CSCF's SIP node (its aliases must include the pool's host:port)
     * @param settings      pool, I-CSCF, breakout, AS timeout
     * @param registrations the shared registration store
     * @param cx            the Cx client (SAR UNREGISTERED_USER)
     * @param userData      reads Cx-User-Data
     * @param odi           signs and checks ODIs with the pool's key
     * @param enumResolver  ENUM, when configured
     * @param workers       runs SAR and ENUM work off the jain-sip threads
     * @param timer         runs the AS silence timers
     * @param meters        where {@link SessionMetrics#REQUESTS} is counted
     * @param clock         ODI expiry and binding expiry
     */
    public ScscfSessionHandler(SipNode node, SessionSettings settings, RegistrationStore registrations, CxClient cx,
            CxUserDataReader userData, OdiCodec odi, Optional<EnumResolver> enumResolver, ExecutorService workers,
            ScheduledExecutorService timer, MeterRegistry meters, Clock clock) {
        if (node == null || settings == null || registrations == null || cx == null || userData == null
                || odi == null || enumResolver == null || workers == null || timer == null || meters == null
                || clock == null) {
            throw new IllegalArgumentException("every collaborator of the S-CSCF session handler is required");
        }
        this.node = node;
        this.settings = settings;
        this.servedUsers = new ServedUsers(registrations, cx, settings.serverName(), userData, clock);
        this.odi = odi;
        this.enumResolver = enumResolver;
        this.workers = workers;
        this.timer = timer;
        this.metrics = new SessionMetrics(meters);
        this.clock = clock;
        this.core = new ProxyCore(node);
        this.inDialog = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
        this.pool = settings.pool();
    }

    // ---- entry ----

    @Override
    public void handle(InboundRequest inbound) throws Exception {
        String method = inbound.method();
        if (Request.CANCEL.equals(method)) {
            cancel(inbound);
            return;
        }
        boolean inDialogRequest = toTag(inbound.request()) != null;
        if (Request.ACK.equals(method)) {
            if (inDialogRequest) {
                forwardInDialog(inbound);
            } else {
                LOG.debugf("ACK without To tag dropped (Call-ID %s)", inbound.callId());
            }
            return;
        }
        if (inDialogRequest) {
            forwardInDialog(inbound);
            return;
        }
        if (!RequestDispatcher.KNOWN_METHODS.contains(method)) {
            // RFC 3261 8.2.1/21.5.2: the S-CSCF cannot serve a method it does not know for the served user
            Response response = inbound.createResponse(Response.NOT_IMPLEMENTED, "Method Not Implemented");
            response.addHeader(node.headers().createAllowHeader(String.join(", ",
                    new java.util.TreeSet<>(RequestDispatcher.KNOWN_METHODS))));
            reject(inbound, "initial", response, "unknown method " + method);
            return;
        }
        initial(inbound);
    }

    /** Relays responses no client transaction claims (2xx retransmissions to INVITE) by their next Via. */
    @Override
    public void handle(Response response, SipNode receivingNode) throws Exception {
        inDialog.handle(response, receivingNode);
    }

    // ---- in-dialog, CANCEL ----

    private void forwardInDialog(InboundRequest inbound) throws SipSendException {
        Optional<Request> prepared = core.prepare(inbound);
        if (prepared.isEmpty()) {
            count(inbound, "in-dialog", Request.ACK.equals(inbound.method()) ? "dropped" : "rejected");
            return;
        }
        Request copy = prepared.get();
        if (copy.getHeader(RouteHeader.NAME) == null && node.isLocal(copy.getRequestURI())) {
            // we keep no dialogs, so a request addressed to us within one has nowhere to go (RFC 3261 12.2.2)
            if (!Request.ACK.equals(inbound.method())) {
                reject(inbound, "in-dialog", inbound.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                        "No Dialog Here"), "in-dialog request addressed to the S-CSCF itself");
            }
            return;
        }
        // counted first: the response may be back before forward returns
        count(inbound, "in-dialog", "forwarded");
        inDialog.forward(inbound, copy, Forwarding.byRequest());
    }

    private void cancel(InboundRequest inbound) throws SipSendException {
        Optional<ServerTransaction> transaction = inbound.serverTransaction();
        if (transaction.isPresent() && transaction.get() instanceof ServerTransactionExt ext) {
            ServerTransaction invite = ext.getCanceledInviteTransaction();
            if (invite != null && invite.getApplicationData() instanceof ResponseContext context) {
                count(inbound, "cancel", "200");
                inbound.respond(Response.OK);
                context.cancel();
                return;
            }
        }
        // RFC 3261 16.10: no response context here (another replica may hold it): forward statelessly
        Optional<Request> prepared = core.prepare(inbound);
        if (prepared.isPresent()) {
            count(inbound, "cancel", "forwarded");
            inDialog.forward(inbound, prepared.get(), Forwarding.byRequest());
        }
    }

    // ---- initial requests ----

    private void initial(InboundRequest inbound) throws SipSendException, ParseException {
        Request received = inbound.request();
        String consumedUser = consumedRouteUser(received);
        Optional<Request> prepared = core.prepare(inbound);
        if (prepared.isEmpty()) {
            count(inbound, "initial", "rejected");
            return;
        }
        Optional<ServerTransaction> server = inbound.serverTransaction();
        if (server.isEmpty()) {
            reject(inbound, "initial", inbound.createResponse(Response.BAD_REQUEST, "Malformed Request"),
                    "no server transaction possible");
            return;
        }
        String kind = ORIGINATING_USER.equals(consumedUser) ? "originating"
                : OdiCodec.isOdi(consumedUser) ? "resumed" : "terminating";
        if (kind.equals("terminating") && prepared.get().getHeader(RouteHeader.NAME) == null
                && node.isLocal(prepared.get().getRequestURI())) {
            addressedToUs(inbound);
            return;
        }
        ResponseContext context = new ResponseContext(inbound, server.get(), node, timer,
                status -> count(inbound, kind, Integer.toString(status)));
        server.get().setApplicationData(context);
        if (Request.INVITE.equals(inbound.method())) {
            inbound.respond(Response.TRYING);
        }
        Request base = prepared.get();
        try {
            workers.execute(() -> start(context, base, kind, consumedUser));
        } catch (RejectedExecutionException e) {
            context.reject(Response.SERVICE_UNAVAILABLE, "Overloaded", "the workers refused the request");
        }
    }

    /**
     * A request for the S-CSCF itself rather than a served user: OPTIONS is answered 200 with Allow (RFC 3261 11.2,
     * e.g. a load balancer's probe), anything else 404.
     */
    private void addressedToUs(InboundRequest inbound) throws SipSendException, ParseException {
        if (Request.OPTIONS.equals(inbound.method())) {
            Response ok = inbound.createResponse(Response.OK);
            ok.addHeader(node.headers().createAllowHeader(String.join(", ",
                    new java.util.TreeSet<>(RequestDispatcher.KNOWN_METHODS))));
            count(inbound, "terminating", "200");
            inbound.respond(ok);
            return;
        }
        reject(inbound, "terminating", inbound.createResponse(Response.NOT_FOUND, "No Served User"),
                "Request-URI names the S-CSCF itself");
    }

    private void start(ResponseContext context, Request base, String kind, String consumedUser) {
        try {
            switch (kind) {
                case "originating" -> {
                    String served = assertedIdentity(base).orElseThrow(() -> new SessionRejectedException(
                            Response.FORBIDDEN, "No P-Asserted-Identity",
                            "originating request without P-Asserted-Identity"));
                    ServedUser user = servedUsers.find(served, true).join();
                    evaluate(context, base, user, user.registered() ? SessionCase.ORIGINATING_REGISTERED
                            : SessionCase.ORIGINATING_UNREGISTERED, -1);
                }
                case "resumed" -> {
                    OdiToken token;
                    try {
                        token = odi.decode(consumedUser);
                    } catch (InvalidOdiException e) {
                        throw new SessionRejectedException(Response.FORBIDDEN, "Invalid ODI", e.getMessage(), e);
                    }
                    boolean originating = isOriginating(token.sessionCase());
                    ServedUser user = servedUsers.find(token.servedUser(), originating).join();
                    if (!originating && !identityOf(base.getRequestURI()).equalsIgnoreCase(user.identity())) {
                        // TS 24.229 5.4.3.3: the AS retargeted the request: route to the new target
                        routeToTarget(context, base);
                        return;
                    }
                    evaluate(context, base, user, token.sessionCase(), token.afterPriority());
                }
                default -> {
                    ServedUser user = servedUsers.find(identityOf(base.getRequestURI()), false).join();
                    evaluate(context, base, user, user.registered() ? SessionCase.TERMINATING_REGISTERED
                            : SessionCase.TERMINATING_UNREGISTERED, -1);
                }
            }
        } catch (CompletionException e) {
            failed(context, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException | SipSendException | ParseException | SipException e) {
            failed(context, e);
        }
    }

    private void failed(ResponseContext context, Throwable failure) {
        if (failure instanceof SessionRejectedException rejected) {
            context.reject(rejected.status(), rejected.reasonPhrase(), rejected.getMessage());
            return;
        }
        LOG.errorf(failure, "%s: routing failed: %s", context.inbound(), failure);
        context.reject(Response.SERVER_INTERNAL_ERROR, "Routing Failed", failure.toString());
    }

    /**
     * TS 24.229 5.4.3.2 step 4 / 5.4.3.3 step 3: the next iFC after {@code afterPriority} that matches; its AS gets
     * the request, else the target does.
     */
    private void evaluate(ResponseContext context, Request base, ServedUser user, SessionCase sessionCase,
            int afterPriority) throws SipSendException, ParseException, SipException {
        if (context.isOver()) {
            return;
        }
        IfcRequest view = ifcView(base, sessionCase, user.registered());
        Optional<InitialFilterCriteria> next = IfcEvaluator.of(user.profile()).nextMatching(view, afterPriority);
        if (next.isPresent()) {
            toApplicationServer(context, base, user, sessionCase, next.get());
        } else if (isOriginating(sessionCase)) {
            routeToTarget(context, base);
        } else {
            toContacts(context, base, user);
        }
    }

    private void toApplicationServer(ResponseContext context, Request base, ServedUser user,
            SessionCase sessionCase, InitialFilterCriteria ifc) throws ParseException, SipException {
        ApplicationServer as = ifc.applicationServer();
        Request copy = (Request) base.clone();
        // seed 004: an AS such as FreeSWITCH answers 420 to sec-agree, which only concerns UE and P-CSCF
        OptionTagHeader.REQUIRE.remove(copy, "sec-agree", node.headers());
        OptionTagHeader.PROXY_REQUIRE.remove(copy, "sec-agree", node.headers());
        String token = odi.encode(new OdiToken(sessionCase, user.identity(), ifc.priority(),
                clock.instant().plus(settings.odiLifetime())));
        SipURI odiUri = node.addresses().createSipURI(token, pool.host());
        odiUri.setPort(pool.port());
        odiUri.setLrParam();
        copy.addFirst(node.headers().createRouteHeader(node.addresses().createAddress(odiUri)));
        URI asUri = node.addresses().createURI(as.serverName());
        if (!(asUri instanceof SipURI asSip)) {
            throw new SessionRejectedException(Response.SERVER_INTERNAL_ERROR, "Unusable Application Server",
                    "AS " + as.serverName() + " is not a SIP URI");
        }
        asSip.setLrParam();
        copy.addFirst(node.headers().createRouteHeader(node.addresses().createAddress(asSip)));
        Optional<Branch> branch = branch(context, copy, "AS " + as.serverName());
        if (branch.isEmpty()) {
            return;
        }
        ResponseContext.Fallback fallback = as.defaultHandling() == DefaultHandling.SESSION_CONTINUED
                ? status -> {
                    LOG.debugf("%s: AS %s failed (%d), DefaultHandling SESSION_CONTINUED", context.inbound(),
                            as.serverName(), status);
                    return resume(() -> evaluate(context, base, user, sessionCase, ifc.priority()), context);
                }
                : status -> {
                    LOG.debugf("%s: AS %s failed (%d), DefaultHandling SESSION_TERMINATED", context.inbound(),
                            as.serverName(), status);
                    return false;
                };
        context.fork(List.of(branch.get()), settings.asResponseTimeout(), fallback);
    }

    /** TS 24.229 5.4.3.2 steps 10-11: where an originating request goes after its iFCs. */
    private void routeToTarget(ResponseContext context, Request base) throws ParseException, SipException,
            SipSendException {
        URI target = base.getRequestURI();
        if (target instanceof TelURL || target instanceof SipURI sip && "phone".equalsIgnoreCase(sip.getUserParam())) {
            toNumber(context, base);
            return;
        }
        if (!(target instanceof SipURI sip)) {
            context.reject(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme",
                    "Request-URI scheme " + target.getScheme());
            return;
        }
        if (sip.getHost().equalsIgnoreCase(settings.homeDomain())) {
            toHomeDomain(context, base);
            return;
        }
        // another network's SIP URI: by the Request-URI (RFC 3263)
        branch(context, (Request) base.clone(), "Request-URI " + target)
                .ifPresent(b -> context.fork(List.of(b), null, null));
    }

    private void toHomeDomain(ResponseContext context, Request base) throws ParseException, SipException,
            SipSendException {
        if (settings.icscfUri().isEmpty()) {
            // no I-CSCF configured: this pool serves the whole home domain, the terminating procedure runs here
            ServedUser user = servedUsers.find(identityOf(base.getRequestURI()), false).join();
            evaluate(context, base, user, user.registered() ? SessionCase.TERMINATING_REGISTERED
                    : SessionCase.TERMINATING_UNREGISTERED, -1);
            return;
        }
        Request copy = (Request) base.clone();
        addRoute(copy, settings.icscfUri().get());
        branch(context, copy, "I-CSCF").ifPresent(b -> context.fork(List.of(b), null, null));
    }

    /** TS 24.229 5.4.3.2 step 10: an E.164 target through ENUM, else the breakout gateway, else 404. */
    private void toNumber(ResponseContext context, Request base) throws ParseException, SipException,
            SipSendException {
        List<EnumCandidate> candidates = List.of();
        if (enumResolver.isPresent()) {
            try {
                URI target = base.getRequestURI();
                E164Number number = target instanceof TelURL ? E164Number.fromTelUri(target.toString())
                        : E164Number.fromSipUri(target.toString());
                candidates = enumResolver.get().resolve(number);
            } catch (InvalidE164NumberException e) {
                LOG.debugf("%s: not an E.164 number, no ENUM: %s", context.inbound(), e.getMessage());
            } catch (EnumLookupException e) {
                LOG.debugf("%s: ENUM lookup failed: %s", context.inbound(), e.getMessage());
            }
        }
        if (!candidates.isEmpty()) {
            toEnumCandidate(context, base, candidates, 0);
            return;
        }
        breakout(context, base);
    }

    private void breakout(ResponseContext context, Request base) throws ParseException, SipException {
        if (settings.breakoutUri().isEmpty()) {
            context.reject(Response.NOT_FOUND, "No Route To Number",
                    "no ENUM answer and no breakout gateway for " + base.getRequestURI());
            return;
        }
        Request copy = (Request) base.clone();
        addRoute(copy, settings.breakoutUri().get());
        branch(context, copy, "breakout").ifPresent(b -> context.fork(List.of(b), null, null));
    }

    /** One ENUM result; a 408/5xx or no answer before any provisional response moves on to the next record. */
    private void toEnumCandidate(ResponseContext context, Request base, List<EnumCandidate> candidates, int index)
            throws ParseException, SipException, SipSendException {
        if (context.isOver()) {
            return;
        }
        Request copy = (Request) base.clone();
        URI uri = node.addresses().createURI(candidates.get(index).sipUri());
        copy.setRequestURI(uri);
        if (uri instanceof SipURI sip && sip.getHost().equalsIgnoreCase(settings.homeDomain())) {
            if (settings.icscfUri().isEmpty()) {
                toHomeDomain(context, copy);
                return;
            }
            addRoute(copy, settings.icscfUri().get());
        }
        Optional<Branch> branch = branch(context, copy, "ENUM " + uri);
        if (branch.isEmpty()) {
            return;
        }
        ResponseContext.Fallback next = index + 1 < candidates.size()
                ? status -> resume(() -> toEnumCandidate(context, base, candidates, index + 1), context)
                : null;
        context.fork(List.of(branch.get()), null, next);
    }

    /** TS 24.229 5.4.3.3 step 11: every active binding in parallel over its Path; 480 when there is none. */
    private void toContacts(ResponseContext context, Request base, ServedUser user) throws ParseException,
            SipException {
        if (user.contacts().isEmpty()) {
            context.reject(Response.TEMPORARILY_UNAVAILABLE, "Not Registered",
                    user.identity() + " has no binding and no AS took the request");
            return;
        }
        List<Branch> branches = new ArrayList<>();
        for (Contact contact : user.contacts()) {
            Request copy = (Request) base.clone();
            copy.setRequestURI(node.addresses().createURI(contact.uri()));
            copy.removeHeader(RouteHeader.NAME);
            for (String path : contact.path()) {
                copy.addLast(node.headers().createHeader(RouteHeader.NAME, path));
            }
            Optional<Branch> branch = branch(context, copy, "contact " + contact.uri());
            if (branch.isEmpty()) {
                return;
            }
            branches.add(branch.get());
        }
        context.fork(branches, null, null);
    }

    /** Adds Record-Route (the pool) and our Via and binds the copy to its hop; empty (and 500 sent) when unroutable. */
    private Optional<Branch> branch(ResponseContext context, Request copy, String target) {
        InboundRequest inbound = context.inbound();
        try {
            NextHop hop = node.route(copy, null);
            if (DIALOG_CREATING.contains(copy.getMethod())) {
                SipURI recordRoute = node.addresses().createSipURI(null, pool.host());
                recordRoute.setPort(pool.port());
                recordRoute.setLrParam();
                copy.addFirst(node.headers().createRecordRouteHeader(node.addresses().createAddress(recordRoute)));
            }
            core.addVia(copy, hop.transport(), ViaBranch.stateful(inbound.request()));
            return Optional.of(new Branch(copy, hop, target));
        } catch (SipSendException | ParseException | SipException | RuntimeException e) {
            context.reject(Response.SERVICE_UNAVAILABLE, "Next Hop Unroutable", target + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void addRoute(Request copy, String uri) throws ParseException, SipException {
        URI parsed = node.addresses().createURI(uri);
        if (parsed instanceof SipURI sip) {
            sip.setLrParam();
        }
        copy.addFirst(node.headers().createRouteHeader(node.addresses().createAddress(parsed)));
    }

    /** Runs a fallback step on a worker (it may look up ENUM or the HSS); false when the workers refuse it. */
    private boolean resume(RoutingStep step, ResponseContext context) {
        try {
            workers.execute(() -> {
                try {
                    step.run();
                } catch (CompletionException e) {
                    failed(context, e.getCause() == null ? e : e.getCause());
                } catch (Exception | LinkageError | AssertionError e) {
                    failed(context, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface RoutingStep {
        void run() throws Exception;
    }

    // ---- helpers ----

    private void reject(InboundRequest inbound, String kind, Response response, String why) throws SipSendException {
        LOG.debugf("%s: %d %s: %s", inbound, response.getStatusCode(), response.getReasonPhrase(), why);
        count(inbound, kind, Integer.toString(response.getStatusCode()));
        inbound.respond(response);
    }

    private void count(InboundRequest inbound, String kind, String outcome) {
        metrics.count(inbound.method(), kind, outcome);
    }

    private static boolean isOriginating(SessionCase sessionCase) {
        return sessionCase == SessionCase.ORIGINATING_REGISTERED || sessionCase == SessionCase.ORIGINATING_UNREGISTERED
                || sessionCase == SessionCase.ORIGINATING_CDIV;
    }

    private static String toTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    /** The user part of the topmost Route if it names us (what RFC 3261 16.4 removes), else null. */
    private String consumedRouteUser(Request received) {
        RouteHeader top = (RouteHeader) received.getHeader(RouteHeader.NAME);
        if (top != null && top.getAddress().getURI() instanceof SipURI uri && node.isLocal(uri)) {
            return uri.getUser();
        }
        return null;
    }

    /** The first P-Asserted-Identity (TS 24.229 5.4.3.2 step 1: the served user), as an identity. */
    private static Optional<String> assertedIdentity(Request request) {
        for (ListIterator<?> it = request.getHeaders("P-Asserted-Identity"); it.hasNext(); ) {
            Object header = it.next();
            if (header instanceof HeaderAddress address && address.getAddress() != null) {
                return Optional.of(identityOf(address.getAddress().getURI()));
            }
        }
        return Optional.empty();
    }

    /** A URI as public identities are stored: {@code sip:user@host} without port or parameters, {@code tel:+n}. */
    static String identityOf(URI uri) {
        if (uri instanceof SipURI sip) {
            return (sip.isSecure() ? "sips:" : "sip:") + (sip.getUser() == null ? "" : sip.getUser() + "@")
                    + sip.getHost().toLowerCase(Locale.ROOT);
        }
        if (uri instanceof TelURL tel) {
            return "tel:" + (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        }
        return uri.toString();
    }

    /** The request as the iFCs see it (TS 29.228 Annex C). */
    private static IfcRequest ifcView(Request request, SessionCase sessionCase, boolean registered) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (ListIterator<?> names = request.getHeaderNames(); names.hasNext(); ) {
            String name = (String) names.next();
            List<String> values = headers.computeIfAbsent(name, n -> new ArrayList<>());
            for (ListIterator<?> it = request.getHeaders(name); it.hasNext(); ) {
                values.add(headerValue((Header) it.next()));
            }
        }
        byte[] body = request.getRawContent();
        return new IfcRequest(request.getMethod(), request.getRequestURI().toString(), headers,
                body == null ? "" : new String(body, StandardCharsets.UTF_8), sessionCase, null, registered);
    }

    private static String headerValue(Header header) {
        if (header instanceof SIPHeader sip) {
            return sip.getHeaderValue().trim();
        }
        String line = header.toString().trim();
        return line.substring(line.indexOf(':') + 1).trim();
    }
}
