package io.kubeims.cscf.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RawSipSocket;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.ThreadCheck;
import io.kubeims.cscf.sip.ViaBranch;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.testing.FreePort;
import io.kubeims.protocol.digest.DigestChallenge;
import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sip.ClientTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three kinds of node in one JVM on loopback: a UAC, a stateful and a stateless proxy, a UAS. REGISTER and OPTIONS
 * through each proxy over UDP, TCP and across UDP/TCP, checked for Via, Route, Record-Route, Path and Max-Forwards
 * as RFC 3261 16, RFC 3327 and RFC 5658 prescribe; Max-Forwards 0, loops and spirals, timeouts, unreachable hops,
 * stateless branch stability, CANCEL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTest {

    private static final String HOST = "127.0.0.1";
    private static final long WAIT = 10;
    private static final DigestChallenge AKA_CHALLENGE = DigestChallenge.of("ims.test",
            "MzQ0a2xkbmZpc2RvZmlnb2RzZmo=", "AKAv1-MD5").withParam("ck", "00112233445566778899aabbccddeeff")
            .withParam("ik", "ffeeddccbbaa99887766554433221100");

    private final Map<String, BlockingQueue<Request>> atUas = new ConcurrentHashMap<>();
    private final Map<String, InboundRequest> pendingInvites = new ConcurrentHashMap<>();
    private Set<Thread> threadsBefore;
    private SipNode uac;
    private SipNode stateful;
    private SipNode stateless;
    private SipNode uas;
    private RawSipSocket blackHole;
    private int closedTcpPort;

    @BeforeAll
    void startNodes() throws Exception {
        threadsBefore = ThreadCheck.nonDaemonThreads();
        blackHole = RawSipSocket.listeningUdp();
        closedTcpPort = FreePort.on(HOST);
        uas = new SipNode(SipNodeSettings.of("uas", HOST, 0)).start(RequestDispatcher.builder()
                .on(Request.REGISTER, this::register)
                .on(Request.OPTIONS, in -> {
                    String user = ((SipURI) in.request().getRequestURI()).getUser();
                    if ("challenge".equals(user)) {
                        record(in);
                        Response challenge = in.createResponse(Response.UNAUTHORIZED);
                        AuthHeader.WWW_AUTHENTICATE.add(challenge, AKA_CHALLENGE.format(), in.node().headers());
                        in.respond(challenge);
                    } else if ("rewritebug".equals(user)) {
                        record(in);
                        Response ok = in.createResponse(Response.OK);
                        ok.addHeader(in.node().headers().createHeader("X-Test", "break-the-rewriter"));
                        in.respond(ok);
                    } else {
                        answerEchoingRecordRoute(in);
                    }
                })
                .on(Request.INVITE, in -> {
                    record(in);
                    if ("answer".equals(((SipURI) in.request().getRequestURI()).getUser())) {
                        answerInvite(in);
                        return;
                    }
                    pendingInvites.put(in.callId(), in);
                    in.respond(Response.RINGING);
                })
                .on(Request.ACK, this::record)
                .on(Request.CANCEL, in -> {
                    record(in);
                    in.respond(Response.OK);
                    InboundRequest invite = pendingInvites.remove(in.callId());
                    if (invite != null) {
                        invite.respond(Response.REQUEST_TERMINATED);
                    }
                })
                .build());
        uac = new SipNode(SipNodeSettings.of("uac", HOST, 0)).start(RequestDispatcher.builder().build());

        SipNode statefulNode = new SipNode(SipNodeSettings.of("pstateful", HOST, 0));
        StatefulProxy statefulProxy = new StatefulProxy(statefulNode,
                ProxySettings.defaults().withResponseTimeout(Duration.ofMillis(500)), this::rewrite);
        stateful = statefulNode.start(proxyRoutes(statefulProxy), statefulProxy);

        SipNode statelessNode = new SipNode(SipNodeSettings.of("pstateless", HOST, 0));
        StatelessProxy statelessProxy = new StatelessProxy(statelessNode, this::rewrite);
        stateless = statelessNode.start(proxyRoutes(statelessProxy), statelessProxy);
    }

    @AfterAll
    void closeNodes() throws Exception {
        SipNode.closeAll(List.of(uac, stateful, stateless, uas));
        blackHole.close();
        assertEquals(List.of(), ThreadCheck.leftSince(threadsBefore, 5000));
    }

    /**
     * The test proxies' response rewriting, as a P-CSCF does it: ck/ik out of a 401 (TS 24.229 5.2.2.1); and a
     * deliberate failure to show a rewriter bug turns into 500.
     */
    private void rewrite(Response response, Optional<InboundRequest> request) {
        if (response.getHeader("X-Test") != null) {
            throw new IllegalStateException("rewriter bug");
        }
        AuthHeader.WWW_AUTHENTICATE.rewrite(response,
                value -> DigestChallenge.parse(value).withoutParams("ck", "ik").format(), uac.headers());
    }

    /**
     * The test proxies' routing: by Request-URI user for the special cases, else by Route/Request-URI with Path for
     * REGISTER and Record-Route for the rest. The Max-Forwards check is left to the proxy core.
     */
    private RequestDispatcher proxyRoutes(SipProxy proxy) {
        SipRequestHandler route = in -> {
            SipNode self = in.node();
            String user = ((SipURI) in.request().getRequestURI()).getUser();
            switch (user == null ? "" : user) {
                case "loop" -> proxy.proxy(in, Forwarding.to(new NextHop(HOST, self.port(), NextHop.UDP)));
                case "spiral" -> {
                    Optional<Request> copy = proxy.prepare(in);
                    if (copy.isPresent()) {
                        copy.get().setRequestURI(self.addresses().createURI("sip:spiral2@ims.test"));
                        proxy.forward(in, copy.get(), Forwarding.to(new NextHop(HOST, self.port(), NextHop.TCP)));
                    }
                }
                case "blackhole" -> proxy.proxy(in, Forwarding.to(new NextHop(HOST, blackHole.localPort(), "udp")));
                case "refused" -> proxy.proxy(in, Forwarding.to(new NextHop(HOST, closedTcpPort, NextHop.TCP)));
                default -> proxy.proxy(in, Request.REGISTER.equals(in.method())
                        ? Forwarding.byRequest().withPath("term") : Forwarding.byRequest().withRecordRoute());
            }
        };
        return RequestDispatcher.builder().checkMaxForwards(false).otherwise(route).build();
    }

    private void record(InboundRequest in) {
        atUas.computeIfAbsent(in.callId(), k -> new LinkedBlockingQueue<>()).add((Request) in.request().clone());
    }

    /** A registrar's 200: Contact and Path echoed (RFC 3327 5.3), a Service-Route (RFC 3608). */
    private void register(InboundRequest in) throws Exception {
        record(in);
        Response ok = in.createResponse(Response.OK);
        for (String name : List.of("Contact", "Path")) {
            for (ListIterator<?> it = in.request().getHeaders(name); it.hasNext(); ) {
                ok.addHeader((Header) ((Header) it.next()).clone());
            }
        }
        ok.addHeader(in.node().headers().createHeader("Service-Route",
                "<sip:orig@" + HOST + ":" + in.node().port() + ";lr>"));
        in.respond(ok);
    }

    private void answerEchoingRecordRoute(InboundRequest in) throws Exception {
        record(in);
        Response ok = in.createResponse(Response.OK);
        for (ListIterator<?> it = in.request().getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            // addLast: jain-sip's addHeader puts Record-Route on top, which would reverse the list
            ok.addLast((Header) ((Header) it.next()).clone());
        }
        in.respond(ok);
    }

    /**
     * A UAS 2xx to INVITE (RFC 3261 12.1.1): jain-sip's createResponse copies Record-Route for dialog-creating
     * requests; a Contact reachable over TCP.
     */
    private void answerInvite(InboundRequest in) throws Exception {
        Response ok = in.createResponse(Response.OK);
        assertEquals(TestRequests.values(in.request(), RecordRouteHeader.NAME),
                TestRequests.values(ok, RecordRouteHeader.NAME));
        ok.addHeader(in.node().headers().createHeader("Contact",
                "<sip:bob@" + HOST + ":" + in.node().port() + ";transport=tcp>"));
        in.respond(ok);
    }

    private Request receivedAtUas(Request sent) throws InterruptedException {
        String callId = ((CallIdHeader) sent.getHeader(CallIdHeader.NAME)).getCallId();
        Request received = atUas.computeIfAbsent(callId, k -> new LinkedBlockingQueue<>()).poll(WAIT,
                TimeUnit.SECONDS);
        assertNotNull(received, "the UAS got nothing for Call-ID " + callId);
        return received;
    }

    private SipNode proxy(String kind) {
        return kind.equals("stateful") ? stateful : stateless;
    }

    private static String routeTo(SipNode node, String transport) {
        return "<sip:" + HOST + ":" + node.port() + ";lr" + (transport.equals("tcp") ? ";transport=tcp" : "") + ">";
    }

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String kind : List.of("stateful", "stateless")) {
            for (String method : List.of(Request.REGISTER, Request.OPTIONS)) {
                for (String in : List.of("udp", "tcp")) {
                    for (String out : List.of("udp", "tcp")) {
                        cases.add(Arguments.of(kind, method, in, out));
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} uac-{2}->proxy-{3}->uas")
    @MethodSource("matrix")
    void proxiesWithCorrectViaRouteRecordRouteAndPath(String kind, String method, String in, String out)
            throws Exception {
        SipNode proxy = proxy(kind);
        String target = method.equals(Request.REGISTER) ? "sip:ims.test" : "sip:bob@ims.test";
        Request sent = TestRequests.create(uac, method, target, 70, routeTo(proxy, in), routeTo(uas, out));
        Response response = uac.request(sent, null, null).get(WAIT, TimeUnit.SECONDS);
        Request received = receivedAtUas(sent);

        // RFC 3261 16.4: the proxy removed its own Route entry only
        assertEquals(List.of(routeTo(uas, out)), TestRequests.values(received, RouteHeader.NAME));
        // 16.6 step 3
        assertEquals(69, ((MaxForwardsHeader) received.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        // 16.6 step 8: our Via on top, for the outgoing transport, branch with the magic cookie; the UAC's below
        List<ViaHeader> vias = TestRequests.vias(received);
        assertEquals(2, vias.size(), vias.toString());
        assertEquals(HOST, vias.get(0).getHost());
        assertEquals(proxy.port(), vias.get(0).getPort());
        assertEquals(out.toUpperCase(), vias.get(0).getTransport());
        assertTrue(vias.get(0).getBranch().startsWith(ViaBranch.MAGIC_COOKIE), vias.get(0).getBranch());
        assertEquals(uac.port(), vias.get(1).getPort());
        assertEquals(in.toUpperCase(), vias.get(1).getTransport());

        if (method.equals(Request.REGISTER)) {
            // RFC 3327: one Path entry of ours, reachable over the registrar-facing transport; no Record-Route
            List<SipURI> path = uris(received, "Path");
            assertEquals(1, path.size());
            assertOurs(path.get(0), proxy, out.equals("tcp") ? "tcp" : null);
            assertEquals("term", path.get(0).getUser());
            assertEquals(List.of(), TestRequests.values(received, RecordRouteHeader.NAME));
            assertEquals(TestRequests.values(received, "Path"), TestRequests.values(response, "Path"));
            assertEquals(1, TestRequests.values(response, "Service-Route").size());
        } else {
            List<SipURI> recordRoute = uris(received, RecordRouteHeader.NAME);
            if (in.equals(out)) {
                assertEquals(1, recordRoute.size(), recordRoute.toString());
                assertOurs(recordRoute.get(0), proxy, out.equals("tcp") ? "tcp" : null);
            } else {
                // RFC 5658: the entry facing the UAS first, then the one facing the UAC, transports explicit
                assertEquals(2, recordRoute.size(), recordRoute.toString());
                assertOurs(recordRoute.get(0), proxy, out);
                assertOurs(recordRoute.get(1), proxy, in);
            }
            assertEquals(List.of(), TestRequests.values(received, "Path"));
            assertEquals(TestRequests.values(received, RecordRouteHeader.NAME),
                    TestRequests.values(response, RecordRouteHeader.NAME));
        }
        // 16.7 step 3: the proxy's Via is gone from the relayed response
        assertEquals(200, response.getStatusCode());
        List<ViaHeader> responseVias = TestRequests.vias(response);
        assertEquals(1, responseVias.size(), responseVias.toString());
        assertEquals(uac.port(), responseVias.get(0).getPort());
    }

    private static List<SipURI> uris(javax.sip.message.Message message, String name) {
        List<SipURI> uris = new java.util.ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(name); it.hasNext(); ) {
            uris.add((SipURI) ((HeaderAddress) it.next()).getAddress().getURI());
        }
        return uris;
    }

    private static void assertOurs(SipURI uri, SipNode proxy, String transport) {
        assertEquals(HOST, uri.getHost(), uri.toString());
        assertEquals(proxy.port(), uri.getPort(), uri.toString());
        assertTrue(uri.hasLrParam(), uri.toString());
        assertEquals(transport, uri.getTransportParam(), uri.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void maxForwardsZeroIsAnswered483ByTheProxy(String kind) throws Exception {
        SipNode proxy = proxy(kind);
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:bob@ims.test", 0, routeTo(proxy, "udp"),
                routeTo(uas, "udp"));
        assertEquals(483, uac.request(sent, null, null).get(WAIT, TimeUnit.SECONDS).getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void aRequestForwardedBackUnchangedIsALoop482(String kind) throws Exception {
        SipNode proxy = proxy(kind);
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:loop@ims.test", 70);
        Response response = uac.request(sent, new NextHop(HOST, proxy.port(), "udp"), null).get(WAIT,
                TimeUnit.SECONDS);
        assertEquals(482, response.getStatusCode());
        assertEquals(1, TestRequests.vias(response).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void aRequestComingBackChangedIsASpiralAndGoesOn(String kind) throws Exception {
        SipNode proxy = proxy(kind);
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:spiral@ims.test", 70, routeTo(proxy, "udp"),
                routeTo(uas, "udp"));
        Response response = uac.request(sent, null, null).get(WAIT, TimeUnit.SECONDS);
        assertEquals(200, response.getStatusCode());
        Request received = receivedAtUas(sent);
        assertEquals("spiral2", ((SipURI) received.getRequestURI()).getUser());
        // passed the proxy twice: two Vias of it, with the same loop key neither time
        List<ViaHeader> vias = TestRequests.vias(received);
        assertEquals(3, vias.size(), vias.toString());
        assertNotEquals(ViaBranch.loopKeyOf(vias.get(0).getBranch()), ViaBranch.loopKeyOf(vias.get(1).getBranch()));
        assertEquals(68, ((MaxForwardsHeader) received.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
    }

    @Test
    void noAnswerFromTheNextHopBecomes408() throws Exception {
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:blackhole@ims.test", 70);
        Response response = uac.request(sent, new NextHop(HOST, stateful.port(), "udp"), null).get(WAIT,
                TimeUnit.SECONDS);
        assertEquals(408, response.getStatusCode());
        // the request did go out to the silent hop
        assertTrue(blackHole.receive().startsWith("OPTIONS sip:blackhole@ims.test SIP/2.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void anUnreachableNextHopBecomes503(String kind) throws Exception {
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:refused@ims.test", 70);
        Response response = uac.request(sent, new NextHop(HOST, proxy(kind).port(), "udp"), null).get(WAIT,
                TimeUnit.SECONDS);
        assertEquals(503, response.getStatusCode());
    }

    @Test
    void theStatelessProxyGivesARetransmissionTheSameBranch() throws Exception {
        try (RawSipSocket ue = RawSipSocket.udp(stateless.port()); RawSipSocket next = RawSipSocket.listeningUdp()) {
            String register = "REGISTER sip:ims.test SIP/2.0\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:%PORT%;branch=BRANCH;rport\n"
                    + "Route: " + routeTo(stateless, "udp") + ", <sip:127.0.0.1:" + next.localPort() + ";lr>\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:alice@ims.test>;tag=a1\n"
                    + "To: <sip:alice@ims.test>\n"
                    + "Call-ID: retrans-" + System.nanoTime() + "@test\n"
                    + "CSeq: CSEQ REGISTER\n"
                    + "Contact: <sip:alice@127.0.0.1:%PORT%>\n"
                    + "Content-Length: 0\n\n";
            String first = register.replace("BRANCH", "z9hG4bK-first").replace("CSEQ", "1");
            ue.send(first);
            String a = topBranch(next.receive());
            // jain-sip drops a copy that arrives while the original is still being handled (real retransmissions
            // come 500 ms later): repeat the copy until one is forwarded
            String b = null;
            for (int attempt = 0; attempt < 20 && b == null; attempt++) {
                ue.send(first);
                try {
                    b = topBranch(next.receive(250));
                } catch (java.net.SocketTimeoutException dropped) {
                    // try again
                }
            }
            ue.send(register.replace("BRANCH", "z9hG4bK-second").replace("CSEQ", "2"));
            String c = topBranch(next.receiveContaining("CSeq: 2 REGISTER"));
            assertEquals(a, b, "RFC 3261 16.11: a retransmission is forwarded with the same branch");
            assertNotEquals(a, c, "another transaction gets another branch");
        }
    }

    private static String topBranch(String message) {
        Matcher via = Pattern.compile("(?m)^Via: [^\r\n]*branch=([^;,\r\n]+)").matcher(message);
        if (!via.find()) {
            fail("no Via in " + message);
        }
        return via.group(1);
    }

    @Test
    void aCancelThroughTheStatefulProxyEndsTheInviteWith487() throws Exception {
        Request invite = TestRequests.create(uac, Request.INVITE, "sip:bob@ims.test", 70, routeTo(stateful, "udp"),
                routeTo(uas, "tcp"));
        CompletableFuture<Response> ringing = new CompletableFuture<>();
        CompletableFuture<Response> finalResponse = new CompletableFuture<>();
        List<Integer> provisional = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClientTransaction transaction = uac.send(invite, null, null, new ResponseCallback() {
            @Override
            public void provisional(Response response) {
                provisional.add(response.getStatusCode());
                if (response.getStatusCode() == Response.RINGING) {
                    ringing.complete(response);
                }
            }

            @Override
            public void finalResponse(Response response) {
                finalResponse.complete(response);
            }

            @Override
            public void failed(ClientFailure failure) {
                finalResponse.completeExceptionally(new AssertionError(failure));
            }
        });
        ringing.get(WAIT, TimeUnit.SECONDS);
        Request cancel = transaction.createCancel();
        assertEquals(200, uac.request(cancel, null, null).get(WAIT, TimeUnit.SECONDS).getStatusCode());
        assertEquals(487, finalResponse.get(WAIT, TimeUnit.SECONDS).getStatusCode());
        // the proxy answered 100 itself (RFC 3261 16.2) and relayed 180
        assertTrue(provisional.contains(100), provisional.toString());
        assertTrue(provisional.contains(180), provisional.toString());
        Request atUasInvite = receivedAtUas(invite);
        Request atUasCancel = receivedAtUas(invite);
        assertEquals(Request.INVITE, atUasInvite.getMethod());
        assertEquals(Request.CANCEL, atUasCancel.getMethod());
        // RFC 3261 9.1: the CANCEL the proxy generated matches its INVITE's branch
        assertEquals(TestRequests.vias(atUasInvite).get(0).getBranch(),
                TestRequests.vias(atUasCancel).get(0).getBranch());
        assertNull(pendingInvites.get(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void theAckOfA2xxFollowsTheDoubleRecordRouteAcrossTransports(String kind) throws Exception {
        SipNode proxy = proxy(kind);
        Request invite = TestRequests.create(uac, Request.INVITE, "sip:answer@ims.test", 70, routeTo(proxy, "udp"),
                routeTo(uas, "tcp"));
        Response ok = uac.request(invite, null, null).get(WAIT, TimeUnit.SECONDS);
        assertEquals(200, ok.getStatusCode());
        assertEquals(Request.INVITE, receivedAtUas(invite).getMethod());

        // RFC 3261 12.1.2: the UAC's route set is the Record-Route of the 2xx reversed; the target is its Contact
        List<String> recordRoute = TestRequests.values(ok, RecordRouteHeader.NAME);
        assertEquals(2, recordRoute.size(), recordRoute.toString());
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) ok.getHeader(javax.sip.header.ToHeader.NAME);
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) invite.getHeader(
                javax.sip.header.CSeqHeader.NAME);
        Request ack = uac.messages().createRequest(
                ((javax.sip.header.ContactHeader) ok.getHeader("Contact")).getAddress().getURI(), Request.ACK,
                (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                uac.headers().createCSeqHeader(cseq.getSeqNumber(), Request.ACK),
                (javax.sip.header.FromHeader) invite.getHeader(javax.sip.header.FromHeader.NAME), to,
                new java.util.ArrayList<>(), uac.headers().createMaxForwardsHeader(70));
        for (int i = recordRoute.size() - 1; i >= 0; i--) {
            ack.addHeader(uac.headers().createHeader(RouteHeader.NAME, recordRoute.get(i)));
        }
        uac.sendStatelessly(ack, null);

        Request atUas = receivedAtUas(invite);
        assertEquals(Request.ACK, atUas.getMethod());
        // the proxy removed both of its Route entries (RFC 5658) and sent the ACK over TCP to the Contact
        assertEquals(List.of(), TestRequests.values(atUas, RouteHeader.NAME));
        List<ViaHeader> vias = TestRequests.vias(atUas);
        assertEquals(proxy.port(), vias.get(0).getPort());
        assertEquals("TCP", vias.get(0).getTransport());
        assertEquals("UDP", vias.get(1).getTransport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateful", "stateless"})
    void theRewriterStripsCkAndIkFromA401(String kind) throws Exception {
        SipNode proxy = proxy(kind);
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:challenge@ims.test", 70, routeTo(proxy, "udp"),
                routeTo(uas, "udp"));
        Response response = uac.request(sent, null, null).get(WAIT, TimeUnit.SECONDS);
        assertEquals(401, response.getStatusCode());
        DigestChallenge relayed = DigestChallenge.parse(AuthHeader.WWW_AUTHENTICATE.first(response).orElseThrow());
        assertEquals(AKA_CHALLENGE.withoutParams("ck", "ik"), relayed);
    }

    @Test
    void aFailingRewriterMakesTheStatefulProxyAnswer500() throws Exception {
        Request sent = TestRequests.create(uac, Request.OPTIONS, "sip:rewritebug@ims.test", 70,
                routeTo(stateful, "udp"), routeTo(uas, "udp"));
        assertEquals(500, uac.request(sent, null, null).get(WAIT, TimeUnit.SECONDS).getStatusCode());
    }

    @Test
    void withoutMaxForwardsTheStatefulProxyForwardsStatelesslyWith70() throws Exception {
        // jain-sip refuses a server transaction for a request without Max-Forwards (docs/jain-sip-notes.md 2)
        try (RawSipSocket ue = RawSipSocket.udp(stateful.port())) {
            String callId = "nomf-" + System.nanoTime() + "@test";
            ue.send("OPTIONS sip:bob@ims.test SIP/2.0\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:%PORT%;branch=z9hG4bKnomf" + System.nanoTime() + ";rport\n"
                    + "Route: " + routeTo(stateful, "udp") + ", " + routeTo(uas, "udp") + "\n"
                    + "From: <sip:alice@ims.test>;tag=nomf\n"
                    + "To: <sip:bob@ims.test>\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: 1 OPTIONS\n"
                    + "Content-Length: 0\n\n");
            assertTrue(ue.receive().startsWith("SIP/2.0 200 OK\r\n"));
            Request received = atUas.computeIfAbsent(callId, k -> new LinkedBlockingQueue<>()).poll(WAIT,
                    TimeUnit.SECONDS);
            assertNotNull(received);
            assertEquals(70, ((MaxForwardsHeader) received.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        }
    }
}
