package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.scscf.ScscfFixtures;
import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.testing.DaemonThreads;
import io.kubeims.cscf.testing.LoopbackHss;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.enumdns.EnumResolver;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The S-CSCF's session routing on loopback with real parts: a real HSS ({@link LoopbackHss}) for SAR
 * UNREGISTERED_USER, an in-memory CSCF store holding the registrations (written as the registrar would), the
 * {@link ScscfSessionHandler} on its own SIP node behind the dispatcher as the S-CSCF role wires it, and a caller
 * node standing in for the P-CSCF/I-CSCF that sends requests with the Route the routing contract gives them.
 */
final class SessionTestbed implements AutoCloseable {

    static final String REALM = "ims.example.com";
    private static final AtomicInteger NAMES = new AtomicInteger();

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LoopbackHss hss;
    final CxNode cx;
    final EmbeddedCscfStorage storage;
    final SipNode scscf;
    final SipNode caller;
    final String pool;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final List<SessionAgent> agents = new ArrayList<>();
    private final List<SipNode> extraNodes = new ArrayList<>();
    private final byte[] key = new byte[32];
    private SessionSettings settings;
    private Optional<EnumResolver> enumResolver = Optional.empty();

    private SessionTestbed(LoopbackHss hss, CxNode cx, EmbeddedCscfStorage storage, SipNode scscf, SipNode caller,
            String pool, ExecutorService workers, ScheduledExecutorService timer) {
        this.hss = hss;
        this.cx = cx;
        this.storage = storage;
        this.scscf = scscf;
        this.caller = caller;
        this.pool = pool;
        this.workers = workers;
        this.timer = timer;
    }

    /** Starts everything; {@code settings} edits the session settings (pool already set). */
    static SessionTestbed start(UnaryOperator<SessionSettings> settings) throws Exception {
        return start(settings, Optional.empty());
    }

    /** Same, with ENUM. */
    static SessionTestbed start(UnaryOperator<SessionSettings> settings, Optional<EnumResolver> enumResolver)
            throws Exception {
        LoopbackHss hss = LoopbackHss.naming("sip:scscf.ims.example.com:6060", Duration.ofSeconds(2));
        CxNode cx = CxNode.client(hss.cscfNode("scscf-" + NAMES.incrementAndGet() + ".ims.example.com")
                .requestTimeout(Duration.ofSeconds(2)).startTimeout(Duration.ofSeconds(15)).build());
        if (!cx.start()) {
            cx.close();
            hss.close();
            throw new IllegalStateException("the S-CSCF's Cx client did not connect to the HSS");
        }
        EmbeddedCscfStorage storage = EmbeddedCscfStorage.inMemory();
        ExecutorService workers = DaemonThreads.pool(4, "session-test");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "session-test-timer");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<ScscfSessionHandler> handler = new AtomicReference<>();
        SipNode scscf = replicaNode("scscf", handler, List.of());
        SipNode caller = new SipNode(SipNodeSettings.of("caller", "127.0.0.1", 0));
        caller.start(RequestDispatcher.builder().otherwise(in -> in.respond(Response.OK)).build());
        String pool = "sip:127.0.0.1:" + scscf.port();
        SessionTestbed testbed = new SessionTestbed(hss, cx, storage, scscf, caller, pool, workers, timer);
        new SecureRandom().nextBytes(testbed.key);
        testbed.settings = settings.apply(SessionSettings.of(REALM, pool, Optional.empty(), Optional.empty()));
        testbed.enumResolver = enumResolver;
        handler.set(testbed.handler(scscf, testbed.meters));
        return testbed;
    }

    /** A replica's node behind the dispatcher as ScscfRole wires it (REGISTER and SUBSCRIBE to reg aside). */
    private static SipNode replicaNode(String name, AtomicReference<ScscfSessionHandler> handler,
            List<String> aliases) throws Exception {
        SipNode node = new SipNode(SipNodeSettings.of(name, "127.0.0.1", 0).withAliases(aliases));
        node.start(RequestDispatcher.builder().otherwise(in -> handler.get().handle(in)).build(),
                (response, receiving) -> handler.get().handle(response, receiving));
        return node;
    }

    private ScscfSessionHandler handler(SipNode node, SimpleMeterRegistry registry) {
        return new ScscfSessionHandler(node, settings, storage.registrations(), cx, new CxUserDataReader(),
                new OdiCodec(key, Clock.systemUTC()), enumResolver, workers, timer, registry, Clock.systemUTC());
    }

    /**
     * A second replica of the pool: its own node (answering to the pool's host:port as an alias, as replicas behind
     * one Service do) and handler, the same store and ODI key; counted in {@code registry}.
     */
    SipNode secondReplica(SimpleMeterRegistry registry) throws Exception {
        AtomicReference<ScscfSessionHandler> handler = new AtomicReference<>();
        SipNode node = replicaNode("scscf-b", handler, List.of("127.0.0.1:" + scscf.port()));
        handler.set(handler(node, registry));
        extraNodes.add(node);
        return node;
    }

    /** A peer that closes with the testbed. */
    SessionAgent agent(String name, SessionAgent.Mode mode) throws Exception {
        SessionAgent agent = SessionAgent.start(name, mode);
        agents.add(agent);
        return agent;
    }

    // ---- subscribers ----

    /** Writes a registration of {@code impu} with these iFCs and bindings into the store, as the registrar would. */
    void registered(String impu, List<InitialFilterCriteria> ifcs, List<Contact> contacts) {
        String impi = impu.substring(4) + "-impi";
        storage.registrations().update(impi, current -> Optional.of(ScscfFixtures.registration(impi,
                List.of(new PublicIdentity(impu)), ifcs, contacts)));
    }

    /** A binding of {@code uri} for an hour, reached over {@code path}. */
    static Contact contact(String uri, List<String> path) {
        return ScscfFixtures.contact(uri, Instant.now().plus(Duration.ofHours(1)), path,
                UUID.randomUUID().toString(), 1);
    }

    /** Provisions {@code impu} in the HSS (not registered) with these iFCs. */
    void provisioned(String impu, List<InitialFilterCriteria> ifcs) {
        hss.provision(new Subscriber(impu.substring(4) + "-impi", List.of(new PublicUserIdentity(impu)), false,
                new SipDigestCredentials("secret"), ifcs));
    }

    // ---- requests ----

    /** The Route of the originating Service-Route (routing contract 1). */
    String originatingRoute() {
        return "<sip:orig@127.0.0.1:" + scscf.port() + ";lr>";
    }

    /** The Route the I-CSCF puts on terminating requests (routing contract 4). */
    String terminatingRoute() {
        return "<" + pool + ";lr>";
    }

    /** A new initial request from {@code from} to {@code target} with these Route values (top first). */
    Request request(String method, String from, String target, String... routes) throws Exception {
        var addresses = caller.addresses();
        var headers = caller.headers();
        Request request = caller.messages().createRequest(addresses.createURI(target), method,
                headers.createCallIdHeader(UUID.randomUUID() + "@test"), headers.createCSeqHeader(1L, method),
                headers.createFromHeader(addresses.createAddress(from), "caller" + NAMES.incrementAndGet()),
                headers.createToHeader(addresses.createAddress(target), null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createContactHeader(addresses.createAddress("sip:caller@127.0.0.1:"
                + caller.port())));
        for (String route : routes) {
            request.addLast(headers.createHeader("Route", route));
        }
        return request;
    }

    /** Sends a request in a client transaction to the S-CSCF. */
    Call send(Request request) throws Exception {
        return sendTo(request, scscf.port());
    }

    /** Sends a request in a client transaction to the S-CSCF replica listening on {@code port}. */
    Call sendTo(Request request, int port) throws Exception {
        Call call = new Call(request);
        call.transaction = caller.send(request, new NextHop("127.0.0.1", port, NextHop.UDP), null, call);
        return call;
    }

    /** One request sent by the caller and what came back. */
    final class Call implements ResponseCallback {

        final Request request;
        final LinkedBlockingQueue<Response> responses = new LinkedBlockingQueue<>();
        volatile ClientTransaction transaction;

        Call(Request request) {
            this.request = request;
        }

        String callId() {
            return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        }

        @Override
        public void provisional(Response response) {
            responses.add(response);
        }

        @Override
        public void finalResponse(Response response) {
            responses.add(response);
        }

        @Override
        public void failed(ClientFailure failure) {
            throw new AssertionError("no final response from the S-CSCF: " + failure);
        }

        /** The next response, waiting at most {@value SessionAgent#WAIT_SECONDS} s. */
        Response next() throws InterruptedException {
            Response response = responses.poll(SessionAgent.WAIT_SECONDS, TimeUnit.SECONDS);
            if (response == null) {
                throw new AssertionError("no response to " + request.getMethod() + " within "
                        + SessionAgent.WAIT_SECONDS + " s");
            }
            return response;
        }

        /** The next response above 100 Trying (which is hop by hop). */
        Response nextAbove100() throws InterruptedException {
            while (true) {
                Response response = next();
                if (response.getStatusCode() > Response.TRYING) {
                    return response;
                }
            }
        }

        /** The final response, skipping provisional ones. */
        Response finalResponse() throws InterruptedException {
            while (true) {
                Response response = next();
                if (response.getStatusCode() >= 200) {
                    return response;
                }
            }
        }

        /** CANCEL of this INVITE (RFC 3261 9.1). */
        void cancel() throws Exception {
            Request cancel = transaction.createCancel();
            caller.send(cancel, new NextHop("127.0.0.1", scscf.port(), NextHop.UDP), null, new ResponseCallback() {
                @Override
                public void finalResponse(Response response) {
                }

                @Override
                public void failed(ClientFailure failure) {
                }
            });
        }

        /**
         * A request within the dialog the 2xx {@code ok} established (RFC 3261 12.2.1.1): Request-URI the remote
         * Contact, Route the Record-Route in reverse order, To with its tag.
         */
        Request inDialog(String method, Response ok, long cseq) throws Exception {
            var headers = caller.headers();
            var contact = (javax.sip.header.ContactHeader) ok.getHeader("Contact");
            Request next = caller.messages().createRequest(contact.getAddress().getURI(), method,
                    (CallIdHeader) request.getHeader(CallIdHeader.NAME), headers.createCSeqHeader(cseq, method),
                    (FromHeader) request.getHeader(FromHeader.NAME), (ToHeader) ok.getHeader(ToHeader.NAME),
                    new ArrayList<>(), headers.createMaxForwardsHeader(70));
            List<Address> recordRoutes = new ArrayList<>();
            for (var it = ok.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
                recordRoutes.add(((RecordRouteHeader) it.next()).getAddress());
            }
            for (int i = recordRoutes.size() - 1; i >= 0; i--) {
                next.addLast(headers.createRouteHeader(recordRoutes.get(i)));
            }
            if (Request.ACK.equals(method)) {
                ((CSeqHeader) next.getHeader(CSeqHeader.NAME)).setSeqNumber(
                        ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber());
            }
            return next;
        }
    }

    /** Sends an ACK for a 2xx: no transaction (RFC 3261 13.2.2.4), by its Route. */
    void sendAck(Request ack) throws Exception {
        sendAckTo(ack, scscf.port());
    }

    /** Sends an ACK for a 2xx to the S-CSCF replica listening on {@code port}. */
    void sendAckTo(Request ack, int port) throws Exception {
        caller.sendStatelessly(ack, new NextHop("127.0.0.1", port, NextHop.UDP));
    }

    /** The count of {@link SessionMetrics#REQUESTS} with these tags. */
    double count(String method, String kind, String outcome) {
        var counter = meters.find(SessionMetrics.REQUESTS).tags("method", method, "kind", kind, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() throws Exception {
        List<SipNode> nodes = new ArrayList<>(List.of(scscf, caller));
        nodes.addAll(extraNodes);
        for (SessionAgent agent : agents) {
            nodes.add(agent.node());
        }
        SipNode.closeAll(nodes);
        workers.shutdownNow();
        timer.shutdownNow();
        cx.close();
        storage.close();
        hss.close();
    }
}
