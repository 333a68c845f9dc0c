package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.icscf.IcscfRegistration;
import io.kubeims.cscf.icscf.IcscfSettings;
import io.kubeims.cscf.icscf.ScscfCandidate;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RawSipSocket;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.sip.header.VisitedNetworks;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.CscfStoreSettings;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.cscf.testing.CapturedLog;
import io.kubeims.cscf.testing.DaemonThreads;
import io.kubeims.cscf.testing.FreePort;
import io.kubeims.cscf.testing.LoopbackHss;
import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.cscf.testing.Teardown;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.store.EmbeddedCaches;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The P-CSCF's registration on loopback, with real SIP over UDP and TCP: UE -> P-CSCF -> a real I-CSCF
 * ({@link IcscfRegistration}, asking a real HSS over Diameter with a UAR) -> a test S-CSCF ({@link TestRegistrar}:
 * 401 with ck/ik, then 200 with Service-Route, P-Associated-URI, Contact expiries and the Path echoed).
 *
 * <p>Two P-CSCF replicas A and B share one flow store (two storages over one embedded Infinispan container); a third
 * P-CSCF forwards to an I-CSCF that never answers. The P-CSCFs' clock is moved by one test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PcscfRegistrationTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = TestRegistrar.REALM;
    private static final String VISITED = "visited.example.net";
    private static final String ORIG_IOI = "ioi.visited.example.net";
    private static final String PATH_URI = "sip:pcscf.ims.example.com:5060;lr";
    private static final byte[] FLOW_KEY = "flow-token-key-shared-by-replicas".getBytes(StandardCharsets.UTF_8);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A digest response: the test registrar does not check it, the P-CSCF must pass it on untouched. */
    private static final String DIGEST_RESPONSE = "6629fae49393a05397450978507c4ef1";

    private final FlowToken flowToken = new FlowToken(FLOW_KEY);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private LoopbackHss hss;
    private CxNode cx;
    private ExecutorService executor;
    private TestRegistrar registrar;
    private SipNode icscf;
    private EmbeddedCaches caches;
    private EmbeddedCscfStorage storageA;
    private EmbeddedCscfStorage storageB;
    private SipNode pcscfA;
    private SipNode pcscfB;
    private RawSipSocket silentIcscf;
    private SipNode pcscfToNowhere;
    private SipNode pcscfToClosedPort;
    private SipNode ue;
    private SipNode otherUe;
    private CapturedLog log;

    @BeforeAll
    void start() throws Exception {
        log = CapturedLog.of(PcscfRegistration.class);
        // the P-CSCF's visited network has a roaming agreement; any other P-Visited-Network-ID gets a 403
        hss = LoopbackHss.start(new ServerCapabilities(List.of(1L), List.of(), List.of()), Set.of(VISITED),
                Duration.ofSeconds(2));
        cx = CxNode.client(hss.cscfNode("icscf.ims.example.com").requestTimeout(Duration.ofSeconds(2))
                .startTimeout(Duration.ofSeconds(15)).build());
        assertTrue(cx.start(), "the I-CSCF's Cx client connects to the HSS");
        executor = DaemonThreads.pool(2, "pcscf-test");

        registrar = TestRegistrar.start("scscf", HOST);
        icscf = new SipNode(SipNodeSettings.of("icscf", HOST, 0));
        StatefulProxy icscfProxy = new StatefulProxy(icscf, ProxySettings.defaults()
                .withResponseTimeout(Duration.ofSeconds(5)), ResponseRewriter.NONE);
        IcscfRegistration icscfRegistration = new IcscfRegistration(icscfProxy, cx,
                IcscfSettings.of(REALM, List.of(ScscfCandidate.of(registrar.serverName(), 1L))), executor);
        icscf.start(RequestDispatcher.builder().on(Request.REGISTER, icscfRegistration).build(), icscfProxy);

        caches = EmbeddedCaches.inMemory("pcscf-test");
        storageA = EmbeddedCscfStorage.sharing(caches, CscfCacheNames.defaults(), CscfStoreSettings.defaults(),
                clock);
        storageB = EmbeddedCscfStorage.sharing(caches, CscfCacheNames.defaults(), CscfStoreSettings.defaults(),
                clock);
        String icscfUri = "sip:" + HOST + ":" + icscf.port() + ";lr";
        pcscfA = startPcscf("pcscf-a", storageA.pcscfFlows(), icscfUri, Duration.ofSeconds(10));
        pcscfB = startPcscf("pcscf-b", storageB.pcscfFlows(), icscfUri, Duration.ofSeconds(10));
        silentIcscf = RawSipSocket.listeningUdp();
        pcscfToNowhere = startPcscf("pcscf-c", storageA.pcscfFlows(), HOST + ":" + silentIcscf.localPort(),
                Duration.ofSeconds(2));
        pcscfToClosedPort = startPcscf("pcscf-d", storageA.pcscfFlows(), HOST + ":" + FreePort.on(HOST)
                + ";transport=tcp", Duration.ofSeconds(2));
        ue = new SipNode(SipNodeSettings.of("ue", HOST, 0)).start(RequestDispatcher.builder().build());
        otherUe = new SipNode(SipNodeSettings.of("ue2", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    /** A P-CSCF wired as an integrator would: response handling in the proxy, the handler on REGISTER. */
    private SipNode startPcscf(String name, PcscfFlowStore flows, String icscfUri, Duration responseTimeout)
            throws Exception {
        PcscfSettings settings = new PcscfSettings(REALM, icscfUri, PATH_URI, VISITED, ORIG_IOI, FLOW_KEY);
        SipNode node = new SipNode(SipNodeSettings.of(name, HOST, 0));
        PcscfRegisterResponses responses = new PcscfRegisterResponses(flows, settings, clock, meters);
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults().withResponseTimeout(responseTimeout)
                .withTimeoutStatus(Response.SERVER_TIMEOUT), responses);
        PcscfRegistration registration = new PcscfRegistration(proxy, flows, settings, clock, executor, meters);
        return node.start(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
    }

    @AfterAll
    void stop() throws Exception {
        List<SipNode> nodes = new ArrayList<>();
        nodes.add(registrar == null ? null : registrar.node());
        nodes.addAll(java.util.Arrays.asList(icscf, pcscfA, pcscfB, pcscfToNowhere, pcscfToClosedPort, ue,
                otherUe));
        SipNode.closeAll(nodes);
        Teardown.closeAll(silentIcscf, log);
        if (executor != null) {
            executor.shutdownNow();
        }
        Teardown.closeAll(storageA, storageB, caches, cx, hss);
    }

    @AfterEach
    void forgetWhatWasReceived() {
        registrar.drain();
    }

    // ---- helpers ----

    /** Provisions name@ims.example.com with sip:name@ims.example.com. */
    private Subscriber provision(String base) {
        return hss.provisionDigest(base, false);
    }

    private static String impu(Subscriber subscriber) {
        return subscriber.defaultPublicIdentity().identity();
    }

    /** The Contact URI a UE node registers. */
    private static String contactOf(SipNode node, Subscriber subscriber) {
        return "sip:" + subscriber.privateIdentity().substring(0, subscriber.privateIdentity().indexOf('@')) + "@"
                + HOST + ":" + node.port();
    }

    /**
     * A REGISTER of {@code subscriber} from {@code from} (TS 24.229 5.1.1.2): Request-URI the home domain, To/From
     * the IMPU, Supported: path, and the given header lines ("Name: value").
     */
    private static Request register(SipNode from, Subscriber subscriber, String... headerLines) throws Exception {
        AddressFactory addresses = from.addresses();
        HeaderFactory headers = from.headers();
        Address aor = addresses.createAddress(addresses.createURI(impu(subscriber)));
        Request register = from.messages().createRequest(addresses.createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(aor, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(aor, null), new ArrayList<>(), headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createHeader("Supported", "path"));
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            register.addHeader(headers.createHeader(line.substring(0, colon).trim(),
                    line.substring(colon + 1).trim()));
        }
        return register;
    }

    private static String contactLine(SipNode from, Subscriber subscriber, int expires) {
        return "Contact: <" + contactOf(from, subscriber) + ">;expires=" + expires;
    }

    /** Authorization with a digest response (a REGISTER answering the challenge). */
    private static String answered(Subscriber subscriber) {
        return "Authorization: Digest username=\"" + subscriber.privateIdentity() + "\",realm=\"" + REALM
                + "\",nonce=\"" + TestRegistrar.NONCE + "\",uri=\"sip:" + REALM + "\",response=\"" + DIGEST_RESPONSE
                + "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"0a4f113b\"";
    }

    /** Authorization without a digest response (an initial REGISTER, TS 24.229 5.1.1.2.1). */
    private static String unanswered(Subscriber subscriber) {
        return "Authorization: Digest username=\"" + subscriber.privateIdentity() + "\",realm=\"" + REALM
                + "\",nonce=\"\",uri=\"sip:" + REALM + "\",response=\"\"";
    }

    private static Response send(SipNode from, Request request, SipNode pcscf, String transport) throws Exception {
        return from.request(request, new NextHop(HOST, pcscf.port(), transport), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** The only REGISTER the registrar received, checked to be the one the UE got an answer to. */
    private Request atRegistrar(Response atUe) {
        List<Request> received = registrar.drain();
        assertEquals(1, received.size(), "REGISTERs at the S-CSCF");
        assertEquals(callId(atUe), callId(received.get(0)));
        return received.get(0);
    }

    /**
     * The P-CSCF did not vouch for the REGISTER's flow (TS 24.229 5.2.2.1: integrity-protected="ip-assoc-pending"
     * towards the S-CSCF), so the UE was challenged.
     */
    private void assertNotVouchedFor(Response atUe) {
        assertEquals(Response.UNAUTHORIZED, atUe.getStatusCode(), atUe.getReasonPhrase());
        assertEquals(IntegrityProtection.IP_ASSOC_PENDING.token(), integrityProtected(atRegistrar(atUe)));
    }

    /** The P-CSCF vouched for the registered flow ("ip-assoc-yes"), so the S-CSCF registered without a challenge. */
    private void assertVouchedFor(Response atUe) {
        assertEquals(Response.OK, atUe.getStatusCode(), atUe.getReasonPhrase());
        assertEquals(IntegrityProtection.IP_ASSOC_YES.token(), integrityProtected(atRegistrar(atUe)));
    }

    private static DigestCredentials authorization(Request request) {
        List<String> values = AuthHeader.AUTHORIZATION.read(request);
        assertEquals(1, values.size(), "one Authorization: " + values);
        return DigestCredentials.parse(values.get(0));
    }

    private static String integrityProtected(Request request) {
        return authorization(request).otherParams().get(IntegrityProtection.PARAMETER);
    }

    private double count(RegisterOutcome outcome) {
        return meters.get(RegisterOutcomes.METER).tag("outcome", outcome.tag()).counter().count();
    }

    private static PcscfFlowKey key(String contact, String transport, int port) {
        return new PcscfFlowKey(contact, new TransportFlow(transport, HOST, port));
    }

    /** Registers through {@code pcscf}: challenged first, then 200 to the answered REGISTER. */
    private Response registerFully(SipNode from, Subscriber subscriber, SipNode pcscf, String transport, int expires)
            throws Exception {
        Response challenge = send(from, register(from, subscriber, contactLine(from, subscriber, expires)), pcscf,
                transport);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        Response ok = send(from, register(from, subscriber, contactLine(from, subscriber, expires),
                answered(subscriber)), pcscf, transport);
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        registrar.drain();
        return ok;
    }

    // ---- the forwarded REGISTER ----

    @Test
    void aRegisterReachesTheScscfWithWhatThePcscfVouchesForAndNothingTheUeClaimed() throws Exception {
        Subscriber alice = provision("alice");
        double challengedBefore = count(RegisterOutcome.CHALLENGED);
        // the UE claims an established association, a network and charging data: none of it may pass
        Request request = register(ue, alice, contactLine(ue, alice, 600),
                "Authorization: Digest username=\"" + alice.privateIdentity() + "\",realm=\"" + REALM
                        + "\",nonce=\"\",uri=\"sip:" + REALM + "\",response=\"\",integrity-protected=\"ip-assoc-yes\"",
                "P-Visited-Network-ID: elsewhere.example.org",
                "P-Charging-Vector: icid-value=ue-forged-icid;orig-ioi=ue.example.org",
                "Route: <sip:" + HOST + ":" + pcscfA.port() + ";lr>",
                "Route: <sip:elsewhere.example.org;lr>");
        Response response = send(ue, request, pcscfA, NextHop.UDP);

        // the UE's P-Visited-Network-ID would have been refused by the HSS (no roaming agreement): 401, not 403
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), response.getReasonPhrase());
        Request forwarded = atRegistrar(response);
        assertEquals("sip:" + REALM, forwarded.getRequestURI().toString(), "loose routing: Request-URI kept");
        assertNull(forwarded.getHeader("Route"),
                "the P-CSCF dropped the UE's Route entries and the I-CSCF popped the one the P-CSCF pushed");
        List<ViaHeader> vias = TestRequests.vias(forwarded);
        assertEquals(3, vias.size(), "I-CSCF, P-CSCF, UE");
        assertEquals(pcscfA.port(), vias.get(1).getPort());

        // RFC 3327 / RFC 5626: one Path entry, the pool name with the flow token of the UE's flow
        List<Address> path = AddressListHeader.PATH.read(forwarded);
        assertEquals(1, path.size(), path.toString());
        SipURI pathUri = (SipURI) path.get(0).getURI();
        assertEquals("pcscf.ims.example.com", pathUri.getHost());
        assertEquals(5060, pathUri.getPort());
        assertTrue(pathUri.hasLrParam());
        assertNull(pathUri.getParameter("ob"), "the UE did not ask for outbound");
        assertEquals(Optional.of(new TransportFlow("UDP", HOST, ue.port())), flowToken.fromPathUser(pathUri.getUser()),
                "the flow token names the UE's flow");
        assertTrue(OptionTagHeader.REQUIRE.contains(forwarded, "path"));

        // RFC 7315: our network identifier and a fresh charging vector, the UE's gone
        assertEquals(List.of(VISITED), VisitedNetworks.read(forwarded));
        assertEquals(1, TestRequests.values(forwarded, ChargingVector.NAME).size());
        ChargingVector vector = ChargingVector.read(forwarded).orElseThrow();
        assertNotEquals("ue-forged-icid", vector.icidValue());
        assertEquals(Optional.of(ORIG_IOI), vector.origIoi());

        // TS 24.229 5.2.2: the marking is the P-CSCF's: a first REGISTER is pending whatever the UE said
        DigestCredentials credentials = authorization(forwarded);
        assertEquals(IntegrityProtection.IP_ASSOC_PENDING.token(),
                credentials.otherParams().get(IntegrityProtection.PARAMETER));
        assertEquals(alice.privateIdentity(), credentials.username());

        // TS 24.229 5.2.2: ck and ik never reach the UE; the rest of the challenge does
        List<String> challenges = AuthHeader.WWW_AUTHENTICATE.read(response);
        assertEquals(1, challenges.size());
        DigestChallenge challenge = DigestChallenge.parse(challenges.get(0));
        assertFalse(challenge.otherParams().containsKey("ck"), challenges.get(0));
        assertFalse(challenge.otherParams().containsKey("ik"), challenges.get(0));
        assertFalse(challenges.get(0).contains(TestRegistrar.CK) || challenges.get(0).contains(TestRegistrar.IK));
        assertEquals(TestRegistrar.NONCE, challenge.nonce());
        assertEquals(Optional.of("AKAv1-MD5"), challenge.algorithm());
        assertEquals(REALM, challenge.realm());
        assertEquals(List.of("auth"), challenge.qopOptions());
        assertNull(response.getHeader(ChargingVector.NAME), "charging data stays in the network");

        assertEquals(challengedBefore + 1, count(RegisterOutcome.CHALLENGED));
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertEquals(Level.FINE.intValue(), line.level().intValue());
        assertTrue(line.message().contains("challenged 401"), line.toString());
    }

    @Test
    void withoutAuthorizationThePcscfInsertsOneNamingTheImpiDerivedFromTo() throws Exception {
        Subscriber bob = provision("bob");
        Response response = send(ue, register(ue, bob, contactLine(ue, bob, 600)), pcscfA, NextHop.UDP);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), response.getReasonPhrase());
        DigestCredentials inserted = authorization(atRegistrar(response));
        // name@ims.example.com: user@host of the IMPU (TS 23.003 13.3)
        assertEquals(bob.privateIdentity(), inserted.username());
        assertEquals(REALM, inserted.realm());
        assertEquals("sip:" + REALM, inserted.uri());
        assertEquals("", inserted.nonce());
        assertEquals("", inserted.response());
        assertEquals(IntegrityProtection.IP_ASSOC_PENDING.token(),
                inserted.otherParams().get(IntegrityProtection.PARAMETER));
    }

    @Test
    void aUeSupportingOutboundGetsTheObParameterInPath() throws Exception {
        Subscriber carol = provision("carol");
        Request request = register(ue, carol, "Contact: <" + contactOf(ue, carol) + ">;expires=600;reg-id=1;"
                + "+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"", "Supported: outbound");
        Response response = send(ue, request, pcscfA, NextHop.UDP);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        SipURI path = (SipURI) AddressListHeader.PATH.first(atRegistrar(response)).orElseThrow().getURI();
        assertNotNull(path.getParameter("ob"), "RFC 5626 5.1: ob for a UE that supports outbound");
        assertTrue(flowToken.fromPathUser(path.getUser()).isPresent());
    }

    private static void assertNotNull(Object value, String message) {
        assertFalse(value == null, message);
    }

    // ---- flows ----

    @Test
    void a200StoresTheFlowWhichVouchesForTheNextRegisterFromThatFlowOnly() throws Exception {
        Subscriber dave = provision("dave");
        double registeredBefore = count(RegisterOutcome.REGISTERED);
        Response challenge = send(ue, register(ue, dave, contactLine(ue, dave, 7200)), pcscfA, NextHop.UDP);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        registrar.drain();
        assertEquals(Optional.empty(), storageA.pcscfFlows().get(key(contactOf(ue, dave), "UDP", ue.port())),
                "a 401 stores nothing");

        Response ok = send(ue, register(ue, dave, contactLine(ue, dave, 7200), answered(dave)), pcscfA, NextHop.UDP);
        assertEquals(Response.OK, ok.getStatusCode());
        Request answered = atRegistrar(ok);
        assertEquals(DIGEST_RESPONSE, authorization(answered).response(), "the UE's credentials pass untouched");
        assertEquals(IntegrityProtection.IP_ASSOC_PENDING.token(), integrityProtected(answered),
                "not yet associated: the 200 has not come");
        assertEquals(registeredBefore + 1, count(RegisterOutcome.REGISTERED));
        // the 200 reaches the UE with what it needs and no charging data
        assertEquals(List.of(registrar.serviceRoute()), AddressListHeader.SERVICE_ROUTE.read(ok).stream()
                .map(a -> a.getURI().toString()).toList());
        assertNull(ok.getHeader(ChargingVector.NAME));

        // stored per contact and flow: IMPI, P-Associated-URI, Service-Route, the expiry the registrar granted
        PcscfFlow flow = storageA.pcscfFlows().get(key(contactOf(ue, dave), "UDP", ue.port())).orElseThrow();
        assertEquals(dave.privateIdentity(), flow.impi());
        assertEquals(List.of(impu(dave), TestRegistrar.TEL_ALIAS), flow.associatedUris());
        assertEquals(List.of(registrar.serviceRoute()), flow.serviceRoute());
        assertEquals(clock.instant().plusSeconds(TestRegistrar.MAX_EXPIRES), flow.expiresAt(),
                "7200 s asked, 3600 s granted");

        // the same flow re-registers: the P-CSCF vouches, the S-CSCF need not challenge
        Response refreshed = send(ue, register(ue, dave, contactLine(ue, dave, 7200), unanswered(dave)), pcscfA,
                NextHop.UDP);
        assertVouchedFor(refreshed);

        // the same IMPI and contact from another port is another flow: pending, challenged
        Response impostor = send(otherUe, register(otherUe, dave, "Contact: <" + contactOf(ue, dave)
                + ">;expires=600", unanswered(dave)), pcscfA, NextHop.UDP);
        assertNotVouchedFor(impostor);
    }

    @Test
    void anotherPrivateIdentityOnARegisteredFlowIsNotVouchedFor() throws Exception {
        Subscriber erin = provision("erin");
        Subscriber frank = provision("frank");
        registerFully(ue, erin, pcscfA, NextHop.UDP, 600);
        // frank claims erin's contact on erin's flow
        Response response = send(ue, register(ue, frank, "Contact: <" + contactOf(ue, erin) + ">;expires=600",
                unanswered(frank)), pcscfA, NextHop.UDP);
        assertNotVouchedFor(response);
    }

    @Test
    void anExpiredRegistrationNoLongerVouches() throws Exception {
        Subscriber grace = provision("grace");
        registerFully(ue, grace, pcscfA, NextHop.UDP, 600);
        clock.advance(Duration.ofSeconds(601));
        Response response = send(ue, register(ue, grace, contactLine(ue, grace, 600), unanswered(grace)), pcscfA,
                NextHop.UDP);
        assertNotVouchedFor(response);
    }

    @Test
    void deRegistrationRemovesTheFlow() throws Exception {
        Subscriber heidi = provision("heidi");
        registerFully(ue, heidi, pcscfA, NextHop.UDP, 600);
        PcscfFlowKey key = key(contactOf(ue, heidi), "UDP", ue.port());
        assertTrue(storageA.pcscfFlows().get(key).isPresent());
        // the S-CSCF registered heidi at the HSS (SAR), so that the I-CSCF routes the de-registration to it
        ServerAssignmentAnswer saa = cx.send(new ServerAssignmentRequest(heidi.privateIdentity(),
                List.of(impu(heidi)), registrar.serverName(), ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(saa.result().isSuccess(), "SAA " + saa.result());
        double deregisteredBefore = count(RegisterOutcome.DEREGISTERED);

        Response ok = send(ue, register(ue, heidi, contactLine(ue, heidi, 0), answered(heidi)), pcscfA,
                NextHop.UDP);
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        atRegistrar(ok);
        assertEquals(Optional.empty(), storageA.pcscfFlows().get(key));
        assertEquals(deregisteredBefore + 1, count(RegisterOutcome.DEREGISTERED));

        Response again = send(ue, register(ue, heidi, contactLine(ue, heidi, 600), unanswered(heidi)), pcscfA,
                NextHop.UDP);
        assertNotVouchedFor(again);
    }

    @Test
    void overTcpTheFlowIsTheConnection() throws Exception {
        Subscriber ivan = provision("ivan");
        Response challenge = send(ue, register(ue, ivan, contactLine(ue, ivan, 600)), pcscfA, NextHop.TCP);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        Request forwarded = atRegistrar(challenge);
        ViaHeader ueVia = TestRequests.vias(forwarded).get(2);
        assertEquals("TCP", ueVia.getTransport().toUpperCase(java.util.Locale.ROOT));
        int sourcePort = ueVia.getRPort();
        assertTrue(sourcePort > 0, "the P-CSCF's stack marks the connection's port: " + ueVia);
        TransportFlow flow = new TransportFlow("TCP", HOST, sourcePort);
        SipURI path = (SipURI) AddressListHeader.PATH.first(forwarded).orElseThrow().getURI();
        assertEquals(Optional.of(flow), flowToken.fromPathUser(path.getUser()));

        Response ok = send(ue, register(ue, ivan, contactLine(ue, ivan, 600), answered(ivan)), pcscfA, NextHop.TCP);
        assertEquals(Response.OK, ok.getStatusCode());
        registrar.drain();
        assertTrue(storageA.pcscfFlows().get(new PcscfFlowKey(contactOf(ue, ivan), flow)).isPresent());
        // the UE's stack keeps the connection: the next REGISTER comes over the same flow
        Response refreshed = send(ue, register(ue, ivan, contactLine(ue, ivan, 600), unanswered(ivan)), pcscfA,
                NextHop.TCP);
        assertVouchedFor(refreshed);
    }

    @Test
    void aUeBehindNatIsAnsweredAtItsPublicAddressAndPort() throws Exception {
        Subscriber judy = provision("judy");
        String name = judy.privateIdentity().substring(0, judy.privateIdentity().indexOf('@'));
        try (RawSipSocket natted = RawSipSocket.udp(pcscfA.port())) {
            String callId = UUID.randomUUID() + "@nat";
            // the UE writes its private address into Via and Contact; the packets come from the NAT's address/port
            natted.send("REGISTER sip:" + REALM + " SIP/2.0\n"
                    + "Via: SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK" + UUID.randomUUID() + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <" + impu(judy) + ">;tag=nat1\n"
                    + "To: <" + impu(judy) + ">\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: 1 REGISTER\n"
                    + "Contact: <sip:" + name + "@192.0.2.10:5060>;expires=600\n"
                    + "Supported: path\n"
                    + "Content-Length: 0\n\n");
            String response = natted.receiveContaining("SIP/2.0 401");
            assertTrue(response.contains(callId), response);
            // RFC 3581: the response came to the NAT binding, and its Via says so
            assertTrue(response.contains("received=127.0.0.1"), response);
            assertTrue(response.contains("rport=" + natted.localPort()), response);

            List<Request> forwarded = registrar.drain();
            assertEquals(1, forwarded.size());
            ViaHeader ueVia = TestRequests.vias(forwarded.get(0)).get(2);
            assertEquals("192.0.2.10", ueVia.getHost());
            assertEquals(HOST, ueVia.getReceived());
            assertEquals(natted.localPort(), ueVia.getRPort());
            SipURI path = (SipURI) AddressListHeader.PATH.first(forwarded.get(0)).orElseThrow().getURI();
            assertEquals(Optional.of(new TransportFlow("UDP", HOST, natted.localPort())),
                    flowToken.fromPathUser(path.getUser()), "the flow is the NAT binding, not the Via");
        }
    }

    @Test
    void aSecondReplicaSeesTheFlowTheFirstStored() throws Exception {
        Subscriber kim = provision("kim");
        registerFully(ue, kim, pcscfA, NextHop.UDP, 600);
        PcscfFlowKey key = key(contactOf(ue, kim), "UDP", ue.port());
        PcscfFlow storedByA = storageB.pcscfFlows().get(key).orElseThrow();
        assertEquals(kim.privateIdentity(), storedByA.impi());

        Response viaB = send(ue, register(ue, kim, contactLine(ue, kim, 600), unanswered(kim)), pcscfB, NextHop.UDP);
        assertEquals(Response.OK, viaB.getStatusCode(), viaB.getReasonPhrase());
        Request forwarded = atRegistrar(viaB);
        assertEquals(IntegrityProtection.IP_ASSOC_YES.token(), integrityProtected(forwarded));
        assertEquals(pcscfB.port(), TestRequests.vias(forwarded).get(1).getPort(), "it went through B");
        // the Path names the pool and the same flow, whichever replica wrote it
        SipURI path = (SipURI) AddressListHeader.PATH.first(forwarded).orElseThrow().getURI();
        assertEquals("pcscf.ims.example.com", path.getHost());
        assertEquals(Optional.of(key.receivedFrom()), flowToken.fromPathUser(path.getUser()));
    }

    // ---- errors ----

    @Test
    void aRegisterOfATelUriIsMalformed() throws Exception {
        double before = count(RegisterOutcome.MALFORMED);
        AddressFactory addresses = ue.addresses();
        HeaderFactory headers = ue.headers();
        Address tel = addresses.createAddress(addresses.createURI("tel:+15557654321"));
        Request request = ue.messages().createRequest(addresses.createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(tel, "t1"), headers.createToHeader(tel, null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createHeader("Contact", "<sip:ue@" + HOST + ":" + ue.port() + ">"));
        Response response = send(ue, request, pcscfA, NextHop.UDP);
        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
        assertEquals("To Is Not A SIP URI With User Part", response.getReasonPhrase());
        assertTrue(registrar.drain().isEmpty(), "nothing forwarded");
        assertEquals(before + 1, count(RegisterOutcome.MALFORMED));
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertTrue(line.message().contains("malformed 400"), line.toString());
    }

    @Test
    void anUnreadableAuthorizationIsMalformed() throws Exception {
        Subscriber leo = provision("leo");
        Response response = send(ue, register(ue, leo, contactLine(ue, leo, 600),
                "Authorization: Digest username=\"" + leo.privateIdentity() + "\",response=\"\""), pcscfA,
                NextHop.UDP);
        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
        assertTrue(response.getReasonPhrase().startsWith("Malformed Authorization"), response.getReasonPhrase());
        assertTrue(registrar.drain().isEmpty(), "nothing forwarded");
    }

    @Test
    void anIcscfThatNeverAnswersGivesServerTimeout() throws Exception {
        Subscriber mallory = provision("mallory");
        double before = count(RegisterOutcome.UNANSWERED);
        Response response = send(ue, register(ue, mallory, contactLine(ue, mallory, 600)), pcscfToNowhere,
                NextHop.UDP);
        assertEquals(Response.SERVER_TIMEOUT, response.getStatusCode(), response.getReasonPhrase());
        // the REGISTER did leave for the configured I-CSCF, with its Route
        String sent = silentIcscf.receiveContaining("REGISTER sip:" + REALM);
        assertTrue(sent.contains("Route: <sip:" + HOST + ":" + silentIcscf.localPort() + ";lr>"), sent);
        assertEquals(before + 1, count(RegisterOutcome.UNANSWERED));
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertTrue(line.message().contains("unanswered 504"), line.toString());
    }

    @Test
    void anIcscfRefusingTheConnectionGivesServiceUnavailable() throws Exception {
        Subscriber nina = provision("nina");
        double before = count(RegisterOutcome.UNANSWERED);
        Response response = send(ue, register(ue, nina, contactLine(ue, nina, 600)), pcscfToClosedPort,
                NextHop.UDP);
        assertEquals(Response.SERVICE_UNAVAILABLE, response.getStatusCode(), response.getReasonPhrase());
        assertEquals(before + 1, count(RegisterOutcome.UNANSWERED));
        CapturedLog.Line line = log.onlyLineMentioning(callId(response));
        assertTrue(line.message().contains("unanswered 503"), line.toString());
    }
}
