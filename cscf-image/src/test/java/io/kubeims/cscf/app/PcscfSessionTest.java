package io.kubeims.cscf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.pcscf.FlowToken;
import io.kubeims.cscf.pcscf.PcscfRequestOutcomes;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.cscf.testing.CapturedLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The P-CSCF's session handling on loopback (TS 24.229 5.2.6; RFC 3325, 3329, 3608, 5626; routing contract 1, 6, 7),
 * the P-CSCF built as the application builds it ({@code kubeims.cscf.*} properties, {@link PcscfRole},
 * {@link CscfRuntime}), with a {@link SessionCore} standing in for the I-/S-CSCF and Java UEs ({@link SessionUe})
 * registered through it: alice over UDP, bob over TCP (his flow is the connection he opened, from an ephemeral port),
 * both at the P-CSCF with {@code route-enforcement=rewrite}; carol over UDP at a second P-CSCF with {@code reject}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PcscfSessionTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path data;
    private byte[] key;
    private SessionCore core;
    private CscfRuntime pcscf;
    private CscfRuntime strictPcscf;
    private SessionUe alice;
    private SessionUe bob;
    private SessionUe carol;
    private SipNode stranger;
    private CapturedLog log;

    @BeforeAll
    void start() throws Exception {
        log = CapturedLog.of(PcscfRequestOutcomes.class);
        data = Files.createTempDirectory("pcscf-session-");
        key = Base64.getEncoder().encode(randomBytes(32));
        Path keyFile = data.resolve("pcscf-flow-token-key");
        Files.write(keyFile, key);
        core = new SessionCore(HOST);
        pcscf = startPcscf(keyFile, "rewrite");
        strictPcscf = startPcscf(keyFile, "reject");
        core.loopBackTo(hop(pcscf, NextHop.UDP));
        alice = new SessionUe("alice", HOST, "sip:alice@" + REALM, hop(pcscf, NextHop.UDP));
        bob = new SessionUe("bob", HOST, "sip:bob@" + REALM, hop(pcscf, NextHop.TCP));
        carol = new SessionUe("carol", HOST, "sip:carol@" + REALM, hop(strictPcscf, NextHop.UDP));
        for (SessionUe ue : List.of(alice, bob, carol)) {
            Response ok = ue.register();
            assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        }
        stranger = new SipNode(SipNodeSettings.of("stranger", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    private CscfRuntime startPcscf(Path keyFile, String enforcement) throws Exception {
        int port = LoopbackPorts.freeSipPort();
        Map<String, String> config = new HashMap<>();
        config.put("kubeims.cscf.role", "pcscf");
        config.put("kubeims.cscf.home-domain", REALM);
        config.put("kubeims.cscf.sip.bind-address", HOST);
        config.put("kubeims.cscf.sip.port", Integer.toString(port));
        config.put("kubeims.cscf.workers.shutdown-timeout", "1s");
        config.put("kubeims.cscf.pcscf.icscf-uri", core.uri());
        config.put("kubeims.cscf.pcscf.path-uri", "sip:term@" + HOST + ":" + port + ";lr");
        config.put("kubeims.cscf.pcscf.flow-token-key-file", keyFile.toString());
        config.put("kubeims.cscf.pcscf.route-enforcement", enforcement);
        CscfSettings settings = CscfSettings.from(ConfigSources.cscf(config));
        return CscfRuntime.start(settings, new PcscfRole(PcscfRole.readKey(keyFile), UnaryOperator.identity()),
                new SimpleMeterRegistry());
    }

    @AfterAll
    void stop() throws Exception {
        ExecutorService closing = Executors.newFixedThreadPool(4);
        for (AutoCloseable closeable : new AutoCloseable[] {alice, bob, carol, pcscf, strictPcscf, core}) {
            if (closeable != null) {
                closing.execute(() -> {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // best effort
                    }
                });
            }
        }
        if (stranger != null) {
            closing.execute(stranger::close);
        }
        closing.shutdown();
        closing.awaitTermination(30, TimeUnit.SECONDS);
        if (log != null) {
            log.close();
        }
        if (data != null) {
            try (var files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @BeforeEach
    void forget() {
        core.drain();
    }

    // ---- originating ----

    @Test
    void anOriginatingMessageIsAssertedStrippedRecordRoutedAndDeliveredOverTheCalleesTcpFlow() throws Exception {
        Request message = alice.request(Request.MESSAGE, bob.impu());
        alice.header(message, "Route", "<" + pcscfUri(pcscf) + ">");
        alice.header(message, "Route", "<" + core.serviceRoute() + ">");
        // RFC 3325 9.2: a registered identity the UE prefers; the PAI it sends itself is a spoof
        alice.header(message, "P-Preferred-Identity", "<" + SessionCore.TEL_ALIAS + ">");
        alice.header(message, "P-Asserted-Identity", "<sip:president@" + REALM + ">");
        // RFC 3329 2.3.1: the security agreement ends at the P-CSCF
        alice.header(message, "Require", "sec-agree");
        alice.header(message, "Proxy-Require", "sec-agree");
        alice.header(message, "Proxy-Require", "x-other");
        alice.header(message, "Security-Verify", "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=3;"
                + "port-s=4");
        alice.header(message, "Security-Client", "ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=3;port-s=4");
        message.setContent("hello bob", alice.node().headers().createContentTypeHeader("text", "plain"));

        Response response = alice.send(message);
        assertEquals(Response.OK, response.getStatusCode(), response::toString);
        assertEquals(List.of(bob.impu()), uris(AddressListHeader.P_ASSERTED_IDENTITY.read(response)),
                "bob's own claim removed, his registered identity asserted (RFC 3325 9.1)");

        Request atCore = core.next(Request.MESSAGE);
        assertEquals(List.of(core.serviceRoute()), uris(AddressListHeader.ROUTE.read(atCore)),
                "the P-CSCF's own Route popped, the Service-Route left");
        assertEquals(List.of(SessionCore.TEL_ALIAS), uris(AddressListHeader.P_ASSERTED_IDENTITY.read(atCore)));
        assertNull(atCore.getHeader("P-Preferred-Identity"));
        assertFalse(OptionTagHeader.REQUIRE.contains(atCore, "sec-agree"));
        assertFalse(OptionTagHeader.PROXY_REQUIRE.contains(atCore, "sec-agree"));
        assertEquals(List.of("x-other"), OptionTagHeader.PROXY_REQUIRE.read(atCore));
        assertNull(atCore.getHeader("Security-Verify"));
        assertNull(atCore.getHeader("Security-Client"));
        // Record-Route names the pool (path-uri host:port) with alice's flow token (RFC 5626 5.2)
        SipURI recordRoute = (SipURI) AddressListHeader.RECORD_ROUTE.read(atCore).get(0).getURI();
        assertEquals(HOST, recordRoute.getHost());
        assertEquals(pcscf.sipNode().port(), recordRoute.getPort());
        assertTrue(recordRoute.hasLrParam());
        assertEquals(new TransportFlow("UDP", HOST, alice.node().port()), flowOf(recordRoute));

        // terminating at the P-CSCF: bob gets it over the connection he opened, the P-CSCF's Via on top
        Request atBob = bob.next(Request.MESSAGE);
        assertEquals("hello bob", new String(atBob.getRawContent()));
        List<ViaHeader> vias = TestRequests.vias(atBob);
        assertEquals(4, vias.size(), "P-CSCF, core, P-CSCF, alice: " + vias);
        assertEquals(pcscf.sipNode().port(), vias.get(0).getPort());
        assertEquals("TCP", vias.get(0).getTransport().toUpperCase());
        SipURI bobsRecordRoute = (SipURI) AddressListHeader.RECORD_ROUTE.read(atBob).get(0).getURI();
        TransportFlow bobsFlow = flowOf(bobsRecordRoute);
        assertEquals("TCP", bobsFlow.transport());
        assertNotEquals(bob.node().port(), bobsFlow.port(), "the flow is bob's connection, not his listening port");
        assertTrue(pcscf.storage().pcscfFlows().get(new PcscfFlowKey(bob.contactUri(), bobsFlow)).isPresent(),
                "bob registered over that very flow");
        assertNull(atBob.getHeader("P-Charging-Vector"));
    }

    @Test
    void aSpoofedAssertedIdentityIsReplacedByTheDefaultRegisteredIdentity() throws Exception {
        Request message = alice.request(Request.MESSAGE, bob.impu());
        alice.header(message, "P-Asserted-Identity", "<sip:president@" + REALM + ">");
        alice.header(message, "P-Preferred-Identity", "<sip:somebody-else@" + REALM + ">");
        assertEquals(Response.OK, alice.send(message).getStatusCode());
        Request atCore = core.next(Request.MESSAGE);
        assertEquals(List.of(alice.impu()), uris(AddressListHeader.P_ASSERTED_IDENTITY.read(atCore)),
                "RFC 3325 9.1: the default public identity, never what the UE claims");
    }

    @Test
    void withRewriteARequestWithoutRouteGetsTheServiceRoute() throws Exception {
        Request message = alice.request(Request.MESSAGE, bob.impu());
        alice.header(message, "Route", "<sip:elsewhere.example.net;lr>");
        assertEquals(Response.OK, alice.send(message).getStatusCode());
        assertEquals(List.of(core.serviceRoute()), uris(AddressListHeader.ROUTE.read(core.next(Request.MESSAGE))));
    }

    @Test
    void withRejectARequestWithoutTheServiceRouteIs400() throws Exception {
        Request message = carol.request(Request.MESSAGE, alice.impu());
        Response response = carol.send(message);
        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
        assertEquals("Route Does Not Match Service-Route", response.getReasonPhrase());

        Request routed = carol.request(Request.MESSAGE, alice.impu());
        carol.header(routed, "Route", "<" + core.serviceRoute() + ">");
        assertEquals(Response.OK, carol.send(routed).getStatusCode(), "the Service-Route passes");
        assertEquals(List.of(carol.impu()), uris(AddressListHeader.P_ASSERTED_IDENTITY.read(
                core.next(Request.MESSAGE))));
        alice.next(Request.MESSAGE);
    }

    @Test
    void anUnregisteredUeIsRefused() throws Exception {
        Request message = request(stranger, Request.MESSAGE, alice.impu());
        Response response = stranger.request(message, hop(pcscf, NextHop.UDP), SessionUe.WAIT)
                .get(20, TimeUnit.SECONDS);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Not Registered", response.getReasonPhrase());
    }

    // ---- sessions through the P-CSCF ----

    @Test
    void aCallFromUdpToTcpEndedByTheCaller() throws Exception {
        Call call = call(alice, bob);
        Response byeAnswer = alice.bye(call.caller);
        assertEquals(Response.OK, byeAnswer.getStatusCode(), byeAnswer::toString);
        Request bye = bob.next(Request.BYE);
        assertEquals(pcscf.sipNode().port(), TestRequests.vias(bye).get(0).getPort(), "through the P-CSCF");
        assertEquals(Request.BYE, core.next(Request.BYE).getMethod(), "through the core");
    }

    @Test
    void aCallFromUdpToTcpEndedByTheCallee() throws Exception {
        Call call = call(alice, bob);
        Response byeAnswer = bob.bye(call.callee);
        assertEquals(Response.OK, byeAnswer.getStatusCode(), byeAnswer::toString);
        Request bye = alice.next(Request.BYE);
        List<ViaHeader> vias = TestRequests.vias(bye);
        assertEquals(pcscf.sipNode().port(), vias.get(0).getPort(), "through the P-CSCF");
        assertEquals(4, vias.size(), "bob, P-CSCF, core, P-CSCF: " + vias);
        assertEquals(Request.BYE, core.next(Request.BYE).getMethod(), "through the core");
    }

    @Test
    void aCallFromTcpToUdpEndedByTheCallee() throws Exception {
        Call call = call(bob, alice);
        Response byeAnswer = alice.bye(call.callee);
        assertEquals(Response.OK, byeAnswer.getStatusCode(), byeAnswer::toString);
        bob.next(Request.BYE);
    }

    @Test
    void aCancelBeforeAnswerReachesTheCalleeOverItsFlowAndEndsTheInviteWith487() throws Exception {
        bob.holdInvites(true);
        try {
            Request invite = alice.request(Request.INVITE, bob.impu());
            alice.header(invite, "Route", "<" + pcscfUri(pcscf) + ">");
            alice.header(invite, "Route", "<" + core.serviceRoute() + ">");
            CompletableFuture<Response> answer = new CompletableFuture<>();
            ClientTransaction pending = alice.invite(invite, answer);
            bob.next(Request.INVITE);
            Response cancelled = alice.cancel(pending);
            assertEquals(Response.OK, cancelled.getStatusCode(), "RFC 3261 16.10: the P-CSCF answers the CANCEL");
            Request atBob = bob.next(Request.CANCEL);
            assertEquals(pcscf.sipNode().port(), TestRequests.vias(atBob).get(0).getPort(), "through the P-CSCF");
            assertEquals(Response.REQUEST_TERMINATED, answer.get(20, TimeUnit.SECONDS).getStatusCode());
        } finally {
            bob.holdInvites(false);
        }
    }

    private record Call(SessionUe.Dialog caller, SessionUe.Dialog callee) {
    }

    /** INVITE with the preloaded P-CSCF and Service-Route, 180, 200, ACK; checks what the callee received. */
    private Call call(SessionUe from, SessionUe to) throws Exception {
        Request invite = from.request(Request.INVITE, to.impu());
        from.header(invite, "Route", "<" + pcscfUri(pcscf) + ">");
        from.header(invite, "Route", "<" + core.serviceRoute() + ">");
        Response ok = from.send(invite);
        assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        assertEquals(List.of(to.impu()), uris(AddressListHeader.P_ASSERTED_IDENTITY.read(ok)));
        Request atCallee = to.next(Request.INVITE);
        // Record-Route: the P-CSCF towards the callee, the core, the P-CSCF towards the caller (RFC 3261 16.6)
        List<Address> recordRoute = AddressListHeader.RECORD_ROUTE.read(atCallee);
        assertEquals(3, recordRoute.size(), recordRoute::toString);
        TransportFlow calleeFlow = flowOf((SipURI) recordRoute.get(0).getURI());
        TransportFlow callerFlow = flowOf((SipURI) recordRoute.get(2).getURI());
        assertEquals(transportOf(to), calleeFlow.transport());
        assertEquals(transportOf(from), callerFlow.transport());
        assertEquals(to.contactUri(), atCallee.getRequestURI().toString());
        SessionUe.Dialog caller = from.callerDialog(invite, ok);
        SessionUe.Dialog callee = to.calleeDialog(atCallee, to.lastInviteAnswer());
        from.ack(caller);
        to.next(Request.ACK);
        core.drain();
        return new Call(caller, callee);
    }

    // ---- terminating and bad input ----

    @Test
    void aForgedFlowTokenIs403AndLoggedOnce() throws Exception {
        byte[] forged = new byte[17];
        forged[0] = 0x14;
        Request message = request(stranger, Request.MESSAGE, alice.impu());
        message.addHeader(stranger.headers().createHeader("Route", "<sip:" + FlowToken.PATH_USER_PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged) + "@" + HOST + ":"
                + pcscf.sipNode().port() + ";lr>"));
        Response response = stranger.request(message, hop(pcscf, NextHop.UDP), SessionUe.WAIT)
                .get(20, TimeUnit.SECONDS);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Invalid Flow Token", response.getReasonPhrase());
        String callId = ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
        assertTrue(log.onlyLineMentioning(callId).message().contains("403 Invalid Flow Token"));
    }

    @Test
    void aUeSendingWithAPathEntryIsRefused() throws Exception {
        // a UE that learnt a Path entry must not reach a UE (here: itself) around its S-CSCF
        Request message = alice.request(Request.MESSAGE, bob.impu());
        alice.header(message, "Route", "<sip:" + new FlowToken(key).pathUser(new TransportFlow("UDP", HOST,
                alice.node().port())) + "@" + HOST + ":" + pcscf.sipNode().port() + ";lr>");
        Response response = alice.send(message);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Terminating Request From A UE", response.getReasonPhrase());
    }

    @Test
    void maxForwardsZeroIs483() throws Exception {
        Request message = alice.request(Request.MESSAGE, bob.impu());
        ((MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME)).setMaxForwards(0);
        assertEquals(Response.TOO_MANY_HOPS, alice.send(message).getStatusCode());
    }

    @Test
    void aRequestComingBackUnchangedIsALoop482() throws Exception {
        Request message = alice.request(Request.MESSAGE, "sip:loop@" + REALM);
        alice.header(message, "Route", "<" + core.serviceRoute() + ">");
        assertEquals(Response.LOOP_DETECTED, alice.send(message).getStatusCode());
    }

    @Test
    void anUnknownMethodIs501() throws Exception {
        Request request = alice.request("FOO", bob.impu());
        assertEquals(Response.NOT_IMPLEMENTED, alice.send(request).getStatusCode());
    }

    // ---- helpers ----

    private TransportFlow flowOf(SipURI uri) {
        return new FlowToken(key).fromPathUser(uri.getUser()).orElseThrow(() -> new AssertionError(
                "no flow token of ours in " + uri));
    }

    private static String transportOf(SessionUe ue) {
        return ue.contactUri().endsWith("transport=tcp") ? "TCP" : "UDP";
    }

    private static NextHop hop(CscfRuntime runtime, String transport) {
        return new NextHop(HOST, runtime.sipNode().port(), transport);
    }

    private static String pcscfUri(CscfRuntime runtime) {
        return "sip:" + HOST + ":" + runtime.sipNode().port() + ";lr";
    }

    private static Request request(SipNode node, String method, String target) throws Exception {
        var addresses = node.addresses();
        var headers = node.headers();
        Address from = addresses.createAddress("<sip:stranger@" + REALM + ">");
        return node.messages().createRequest(addresses.createURI(target), method,
                headers.createCallIdHeader(java.util.UUID.randomUUID() + "@stranger"),
                headers.createCSeqHeader(1L, method), headers.createFromHeader(from, "s1"),
                headers.createToHeader(addresses.createAddress(target), null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
    }

    private static List<String> uris(List<Address> addresses) {
        return addresses.stream().map(address -> address.getURI().toString()).toList();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
