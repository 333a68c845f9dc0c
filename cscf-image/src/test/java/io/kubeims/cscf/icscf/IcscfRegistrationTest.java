package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
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
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
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
 * The I-CSCF's registration routing end to end on loopback: a UE node sends REGISTER to an I-CSCF node, which asks a
 * real HSS ({@link LoopbackHss}: HssCore, embedded storage, on 127.0.0.2) with a UAR over its own Cx client and
 * forwards to one of three test S-CSCFs (each answers 401 and records what it got), or rejects.
 *
 * <p>The HSS asks for Mandatory-Capability 1 and Optional-Capability 2. The pool: A offers {1}, C offers {2, 3}
 * (more optional capabilities, but not the mandatory one), B offers {1, 2}: a first registration must go to B
 * (TS 24.229 5.3.1.2). The last test stops the HSS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcscfRegistrationTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.com";
    private static final String PARTNER = "partner.example.net";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private LoopbackHss hss;
    private CxNode cx;
    private ExecutorService executor;
    private RecordingScscf scscfA;
    private RecordingScscf scscfB;
    private RecordingScscf scscfC;
    private SipNode icscf;
    private SipNode icscfWithoutCapablePool;
    private SipNode ue;
    private CapturedLog log;

    @BeforeAll
    void start() throws Exception {
        log = CapturedLog.of(IcscfRegistration.class);
        hss = LoopbackHss.start(new ServerCapabilities(List.of(1L), List.of(2L), List.of()), Set.of(PARTNER),
                Duration.ofSeconds(2));
        cx = CxNode.client(hss.cscfNode("icscf.ims.example.com").requestTimeout(Duration.ofSeconds(2))
                .startTimeout(Duration.ofSeconds(15)).build());
        assertTrue(cx.start(), "the I-CSCF's Cx client connects to the HSS");

        scscfA = RecordingScscf.start("scscf-a", HOST);
        scscfB = RecordingScscf.start("scscf-b", HOST);
        scscfC = RecordingScscf.start("scscf-c", HOST);
        executor = DaemonThreads.pool(2, "icscf-cx");
        icscf = startIcscf("icscf", List.of(ScscfCandidate.of(scscfA.serverName(), 1L),
                ScscfCandidate.of(scscfC.serverName(), 2L, 3L), ScscfCandidate.of(scscfB.serverName(), 1L, 2L)));
        icscfWithoutCapablePool = startIcscf("icscf-nocap", List.of(ScscfCandidate.of(scscfC.serverName(), 2L, 3L)));
        ue = new SipNode(SipNodeSettings.of("ue", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    private SipNode startIcscf(String name, List<ScscfCandidate> pool) throws Exception {
        SipNode node = new SipNode(SipNodeSettings.of(name, HOST, 0));
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults().withResponseTimeout(Duration.ofSeconds(5))
                .withTimeoutStatus(Response.SERVER_TIMEOUT), ResponseRewriter.NONE);
        IcscfRegistration registration = new IcscfRegistration(proxy, cx, IcscfSettings.of(REALM, pool), executor);
        return node.start(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
    }

    @AfterAll
    void stop() throws Exception {
        List<SipNode> nodes = new ArrayList<>();
        for (RecordingScscf scscf : new RecordingScscf[] {scscfA, scscfB, scscfC}) {
            if (scscf != null) {
                nodes.add(scscf.node());
            }
        }
        nodes.add(icscf);
        nodes.add(icscfWithoutCapablePool);
        nodes.add(ue);
        SipNode.closeAll(nodes);
        Teardown.closeAll(log);
        if (executor != null) {
            executor.shutdownNow();
        }
        Teardown.closeAll(cx, hss);
    }

    @AfterEach
    void forgetWhatWasReceived() {
        scscfA.drain();
        scscfB.drain();
        scscfC.drain();
    }

    // ---- helpers ----

    /** Provisions name@ims.example.com with sip:name@ims.example.com (SIP Digest). */
    private Subscriber provision(String base, boolean barred) {
        return hss.provisionDigest(base, barred);
    }

    private static String impu(Subscriber subscriber) {
        return subscriber.defaultPublicIdentity().identity();
    }

    /**
     * Sends a REGISTER from the UE to {@code icscfNode} and waits for the final response.
     *
     * @param authUser     Authorization username (TS 24.229 5.1.1.2.1 initial REGISTER: empty nonce and response),
     *                     or null for none
     * @param visited      P-Visited-Network-ID, or null for none
     * @param deregister   Expires: 0 instead of a Contact expires of 600
     */
    private Response register(SipNode icscfNode, String impu, String authUser, String visited, boolean deregister)
            throws Exception {
        AddressFactory addresses = ue.addresses();
        HeaderFactory headers = ue.headers();
        Address aor = addresses.createAddress(addresses.createURI(impu));
        Request register = ue.messages().createRequest(addresses.createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(aor, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(aor, null), new ArrayList<>(), headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createHeader("Contact", "<sip:ue@" + HOST + ":" + ue.port() + ">"
                + (deregister ? "" : ";expires=600")));
        if (deregister) {
            register.addHeader(headers.createExpiresHeader(0));
        }
        if (authUser != null) {
            register.addHeader(headers.createHeader("Authorization", "Digest username=\"" + authUser
                    + "\",realm=\"" + REALM + "\",nonce=\"\",uri=\"sip:" + REALM + "\",response=\"\""));
        }
        if (visited != null) {
            register.addHeader(headers.createHeader("P-Visited-Network-ID", visited));
        }
        return ue.request(register, new NextHop(HOST, icscfNode.port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** The only REGISTER {@code scscf} received, checked to be the UE's as forwarded by {@code icscfNode}. */
    private Request forwardedOnce(RecordingScscf scscf, SipNode icscfNode, Response atUe) {
        List<Request> received = scscf.drain();
        assertEquals(1, received.size(), "REGISTERs at " + scscf.serverName());
        Request forwarded = received.get(0);
        assertEquals(callId(atUe), callId(forwarded));
        // TS 24.229 5.3.1.2: forwarded as is apart from the proxy's own work (RFC 3261 16.6)
        assertEquals("sip:" + REALM, forwarded.getRequestURI().toString());
        assertEquals(69, ((MaxForwardsHeader) forwarded.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        List<ViaHeader> vias = TestRequests.vias(forwarded);
        assertEquals(2, vias.size(), "the I-CSCF's Via on top of the UE's");
        assertEquals(icscfNode.port(), vias.get(0).getPort());
        assertEquals(ue.port(), vias.get(1).getPort());
        assertNull(forwarded.getHeader("Record-Route"), "no Record-Route on REGISTER");
        assertNull(forwarded.getHeader("Path"), "the I-CSCF adds no Path");
        assertEquals(1, TestRequests.vias(atUe).size(), "the relayed response carries only the UE's Via");
        return forwarded;
    }

    private void assertNothingForwarded() {
        assertTrue(scscfA.drain().isEmpty(), "nothing at A");
        assertTrue(scscfB.drain().isEmpty(), "nothing at B");
        assertTrue(scscfC.drain().isEmpty(), "nothing at C");
    }

    private static void assertStatus(int status, String reasonPhrase, Response response) {
        assertEquals(status, response.getStatusCode(), response.getReasonPhrase());
        assertEquals(reasonPhrase, response.getReasonPhrase());
    }

    // ---- registration ----

    @Test
    void firstRegistrationGoesToThePoolMemberWithTheMandatoryAndMostOptionalCapabilities() throws Exception {
        Subscriber alice = provision("alice", false);
        Response response = register(icscf, impu(alice), alice.privateIdentity(), null, false);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), "the S-CSCF's 401 relayed");
        assertNotNull(response.getHeader("WWW-Authenticate"));
        forwardedOnce(scscfB, icscf, response);
        assertTrue(scscfA.drain().isEmpty(), "A lacks optional capability 2");
        assertTrue(scscfC.drain().isEmpty(), "C lacks mandatory capability 1");
    }

    @Test
    void aRegisterWithoutAuthorizationIsQueriedWithTheImpiDerivedFromTo() throws Exception {
        // name@ims.example.com is both the IMPI and the user@host of the IMPU: the HSS accepts the pair
        Subscriber bob = provision("bob", false);
        Response response = register(icscf, impu(bob), null, null, false);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        forwardedOnce(scscfB, icscf, response);
    }

    @Test
    void aRegisteredUserGoesToItsAssignedScscf() throws Exception {
        Subscriber carol = provision("carol", false);
        // the S-CSCF A registers the user (SAR REGISTRATION, TS 29.228 6.1.2): the HSS now answers UAR with 2002 + A
        ServerAssignmentAnswer saa = cx.send(new ServerAssignmentRequest(carol.privateIdentity(),
                List.of(impu(carol)), scscfA.serverName(), ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(saa.result().isSuccess(), "SAA " + saa.result());

        Response response = register(icscf, impu(carol), carol.privateIdentity(), null, false);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        forwardedOnce(scscfA, icscf, response);
        assertTrue(scscfB.drain().isEmpty(), "not selected again by capabilities");

        // its de-registration (Expires: 0) is a DE_REGISTRATION UAR, answered with the assigned S-CSCF
        Response deregistration = register(icscf, impu(carol), carol.privateIdentity(), null, true);
        assertEquals(Response.UNAUTHORIZED, deregistration.getStatusCode());
        Request forwarded = forwardedOnce(scscfA, icscf, deregistration);
        assertEquals(0, ((ExpiresHeader) forwarded.getHeader(ExpiresHeader.NAME)).getExpires());
    }

    @Test
    void deRegistrationOfAnUnregisteredUserIsForbidden() throws Exception {
        // a REGISTRATION UAR would be answered FIRST_REGISTRATION and forwarded to B; DE_REGISTRATION is answered
        // IDENTITY_NOT_REGISTERED (TS 29.228 6.1.1.1)
        Subscriber dave = provision("dave", false);
        Response response = register(icscf, impu(dave), dave.privateIdentity(), null, true);
        assertStatus(Response.FORBIDDEN, "Not Registered", response);
        assertNothingForwarded();
    }

    @Test
    void aPartnerNetworkMayRegister() throws Exception {
        Subscriber erin = provision("erin", false);
        Response response = register(icscf, impu(erin), erin.privateIdentity(), PARTNER, false);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        forwardedOnce(scscfB, icscf, response);
    }

    // ---- refused by the HSS: 403 (TS 24.229 5.3.1.3) ----

    @Test
    void unknownUserIsForbidden() throws Exception {
        Response response = register(icscf, "sip:nobody@" + REALM, "nobody@" + REALM, null, false);
        assertStatus(Response.FORBIDDEN, "User Unknown", response);
        assertNull(response.getHeader(ReasonHeader.NAME), "a user error carries no Reason");
        assertNothingForwarded();
        // logged once, at DEBUG: the user's mistake
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertEquals(Level.FINE.intValue(), line.level().intValue(), line.toString());
        assertTrue(line.message().contains("403 User Unknown"), line.toString());
    }

    @Test
    void aPrivateIdentityNotOwningThePublicOneIsForbidden() throws Exception {
        Subscriber frank = provision("frank", false);
        Subscriber grace = provision("grace", false);
        Response response = register(icscf, impu(frank), grace.privateIdentity(), null, false);
        assertStatus(Response.FORBIDDEN, "Identities Do Not Match", response);
        assertNothingForwarded();
    }

    @Test
    void aBarredSubscriptionIsForbidden() throws Exception {
        Subscriber heidi = provision("heidi", true);
        Response response = register(icscf, impu(heidi), heidi.privateIdentity(), null, false);
        assertStatus(Response.FORBIDDEN, "Registration Barred", response);
        assertNothingForwarded();
    }

    @Test
    void aVisitedNetworkWithoutRoamingAgreementIsForbidden() throws Exception {
        Subscriber ivan = provision("ivan", false);
        Response response = register(icscf, impu(ivan), ivan.privateIdentity(), "elsewhere.example.org", false);
        assertStatus(Response.FORBIDDEN, "Roaming Not Allowed", response);
        assertNothingForwarded();
    }

    // ---- the network cannot serve ----

    @Test
    void noScscfWithTheMandatoryCapabilitiesIsBusyEverywhere() throws Exception {
        Subscriber judy = provision("judy", false);
        Response response = register(icscfWithoutCapablePool, impu(judy), judy.privateIdentity(), null, false);
        assertStatus(Response.BUSY_EVERYWHERE, "No S-CSCF With Required Capabilities", response);
        assertNothingForwarded();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withTheHssDownTheRegisterIsTemporarilyUnavailableWithAReason() throws Exception {
        Subscriber mallory = provision("mallory", false);
        hss.close();
        Response response = register(icscf, impu(mallory), mallory.privateIdentity(), null, false);
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode(), response.getReasonPhrase());
        assertFalse(response.getReasonPhrase().isBlank());
        ReasonHeader reason = (ReasonHeader) response.getHeader(ReasonHeader.NAME);
        assertNotNull(reason, "RFC 3326 Reason says what failed");
        assertEquals("SIP", reason.getProtocol());
        assertEquals(480, reason.getCause());
        assertTrue(reason.getText() != null && reason.getText().contains("HSS"), reason.getText());
        assertNothingForwarded();
        // logged once, at WARN: infrastructure
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertEquals(Level.WARNING.intValue(), line.level().intValue(), line.toString());
        assertTrue(line.message().contains("480"), line.toString());
    }
}
