package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cscf.testing.CapturedLog;
import io.kubeims.cscf.testing.DaemonThreads;
import io.kubeims.cscf.testing.LoopbackHss;
import io.kubeims.cscf.testing.Teardown;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.TriggerPoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The I-CSCF's terminating routing on loopback (TS 24.229 5.3.2, TS 29.228 6.1.4; routing contract 4): a caller node
 * (standing in for the originating S-CSCF) sends initial requests to an I-CSCF node, which asks a real HSS
 * ({@link LoopbackHss}) with a LIR over its own Cx client and forwards to one of two test S-CSCFs
 * ({@link RecordingScscf}), or rejects. The HSS's Server-Capabilities ask for Mandatory-Capability 1; the pool:
 * A offers {2}, B offers {1}. The last test stops the HSS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcscfSessionTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = LoopbackHss.REALM;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private LoopbackHss hss;
    private CxNode cx;
    private ExecutorService executor;
    private RecordingScscf scscfA;
    private RecordingScscf scscfB;
    private SipNode icscf;
    private SipNode caller;
    private CapturedLog log;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    void start() throws Exception {
        log = CapturedLog.of(IcscfSessionRouting.class);
        hss = LoopbackHss.start(new ServerCapabilities(List.of(1L), List.of(), List.of()), Set.of(),
                Duration.ofSeconds(2));
        cx = CxNode.client(hss.cscfNode("icscf.ims.example.com").requestTimeout(Duration.ofSeconds(2))
                .startTimeout(Duration.ofSeconds(15)).build());
        assertTrue(cx.start(), "the I-CSCF's Cx client connects to the HSS");
        scscfA = RecordingScscf.start("scscf-a", HOST);
        scscfB = RecordingScscf.start("scscf-b", HOST);
        executor = DaemonThreads.pool(2, "icscf-lir");
        IcscfSettings settings = IcscfSettings.of(REALM, List.of(ScscfCandidate.of(scscfA.serverName(), 2L),
                ScscfCandidate.of(scscfB.serverName(), 1L)));
        ScscfSelector selector = new ScscfSelector(settings.scscfPool());
        icscf = new SipNode(SipNodeSettings.of("icscf", HOST, 0));
        StatefulProxy proxy = new StatefulProxy(icscf, ProxySettings.defaults()
                .withResponseTimeout(Duration.ofSeconds(5)), ResponseRewriter.NONE);
        IcscfRegistration registration = new IcscfRegistration(proxy, cx, settings,
                new RegistrationRouting(selector, settings), executor);
        IcscfSessionRouting sessions = new IcscfSessionRouting(proxy, cx, new LocationRouting(selector, settings),
                executor, meters);
        icscf.start(RequestDispatcher.builder().on(Request.REGISTER, registration).otherwise(sessions).build(),
                proxy);
        caller = new SipNode(SipNodeSettings.of("caller", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    @AfterAll
    void stop() throws Exception {
        SipNode.closeAll(List.of(scscfA.node(), scscfB.node(), icscf, caller));
        Teardown.closeAll(log);
        if (executor != null) {
            executor.shutdownNow();
        }
        Teardown.closeAll(cx, hss);
    }

    @AfterEach
    void forget() {
        scscfA.drain();
        scscfB.drain();
    }

    // ---- located ----

    @Test
    void aRegisteredCalleesRequestGoesToItsScscfWithARouteAndNoRecordRoute() throws Exception {
        Subscriber alice = hss.provisionDigest("alice", false);
        assign(alice, scscfA.serverName(), ServerAssignmentType.REGISTRATION);
        Request message = request(Request.MESSAGE, impu(alice));
        Response response = send(message);
        assertEquals(Response.OK, response.getStatusCode(), response::toString);
        Request forwarded = only(scscfA);
        assertEquals(impu(alice), forwarded.getRequestURI().toString(), "the Request-URI is left as it was");
        List<Address> route = AddressListHeader.ROUTE.read(forwarded);
        assertEquals(1, route.size(), route::toString);
        SipURI top = (SipURI) route.get(0).getURI();
        assertEquals(scscfA.node().port(), top.getPort());
        assertNull(top.getUser(), "no orig: the S-CSCF serves it as terminating");
        assertTrue(top.hasLrParam());
        assertNull(forwarded.getHeader("Record-Route"), "the I-CSCF is not on the dialog's path");
        List<ViaHeader> vias = TestRequests.vias(forwarded);
        assertEquals(icscf.port(), vias.get(0).getPort());
        assertEquals(69, ((MaxForwardsHeader) forwarded.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        assertTrue(scscfB.drain().isEmpty());
    }

    @Test
    void anInviteToARegisteredCalleeIsAnsweredThroughTheIcscf() throws Exception {
        Subscriber bob = hss.provisionDigest("bob", false);
        assign(bob, scscfB.serverName(), ServerAssignmentType.REGISTRATION);
        Request invite = request(Request.INVITE, impu(bob));
        invite.addHeader(caller.headers().createHeader("Contact", "<sip:caller@" + HOST + ":" + caller.port() + ">"));
        assertEquals(Response.OK, send(invite).getStatusCode());
        assertEquals(Request.INVITE, only(scscfB).getMethod());
    }

    @Test
    void anUnregisteredCalleeWithUnregisteredServicesGoesToAPoolMemberWithTheCapabilities() throws Exception {
        // TS 29.228 6.1.4.1: not registered, but an iFC for terminating-unregistered requests -> 2003 + capabilities
        InitialFilterCriteria voicemail = new InitialFilterCriteria(0, new TriggerPoint(true, List.of(
                new ServicePointTrigger(false, List.of(0), new SessionCaseCondition(
                        SessionCase.TERMINATING_UNREGISTERED)))),
                new ApplicationServer("sip:voicemail.ims.example.com", DefaultHandling.SESSION_CONTINUED), null);
        String name = "carol" + UUID.randomUUID().toString().substring(0, 6);
        hss.provision(new Subscriber(name + "@" + REALM, List.of(new PublicUserIdentity("sip:" + name + "@" + REALM,
                false, null)), false, new SipDigestCredentials("secret"), List.of(voicemail)));
        Response response = send(request(Request.MESSAGE, "sip:" + name + "@" + REALM));
        assertEquals(Response.OK, response.getStatusCode(), response::toString);
        only(scscfB);
        assertTrue(scscfA.drain().isEmpty(), "A lacks mandatory capability 1");
    }

    // ---- refused ----

    @Test
    void anUnknownCalleeIs404() throws Exception {
        Request message = request(Request.MESSAGE, "sip:nobody@" + REALM);
        Response response = send(message);
        assertEquals(Response.NOT_FOUND, response.getStatusCode());
        assertEquals("User Unknown", response.getReasonPhrase());
        assertNothingForwarded();
        CapturedLog.Line line = log.onlyLineMentioning(callId(message));
        assertEquals(Level.FINE.intValue(), line.level().intValue(), line.toString());
    }

    @Test
    void aTelUriIsLocatedAsItIsAnUnknownNumberIs404() throws Exception {
        Response response = send(request(Request.MESSAGE, "tel:+15559990000"));
        assertEquals(Response.NOT_FOUND, response.getStatusCode());
        assertEquals("User Unknown", response.getReasonPhrase());
        assertNothingForwarded();
    }

    @Test
    void aCalleeNotRegisteredWithoutUnregisteredServicesIs480() throws Exception {
        Subscriber dave = hss.provisionDigest("dave", false);
        Response response = send(request(Request.MESSAGE, impu(dave)));
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode());
        assertEquals("Not Registered", response.getReasonPhrase());
        assertNothingForwarded();
    }

    @Test
    void badInputGetsItsCode() throws Exception {
        Request noUser = request(Request.MESSAGE, "sip:" + REALM);
        assertEquals(Response.NOT_FOUND, send(noUser).getStatusCode());
        Request exhausted = request(Request.MESSAGE, "sip:nobody@" + REALM);
        ((MaxForwardsHeader) exhausted.getHeader(MaxForwardsHeader.NAME)).setMaxForwards(0);
        assertEquals(Response.TOO_MANY_HOPS, send(exhausted).getStatusCode());
        assertEquals(Response.NOT_IMPLEMENTED, send(request("FOO", "sip:nobody@" + REALM)).getStatusCode());
        Request inDialog = request(Request.BYE, "sip:nobody@" + REALM);
        ((javax.sip.header.ToHeader) inDialog.getHeader("To")).setTag("remote");
        Response refused = send(inDialog);
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertEquals("Not On The Dialog Path", refused.getReasonPhrase());
        assertNothingForwarded();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withTheHssDownTheRequestIs480WithAReason() throws Exception {
        Subscriber erin = hss.provisionDigest("erin", false);
        hss.close();
        Request message = request(Request.MESSAGE, impu(erin));
        Response response = send(message);
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode(), response.getReasonPhrase());
        ReasonHeader reason = (ReasonHeader) response.getHeader(ReasonHeader.NAME);
        assertNotNull(reason, "RFC 3326 Reason says what failed");
        assertEquals("SIP", reason.getProtocol());
        assertEquals(480, reason.getCause());
        assertTrue(reason.getText().contains("HSS"), reason.getText());
        assertNothingForwarded();
        CapturedLog.Line line = log.onlyLineMentioning(callId(message));
        assertEquals(Level.WARNING.intValue(), line.level().intValue(), line.toString());
    }

    // ---- helpers ----

    private void assign(Subscriber subscriber, String serverName, ServerAssignmentType type) throws Exception {
        ServerAssignmentAnswer saa = cx.send(new ServerAssignmentRequest(subscriber.privateIdentity(),
                List.of(impu(subscriber)), serverName, type, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(saa.result().isSuccess(), "SAA " + saa.result());
    }

    private static String impu(Subscriber subscriber) {
        return subscriber.defaultPublicIdentity().identity();
    }

    private Request request(String method, String target) throws Exception {
        var addresses = caller.addresses();
        var headers = caller.headers();
        Address from = addresses.createAddress("<sip:caller@" + REALM + ">");
        return caller.messages().createRequest(addresses.createURI(target), method,
                headers.createCallIdHeader(UUID.randomUUID() + "@caller"), headers.createCSeqHeader(1L, method),
                headers.createFromHeader(from, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(addresses.createAddress(addresses.createURI(target)), null),
                new ArrayList<>(), headers.createMaxForwardsHeader(70));
    }

    private Response send(Request request) throws Exception {
        return caller.request(request, new NextHop(HOST, icscf.port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static Request only(RecordingScscf scscf) {
        List<Request> received = scscf.drain();
        assertEquals(1, received.size(), "requests at " + scscf.serverName() + ": " + received);
        return received.get(0);
    }

    private void assertNothingForwarded() {
        assertTrue(scscfA.drain().isEmpty(), "nothing at A");
        assertTrue(scscfB.drain().isEmpty(), "nothing at B");
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
