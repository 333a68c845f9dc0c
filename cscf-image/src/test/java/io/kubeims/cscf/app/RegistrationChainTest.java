package io.kubeims.cscf.app;

import io.kubeims.cscf.scscf.regevent.ContactEvent;
import io.kubeims.cscf.scscf.regevent.Reginfo;
import io.kubeims.cscf.scscf.regevent.ReginfoContact;
import io.kubeims.cscf.scscf.regevent.ReginfoReader;
import io.kubeims.cscf.scscf.regevent.ReginfoRegistration;
import io.kubeims.cscf.scscf.registrar.RegisterOutcome;
import io.kubeims.cscf.scscf.registrar.RegistrarMetrics;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.cx.HssCoreSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.HssStorageSettings;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.TriggerPoint;
import io.kubeims.store.EmbeddedCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole registration chain on loopback, every piece real and built as the application builds it
 * ({@code kubeims.cscf.*} properties through {@link CscfSettings#from}, the role classes, {@link CscfRuntime}): an
 * HSS ({@link HssCore}, embedded storage), two S-CSCF replicas of one pool sharing one store, an I-CSCF, a P-CSCF,
 * an application server, and Java UEs ({@link UserEquipment}) registering through the P-CSCF.
 *
 * <p>The S-CSCF pool: its Server-Name and Service-Route name one UDP address, {@link PoolAddress}, which stands in
 * for the pool's Service and passes each request to the replica the test chooses ({@link PoolAddress#sendTo}); both
 * replicas know that address as their own (the reader adds the Server-Name and Service-Route host:port to their
 * aliases). So the 401 can come from replica A and the authenticated REGISTER be answered by replica B, which knows
 * nothing of the challenge but what A put in the shared store. The I-CSCF reaches the pool by the Server-Name the
 * HSS gives it, the P-CSCF by the Service-Route it stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationChainTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.test";
    private static final String HSS_HOST = "hss.ims.example.test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path data;
    private HssCore hss;
    private PoolAddress pool;
    private EmbeddedCaches scscfCaches;
    private final Map<String, SimpleMeterRegistry> meters = new HashMap<>();
    private CscfRuntime scscfA;
    private CscfRuntime scscfB;
    private CscfRuntime icscf;
    private CscfRuntime pcscf;
    private String serviceRoute;
    /** Responses to REGISTER as the P-CSCF received them, before its own rewriting. */
    private final List<Response> atPcscf = new CopyOnWriteArrayList<>();
    private SipNode applicationServer;
    private final BlockingQueue<InboundRequest> asRegisters = new LinkedBlockingQueue<>();
    private final List<UserEquipment> ues = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startTheCore() throws Exception {
        data = Files.createTempDirectory("registration-chain-");
        pool = new PoolAddress(HOST);
        String serverName = "sip:" + HOST + ":" + pool.port();
        serviceRoute = "sip:orig@" + HOST + ":" + pool.port() + ";lr";
        int hssPort = freeTcpPort();
        hss = HssCore.start(new HssCoreSettings(CxNodeSettings.hss(HSS_HOST, REALM, HOST, hssPort).build(),
                HssCxSettings.homeOnly(REALM, List.of(serverName), 4),
                new HssStorageSettings.Embedded(data.resolve("hss")), 2));
        scscfCaches = EmbeddedCaches.inMemory("chain-scscf-" + NAMES.incrementAndGet());
        scscfA = startScscf("scscf-a", hssPort, serverName);
        scscfB = startScscf("scscf-b", hssPort, serverName);

        Map<String, String> icscfConfig = cscf("icscf", 0);
        diameter(icscfConfig, "icscf." + REALM, hssPort);
        icscfConfig.put("kubeims.cscf.icscf.scscf-pool", serverName);
        icscf = CscfRuntime.start(CscfSettings.from(ConfigSources.cscf(icscfConfig)), new IcscfRole(),
                meters("icscf"));

        int pcscfPort = freeSipPort();
        Path keyFile = data.resolve("secrets").resolve("pcscf-flow-token-key");
        Files.createDirectories(keyFile.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
        Map<String, String> pcscfConfig = cscf("pcscf", pcscfPort);
        pcscfConfig.put("kubeims.cscf.pcscf.icscf-uri", "sip:" + HOST + ":" + icscf.sipNode().port() + ";lr");
        pcscfConfig.put("kubeims.cscf.pcscf.path-uri", "sip:term@" + HOST + ":" + pcscfPort + ";lr");
        pcscfConfig.put("kubeims.cscf.pcscf.flow-token-key-file", keyFile.toString());
        CscfSettings pcscfSettings = CscfSettings.from(ConfigSources.cscf(pcscfConfig));
        pcscf = CscfRuntime.start(pcscfSettings, new PcscfRole(PcscfRole.readKey(keyFile), this::recording),
                meters("pcscf"));

        applicationServer = new SipNode(SipNodeSettings.of("as", HOST, 0));
        applicationServer.start(RequestDispatcher.builder().on(Request.REGISTER, inbound -> {
            inbound.serverTransaction();   // the test answers later, retransmissions are absorbed meanwhile
            asRegisters.add(inbound);
        }).build());
        assertEquals(Optional.of(true), scscfA.hssConnected());
        assertEquals(Optional.of(true), scscfB.hssConnected());
        assertEquals(Optional.of(true), icscf.hssConnected());
    }

    private CscfRuntime startScscf(String name, int hssPort, String serverName) throws Exception {
        Map<String, String> config = cscf("scscf", 0);
        // the HSS finds the pool's replicas as the peers whose Origin-Host ends in "." + the pool host
        diameter(config, name + "." + HOST, hssPort);
        config.put("kubeims.cscf.scscf.server-name", serverName);
        config.put("kubeims.cscf.scscf.service-route", serviceRoute);
        config.put("kubeims.cscf.scscf.trusted-pcscfs", HOST);
        config.put("kubeims.cscf.scscf.third-party.response-timeout", "15s");
        CscfSettings settings = CscfSettings.from(ConfigSources.cscf(config));
        CscfRole role = CscfRoles.forSettings(settings);
        assertTrue(role instanceof ScscfRole);
        return CscfRuntime.start(settings, role, meters(name), EmbeddedCscfStorage.sharing(scscfCaches,
                settings.store().names(), settings.store().tuning(), Clock.systemUTC()));
    }

    private static Map<String, String> cscf(String role, int sipPort) {
        Map<String, String> config = new HashMap<>();
        config.put("kubeims.cscf.role", role);
        config.put("kubeims.cscf.home-domain", REALM);
        config.put("kubeims.cscf.sip.bind-address", HOST);
        config.put("kubeims.cscf.sip.port", Integer.toString(sipPort));
        config.put("kubeims.cscf.workers.shutdown-timeout", "1s");
        return config;
    }

    private static void diameter(Map<String, String> config, String originHost, int hssPort) {
        config.put("kubeims.cscf.diameter.origin-host", originHost);
        config.put("kubeims.cscf.diameter.bind-address", HOST);
        config.put("kubeims.cscf.diameter.port", "0");
        config.put("kubeims.cscf.diameter.hss-host", HSS_HOST);
        config.put("kubeims.cscf.diameter.hss-address", HOST);
        config.put("kubeims.cscf.diameter.hss-port", Integer.toString(hssPort));
        config.put("kubeims.cscf.diameter.start-timeout", "15s");
    }

    private MeterRegistry meters(String name) {
        return meters.computeIfAbsent(name, n -> new SimpleMeterRegistry());
    }

    /** The P-CSCF's REGISTER response rewriter, seeing each response before it does. */
    private ResponseRewriter recording(ResponseRewriter rewriter) {
        return new ResponseRewriter() {
            @Override
            public void rewrite(Response response, Optional<InboundRequest> request) throws Exception {
                atPcscf.add((Response) response.clone());
                rewriter.rewrite(response, request);
            }

            @Override
            public void generated(Response response, InboundRequest request) throws Exception {
                rewriter.generated(response, request);
            }
        };
    }

    @AfterAll
    void stop() throws Exception {
        UserEquipment.closeAll(ues);
        ExecutorService closing = Executors.newFixedThreadPool(4);
        for (CscfRuntime runtime : new CscfRuntime[] {pcscf, icscf, scscfA, scscfB}) {
            if (runtime != null) {
                closing.execute(runtime::close);   // each takes a second (jain-sip's stop): in parallel
            }
        }
        if (applicationServer != null) {
            closing.execute(applicationServer::close);
        }
        closing.shutdown();
        closing.awaitTermination(30, TimeUnit.SECONDS);
        if (scscfCaches != null) {
            scscfCaches.close();
        }
        if (hss != null) {
            hss.close();
        }
        if (pool != null) {
            pool.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    // ---- the chain ----

    @Test
    @Order(1)
    void akaRegistrationReEventAndDeregistrationThroughThePcscfAcrossTwoScscfReplicas() throws Exception {
        Provisioned alice = provisionAka("alice");
        UserEquipment ue = ue(alice);
        TransportFlow ueFlow = new TransportFlow("UDP", HOST, ue.node().port());

        // 1. the initial REGISTER: the pool sends it to replica A, whose challenge travels back to the UE
        pool.sendTo(scscfA.sipNode().port());
        Request first = ue.newRegister(600);
        ue.authorizeInitially(first);
        Response challenge = ue.send(first);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        DigestChallenge atUe = UserEquipment.challengeOf(challenge);
        assertEquals("AKAv1-MD5", atUe.algorithm().orElseThrow());
        // TS 24.229 5.2.2.1 / 5.4.1.2.1: ck and ik reach the P-CSCF (for its security associations), never the UE
        assertFalse(atUe.otherParams().containsKey("ck") || atUe.otherParams().containsKey("ik"),
                atUe.otherParams()::toString);
        Response challengeAtPcscf = responseAtPcscf(Response.UNAUTHORIZED, callId(challenge));
        DigestChallenge withKeys = DigestChallenge.parse(AuthHeader.WWW_AUTHENTICATE.first(challengeAtPcscf)
                .orElseThrow());
        assertEquals(atUe.nonce(), withKeys.nonce());
        assertEquals(1.0, registers(scscfA, "scscf-a", RegisterOutcome.CHALLENGED));
        // what the P-CSCF vouched for, as it travelled from the I-CSCF to the pool
        String firstAtPool = lastRequest("REGISTER", scscfA.sipNode().port());
        assertTrue(firstAtPool.contains("integrity-protected=\"ip-assoc-pending\""), firstAtPool);
        assertTrue(firstAtPool.contains("@" + HOST + ":" + pcscf.sipNode().port() + ";lr>"), "Path: " + firstAtPool);
        assertTrue(firstAtPool.contains("P-Visited-Network-ID: " + REALM), firstAtPool);

        // 2. the answer: the pool sends it to replica B, which verifies it against what A stored
        pool.sendTo(scscfB.sipNode().port());
        Request second = ue.newRegister(600);
        ue.authorize(second, atUe, UserEquipment.Answering.CORRECTLY);
        Response ok = ue.send(second);
        assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        // the keys the P-CSCF got are the UE's own: its USIM derived the same CK/IK from RAND/AUTN (TS 33.102 6.3)
        UsimResult.Authenticated usim = (UsimResult.Authenticated) ue.usimResult(atUe.nonce()).orElseThrow();
        HexFormat hex = HexFormat.of();
        assertArrayEquals(usim.ck(), hex.parseHex(withKeys.otherParams().get("ck")));
        assertArrayEquals(usim.ik(), hex.parseHex(withKeys.otherParams().get("ik")));
        assertEquals(1.0, registers(scscfB, "scscf-b", RegisterOutcome.REGISTERED));
        assertEquals(0.0, registers(scscfB, "scscf-b", RegisterOutcome.CHALLENGED), "B issued no challenge");
        assertEquals(0.0, registers(scscfA, "scscf-a", RegisterOutcome.REGISTERED));
        assertEquals(List.of(serviceRoute), uris(AddressListHeader.SERVICE_ROUTE.read(ok)));
        assertEquals(List.of(alice.impu()), uris(AddressListHeader.P_ASSOCIATED_URI.read(ok)));
        List<String> path = uris(AddressListHeader.PATH.read(ok));
        assertEquals(1, path.size(), path::toString);
        assertTrue(path.get(0).startsWith("sip:term-") && path.get(0).contains("@" + HOST + ":"
                + pcscf.sipNode().port()), path::toString);
        RegistrationRecord atHss = hss.storage().dynamicState().registration(alice.impi());
        assertEquals(RegistrationState.REGISTERED, atHss.state());
        assertEquals("sip:" + HOST + ":" + pool.port(), atHss.serverName(), "the pool, never a replica");

        // 3. the P-CSCF keeps the flow: IMPI, the implicit set, the Service-Route to enforce
        PcscfFlow flow = pcscf.storage().pcscfFlows().get(new PcscfFlowKey(ue.contactUri(), ueFlow)).orElseThrow();
        assertEquals(alice.impi(), flow.impi());
        assertEquals(List.of(alice.impu()), flow.associatedUris());
        assertEquals(List.of(serviceRoute), flow.serviceRoute());

        // 4. reg event (TS 24.229 5.1.1.3): SUBSCRIBE via the P-CSCF and the Service-Route, now to replica A
        pool.sendTo(scscfA.sipNode().port());
        Response subscribed = ue.subscribeToReg(List.of("<sip:" + HOST + ":" + pcscf.sipNode().port() + ";lr>",
                "<" + serviceRoute + ">"), 600000);
        assertEquals(Response.OK, subscribed.getStatusCode(), subscribed::toString);
        String subscribeAtPool = lastRequest("SUBSCRIBE", scscfA.sipNode().port());
        assertTrue(subscribeAtPool.contains("P-Asserted-Identity: <" + alice.impu() + ">"), subscribeAtPool);
        // the P-CSCF's pool with the UE's flow token (routing contract 6/7), so the NOTIFYs reach the UE's flow
        assertTrue(subscribeAtPool.contains("Record-Route: <sip:term-"), subscribeAtPool);
        assertTrue(subscribeAtPool.contains("@" + HOST + ":" + pcscf.sipNode().port() + ";lr>"), subscribeAtPool);
        Request notify = awaitNotify(ue);
        assertThroughPcscf(notify, scscfA);
        assertEquals(SubscriptionStateHeader.ACTIVE, subscriptionState(notify).getState().toLowerCase());
        ReginfoContact contact = contact(notify, alice.impu(), ue.contactUri());
        assertEquals(ReginfoRegistration.State.ACTIVE, registration(notify, alice.impu()).state());
        assertEquals(ReginfoContact.State.ACTIVE, contact.state());

        // 5. re-registration (TS 24.229 5.4.1.2.2): the P-CSCF knows the flow and marks it ip-assoc-yes; answered
        // at once, without a new challenge
        Request refresh = ue.newRegister(600);
        ue.authorizeInitially(refresh);
        Response refreshed = ue.send(refresh);
        assertEquals(Response.OK, refreshed.getStatusCode(), refreshed::toString);
        String refreshAtPool = lastRequest("REGISTER", scscfA.sipNode().port());
        assertTrue(refreshAtPool.contains("integrity-protected=\"ip-assoc-yes\""), refreshAtPool);
        assertEquals(1.0, registers(scscfA, "scscf-a", RegisterOutcome.CHALLENGED), "no second challenge");
        assertEquals(1.0, registers(scscfA, "scscf-a", RegisterOutcome.REFRESHED));
        Request refreshNotify = awaitNotify(ue);
        assertThroughPcscf(refreshNotify, scscfA);
        assertEquals(ContactEvent.REFRESHED, contact(refreshNotify, alice.impu(), ue.contactUri()).event());

        // 6. de-registration, answered by replica B: NOTIFY terminated for the subscription A accepted
        pool.sendTo(scscfB.sipNode().port());
        Response removed = ue.deregister();
        assertEquals(Response.OK, removed.getStatusCode(), removed::toString);
        assertEquals(1.0, registers(scscfB, "scscf-b", RegisterOutcome.DEREGISTERED));
        Request last = awaitNotify(ue);
        assertThroughPcscf(last, scscfB);
        SubscriptionStateHeader state = subscriptionState(last);
        assertEquals(SubscriptionStateHeader.TERMINATED, state.getState().toLowerCase());
        assertEquals("noresource", state.getReasonCode());
        ReginfoContact gone = contact(last, alice.impu(), ue.contactUri());
        assertEquals(ReginfoContact.State.TERMINATED, gone.state());
        assertEquals(ContactEvent.UNREGISTERED, gone.event());
        assertEquals(Optional.empty(), pcscf.storage().pcscfFlows().get(new PcscfFlowKey(ue.contactUri(), ueFlow)));
        assertEquals(Optional.empty(), scscfA.storage().registrations().get(alice.impi()));
        assertEquals(RegistrationState.NOT_REGISTERED, hss.storage().dynamicState().registration(alice.impi())
                .state());
    }

    @Test
    @Order(2)
    void aFailingSessionTerminatedAsDeregistersAnMd5SubscriberThroughTheNetwork() throws Exception {
        String asUri = "sip:" + HOST + ":" + applicationServer.port();
        InitialFilterCriteria onRegister = new InitialFilterCriteria(0, new TriggerPoint(true, List.of(
                new ServicePointTrigger(false, List.of(0), new MethodCondition(Request.REGISTER, Set.of())))),
                new ApplicationServer(asUri, DefaultHandling.SESSION_TERMINATED), null);
        Provisioned bob = provisionDigest("bob", List.of(onRegister));
        UserEquipment ue = ue(bob);
        pool.sendTo(scscfB.sipNode().port());
        Response ok = ue.register();
        assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        // TS 24.229 5.4.1.7: B sends the third-party REGISTER; the AS holds its answer while the UE subscribes
        InboundRequest thirdParty = asRegisters.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(thirdParty, "third-party REGISTER");
        assertEquals(bob.impu(), ((ToHeader) thirdParty.request().getHeader(ToHeader.NAME)).getAddress().getURI()
                .toString());
        Response subscribed = ue.subscribeToReg(List.of("<sip:" + HOST + ":" + pcscf.sipNode().port() + ";lr>",
                "<" + serviceRoute + ">"), 600000);
        assertEquals(Response.OK, subscribed.getStatusCode(), subscribed::toString);
        assertEquals(SubscriptionStateHeader.ACTIVE, subscriptionState(awaitNotify(ue)).getState().toLowerCase());

        // the AS fails: DefaultHandling SESSION_TERMINATED -> network-initiated de-registration (TS 24.229 5.4.1.5)
        thirdParty.respond(Response.SERVER_INTERNAL_ERROR, "AS Broken");
        Request notify = awaitNotify(ue);
        assertThroughPcscf(notify, scscfB);
        assertEquals(SubscriptionStateHeader.TERMINATED, subscriptionState(notify).getState().toLowerCase());
        ReginfoContact contact = contact(notify, bob.impu(), ue.contactUri());
        assertEquals(ReginfoContact.State.TERMINATED, contact.state());
        // a network de-registration the UE may recover from by registering again (RFC 3680 deactivated)
        assertEquals(ContactEvent.DEACTIVATED, contact.event());
        assertEquals(Optional.empty(), scscfA.storage().registrations().get(bob.impi()));
        assertEquals(RegistrationState.NOT_REGISTERED, hss.storage().dynamicState().registration(bob.impi())
                .state(), "SAR ADMINISTRATIVE_DEREGISTRATION reached the HSS");
        assertEquals(1.0, counter(meters("scscf-b"), ScscfNetworkDeregistration.METER, "deregistered"));
        // and the AS hears the de-registration (third-party REGISTER with Expires 0)
        InboundRequest deregistration = asRegisters.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(deregistration, "third-party de-registration");
        assertEquals(0, ((ExpiresHeader) deregistration.request().getHeader(ExpiresHeader.NAME)).getExpires());
        deregistration.respond(Response.OK);

        // asked again (e.g. by another replica's AS failure): nothing left to remove, the HSS is not asked again
        SimpleMeterRegistry again = new SimpleMeterRegistry();
        List<Object> told = new CopyOnWriteArrayList<>();
        new ScscfNetworkDeregistration(scscfA.cxNode().orElseThrow(), scscfA.storage().registrations(),
                "sip:" + HOST + ":" + pool.port(), told::add, Clock.systemUTC(), Runnable::run, again)
                .deregister(bob.impi(), "test");
        assertEquals(1.0, counter(again, ScscfNetworkDeregistration.METER, "not_registered"));
        assertEquals(List.of(), told);
    }

    @Test
    @Order(3)
    void aRegisterStraightToTheServiceRouteAddressIsRefused() throws Exception {
        Provisioned carol = provisionDigest("carol", List.of());
        // seed 000: the UE sends to the S-CSCF pool itself, without the P-CSCF
        UserEquipment ue = ue(UeSettings.of("ue" + NAMES.incrementAndGet(), HOST, carol.impi(), carol.impu(), REALM,
                carol.credentials(), new NextHop(HOST, pool.port(), NextHop.UDP)));
        pool.sendTo(scscfA.sipNode().port());
        Response refused = ue.register();
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertEquals("Registration Must Come Through The P-CSCF", refused.getReasonPhrase());
    }

    // ---- subscribers and UEs ----

    private record Provisioned(String impi, String impu, UeCredentials credentials) {
    }

    private Provisioned provisionAka(String base) {
        byte[] k = new byte[16];
        byte[] opc = new byte[16];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(opc);
        HexFormat hex = HexFormat.of();
        return provision(base, AkaCredentials.fromOpcHex(hex.formatHex(k), hex.formatHex(opc), "8000"),
                new UeCredentials.Aka(SubscriberKeys.fromOpc(k, opc), hex.parseHex("8000")), List.of());
    }

    private Provisioned provisionDigest(String base, List<InitialFilterCriteria> ifcs) {
        String password = "secret-" + RANDOM.nextInt(1_000_000);
        return provision(base, new SipDigestCredentials(password), new UeCredentials.Password(password), ifcs);
    }

    private Provisioned provision(String base, Credentials hssCredentials, UeCredentials ueCredentials,
                                  List<InitialFilterCriteria> ifcs) {
        String name = base + NAMES.incrementAndGet();
        String impu = "sip:" + name + "@" + REALM;
        hss.storage().subscribers().put(new Subscriber(name + "@" + REALM, List.of(new PublicUserIdentity(impu)),
                false, hssCredentials, ifcs));
        return new Provisioned(name + "@" + REALM, impu, ueCredentials);
    }

    /** A UE of {@code subscriber} whose outbound proxy is the P-CSCF, over UDP. */
    private UserEquipment ue(Provisioned subscriber) throws Exception {
        return ue(UeSettings.of("ue" + NAMES.incrementAndGet(), HOST, subscriber.impi(), subscriber.impu(), REALM,
                subscriber.credentials(), new NextHop(HOST, pcscf.sipNode().port(), NextHop.UDP)));
    }

    private UserEquipment ue(UeSettings settings) throws Exception {
        UserEquipment ue = UserEquipment.start(settings);
        ues.add(ue);
        return ue;
    }

    // ---- reading what happened ----

    private double registers(CscfRuntime replica, String name, RegisterOutcome outcome) {
        assertTrue(replica == scscfA || replica == scscfB);
        return counter(meters(name), RegistrarMetrics.REGISTERS, outcome.tag());
    }

    private static double counter(MeterRegistry registry, String meter, String outcome) {
        Counter counter = registry.find(meter).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The last request of {@code method} the pool passed to the replica on {@code port}. */
    private String lastRequest(String method, int port) {
        List<PoolAddress.Forwarded> requests = pool.requests(method).stream()
                .filter(f -> f.replicaPort() == port).toList();
        assertFalse(requests.isEmpty(), "no " + method + " reached the replica on " + port);
        return requests.get(requests.size() - 1).text();
    }

    private Response responseAtPcscf(int status, String callId) {
        return atPcscf.stream().filter(r -> r.getStatusCode() == status && callId(r).equals(callId)).findFirst()
                .orElseThrow(() -> new AssertionError("the P-CSCF saw no " + status + " for " + callId));
    }

    private static Request awaitNotify(UserEquipment ue) throws InterruptedException {
        Request notify = ue.awaitNotify(WAIT);
        assertNotNull(notify, "no NOTIFY reached the UE");
        return notify;
    }

    /** The NOTIFY came from {@code replica} and through the P-CSCF (its Via on top, the replica's below). */
    private void assertThroughPcscf(Request notify, CscfRuntime replica) {
        List<ViaHeader> vias = new ArrayList<>();
        for (ListIterator<?> it = notify.getHeaders(ViaHeader.NAME); it.hasNext(); ) {
            vias.add((ViaHeader) it.next());
        }
        assertEquals(2, vias.size(), vias::toString);
        assertEquals(pcscf.sipNode().port(), vias.get(0).getPort(), "the P-CSCF relayed it");
        assertEquals(replica.sipNode().port(), vias.get(1).getPort(), "sent by the expected replica");
        assertEquals(Request.NOTIFY, ((CSeqHeader) notify.getHeader(CSeqHeader.NAME)).getMethod());
    }

    private static SubscriptionStateHeader subscriptionState(Request notify) {
        return (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
    }

    private static ReginfoRegistration registration(Request notify, String impu) {
        Reginfo reginfo = new ReginfoReader().read(notify.getRawContent());
        return reginfo.registration(impu).orElseThrow(() -> new AssertionError("no registration of " + impu
                + " in " + reginfo));
    }

    private static ReginfoContact contact(Request notify, String impu, String contactUri) {
        ReginfoRegistration registration = registration(notify, impu);
        return registration.contactByUri(contactUri).orElseThrow(() -> new AssertionError("no contact "
                + contactUri + " in " + registration));
    }

    private static List<String> uris(List<javax.sip.address.Address> addresses) {
        return addresses.stream().map(address -> address.getURI().toString()).toList();
    }

    private static String callId(javax.sip.message.Message message) {
        return ((javax.sip.header.CallIdHeader) message.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    private static int freeTcpPort() {
        return LoopbackPorts.freeTcpPort();
    }

    private static int freeSipPort() {
        return LoopbackPorts.freeSipPort();
    }
}
