package io.kubeims.cscf.scscf.hss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.RecordingUserAgent;
import io.kubeims.cscf.scscf.ScscfFixtures;
import io.kubeims.cscf.scscf.regevent.ContactEvent;
import io.kubeims.cscf.scscf.regevent.RegEventNotifier;
import io.kubeims.cscf.scscf.regevent.RegEventSettings;
import io.kubeims.cscf.scscf.regevent.RegEventSubscribeHandler;
import io.kubeims.cscf.scscf.regevent.Reginfo;
import io.kubeims.cscf.scscf.regevent.ReginfoComposer;
import io.kubeims.cscf.scscf.regevent.ReginfoReader;
import io.kubeims.cscf.scscf.regevent.ReginfoRegistration;
import io.kubeims.cscf.scscf.registrar.ImplicitRegistrationSet;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistration;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistrationSettings;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.testing.LoopbackHss;
import io.kubeims.cscf.testing.Teardown;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.notify.DeregistrationOutcome;
import io.kubeims.hss.notify.ProfileUpdateOutcome;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.TriggerPoint;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.AddressFactory;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HSS-initiated procedures end to end (TS 29.228 6.1.3 RTR, 6.2.2 PPR): a real HSS ({@link LoopbackHss}, embedded
 * storage) de-registers and pushes profiles, as its provisioning path does on deletion and iFC changes, to a pool
 * of two jdiameter S-CSCF replicas whose {@link HssInitiatedProcedures} share one embedded CSCF store; the reg event
 * notifier and third-party registration observe the changes, so a subscribed test UE gets the NOTIFYs and a test AS
 * the de-registering REGISTER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HssInitiatedProceduresTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.com";
    private static final String POOL = "sip:scscf.ims.example.com:6060";
    private static final String REPLICA_0 = "scscf-0.scscf.ims.example.com";
    private static final String REPLICA_1 = "scscf-1.scscf.ims.example.com";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger USERS = new AtomicInteger();

    private final CxUserDataReader userData = new CxUserDataReader();
    private LoopbackHss loopbackHss;
    /** The HSS of {@link #loopbackHss}: its stores, node and notifier. */
    private HssCore hss;
    private EmbeddedCscfStorage storage;
    private SimpleMeterRegistry meters;
    private ExecutorService executor;
    private CxNode replica0;
    private CxNode replica1;
    private SipNode scscf;
    private RecordingUserAgent ue;
    private RecordingUserAgent as;

    @BeforeAll
    void start() throws Exception {
        loopbackHss = LoopbackHss.naming(POOL, Duration.ofSeconds(3));
        hss = loopbackHss.core();
        storage = EmbeddedCscfStorage.inMemory();
        meters = new SimpleMeterRegistry();
        executor = Executors.newFixedThreadPool(2);

        scscf = new SipNode(SipNodeSettings.of("scscf", HOST, 0));
        RegEventSettings settings = RegEventSettings.of(List.of());
        ReginfoComposer composer = new ReginfoComposer(userData);
        RegEventNotifier notifier = new RegEventNotifier(scscf, storage.regEventSubscriptions(), composer, settings,
                meters, Clock.systemUTC());
        scscf.start(RequestDispatcher.builder().on(Request.SUBSCRIBE, new RegEventSubscribeHandler(
                storage.registrations(), storage.regEventSubscriptions(), notifier, composer, settings, null,
                executor, meters, Clock.systemUTC())).build());
        ThirdPartyRegistration thirdParty = new ThirdPartyRegistration(scscf, userData,
                ThirdPartyRegistrationSettings.of(POOL, REALM), (impi, reason) -> { }, meters);
        // as the integrator wires it: the registrar's observers, also for the HSS-initiated changes
        RegistrationObserver observers = RegistrationObserver.all(List.of(notifier, thirdParty));
        replica0 = scscfReplica(REPLICA_0, observers);
        replica1 = scscfReplica(REPLICA_1, observers);
        ue = RecordingUserAgent.start("ue");
        as = RecordingUserAgent.start("as");
    }

    private CxNode scscfReplica(String originHost, RegistrationObserver observers) throws Exception {
        CxNode node = CxNode.scscf(loopbackHss.cscfNode(originHost).requestTimeout(Duration.ofSeconds(3))
                        .startTimeout(WAIT).build(),
                new HssInitiatedProcedures(storage.registrations(), userData, observers, executor, meters,
                        Clock.systemUTC()));
        assertTrue(node.start(), originHost + " connects to the HSS");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hss.node().connectedPeers().stream().noneMatch(p -> p.host().equals(originHost))) {
            assertTrue(System.nanoTime() < deadline, "the HSS sees " + originHost);
            Thread.sleep(20);
        }
        return node;
    }

    @AfterAll
    void stop() throws Exception {
        SipNode.closeAll(List.of(scscf, ue.node(), as.node()));
        Teardown.closeAll(replica0, replica1, loopbackHss);
        executor.shutdownNow();
        storage.close();
    }

    @AfterEach
    void reset() {
        ue.drain();
        as.drain();
    }

    // ---- fixtures ----

    private InitialFilterCriteria registerToAs() {
        return new InitialFilterCriteria(0, new TriggerPoint(true, List.of(new ServicePointTrigger(false, List.of(0),
                new MethodCondition(Request.REGISTER)))),
                new ApplicationServer("sip:" + HOST + ":" + as.node().port(), DefaultHandling.SESSION_CONTINUED),
                null);
    }

    /** A subscriber provisioned in the HSS with a SIP and a tel identity and an iFC sending REGISTERs to the AS. */
    private Subscriber provision(String base) {
        String user = base + USERS.incrementAndGet();
        Subscriber subscriber = new Subscriber(user + "@" + REALM, List.of(
                new PublicUserIdentity("sip:" + user + "@" + REALM),
                new PublicUserIdentity("tel:+1555" + (3000 + USERS.get()))), false,
                new SipDigestCredentials("secret-" + user), List.of(registerToAs()));
        return loopbackHss.provision(subscriber);
    }

    /**
     * What the registrar does on a successful registration: SAR REGISTRATION to the HSS (naming the pool), then the
     * SAA's User-Data and implicit set stored with the UE's binding.
     */
    private Registration register(Subscriber subscriber) throws Exception {
        ServerAssignmentAnswer saa = assign(subscriber);
        String document = new String(saa.userData(), StandardCharsets.UTF_8);
        String user = subscriber.privateIdentity().substring(0, subscriber.privateIdentity().indexOf('@'));
        Registration registration = new Registration(subscriber.privateIdentity(),
                ImplicitRegistrationSet.of(userData.read(document)).identities(), document, ScscfFixtures.POOL,
                List.of(ScscfFixtures.contact(ue.uri(user), Instant.now().plusSeconds(600), List.of(), "r-" + user,
                        1)), null);
        storage.registrations().update(registration.impi(), current -> Optional.of(registration));
        return registration;
    }

    /** SAR REGISTRATION from replica 0 naming the pool: the HSS records the user as served by it. */
    private ServerAssignmentAnswer assign(Subscriber subscriber) throws Exception {
        ServerAssignmentAnswer saa = replica0.send(new ServerAssignmentRequest(subscriber.privateIdentity(),
                List.of(subscriber.defaultPublicIdentity().identity()), POOL, ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(saa.result().isSuccess(), "SAA " + saa.result());
        return saa;
    }

    /** The UE subscribes to its own registration state and takes the first NOTIFY. */
    private Reginfo subscribe(Registration registration) throws Exception {
        String impu = registration.implicitSet().get(0);
        AddressFactory addresses = ue.node().addresses();
        HeaderFactory headers = ue.node().headers();
        Request subscribe = ue.node().messages().createRequest(addresses.createURI(impu), Request.SUBSCRIBE,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.SUBSCRIBE),
                headers.createFromHeader(addresses.createAddress(impu), "ue"),
                headers.createToHeader(addresses.createAddress(impu), null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
        subscribe.addHeader(headers.createEventHeader("reg"));
        subscribe.addHeader(headers.createExpiresHeader(600_000));
        subscribe.addHeader(headers.createContactHeader(addresses.createAddress(ue.uri("ue"))));
        subscribe.addHeader(headers.createHeader("P-Asserted-Identity", "<" + impu + ">"));
        Response ok = ue.node().request(subscribe, new NextHop(HOST, scscf.port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        return reginfo(ue.next());
    }

    private static Reginfo reginfo(Request notify) {
        assertEquals(Request.NOTIFY, notify.getMethod());
        return new ReginfoReader().read(notify.getRawContent());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private double answered(String command, long code) {
        return meters.find(HssInitiatedProcedures.CX_METER).tags("command", command, "result_code",
                Long.toString(code)).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    // ---- RTR ----

    @Test
    void deletingTheSubscriberDeRegistersItWithRejectedContacts() throws Exception {
        Subscriber alice = provision("alice");
        Registration registration = register(alice);
        assertEquals(List.of(alice.publicIdentityUris().get(0), alice.publicIdentityUris().get(1)),
                registration.implicitSet());
        assertEquals(ReginfoRegistration.State.ACTIVE, subscribe(registration).registrations().get(0).state());

        // the provisioning path on DELETE: the subscriber leaves the store, the HSS sends RTR PERMANENT_TERMINATION
        hss.storage().subscribers().delete(alice.privateIdentity());
        DeregistrationOutcome outcome = await(hss.notifier().deregister(alice, ReasonCode.PERMANENT_TERMINATION,
                null));
        DeregistrationOutcome.Deregistered done = assertInstanceOf(DeregistrationOutcome.Deregistered.class, outcome);
        assertTrue(List.of(REPLICA_0, REPLICA_1).contains(done.replicaHost()), done.replicaHost());
        assertTrue(storage.registrations().get(alice.privateIdentity()).isEmpty(), "the binding is gone");
        assertEquals(RegistrationRecord.notRegistered(),
                hss.storage().dynamicState().registration(alice.privateIdentity()));

        Request last = ue.next();
        SubscriptionStateHeader state = (SubscriptionStateHeader) last.getHeader(SubscriptionStateHeader.NAME);
        assertEquals("terminated", state.getState().toLowerCase());
        assertEquals("noresource", state.getReasonCode());
        Reginfo reginfo = reginfo(last);
        assertEquals(1, reginfo.version());
        for (ReginfoRegistration aor : reginfo.registrations()) {
            assertEquals(ReginfoRegistration.State.TERMINATED, aor.state());
            assertEquals(ContactEvent.REJECTED, aor.contacts().get(0).event(), "TS 24.229 5.4.1.5: no re-register");
        }
        // third-party de-registration to the AS of the iFC
        Request atAs = as.next();
        assertEquals(Request.REGISTER, atAs.getMethod());
        assertEquals(0, ((ExpiresHeader) atAs.getHeader(ExpiresHeader.NAME)).getExpires());
    }

    @Test
    void aServerChangeDeactivatesTheContactsSoTheUeRegistersAgain() throws Exception {
        Subscriber bob = provision("bob");
        Registration registration = register(bob);
        subscribe(registration);
        assertInstanceOf(DeregistrationOutcome.Deregistered.class, await(hss.notifier().deregister(
                bob.privateIdentity(), ReasonCode.SERVER_CHANGE, "maintenance")));
        Reginfo reginfo = reginfo(ue.next());
        assertEquals(ContactEvent.DEACTIVATED,
                reginfo.registration(registration.implicitSet().get(0)).orElseThrow().contacts().get(0).event());
        assertTrue(storage.registrations().get(bob.privateIdentity()).isEmpty());
    }

    @Test
    void anRtrForNothingRegisteredHereSucceeds() throws Exception {
        Subscriber carol = provision("carol");
        // assigned at the HSS, but no binding stored (e.g. the registration expired meanwhile)
        assign(carol);
        double before = answered("RTR", 2001);
        assertInstanceOf(DeregistrationOutcome.Deregistered.class, await(hss.notifier().deregister(
                carol.privateIdentity(), ReasonCode.REMOVE_S_CSCF, null)));
        assertEquals(before + 1, answered("RTR", 2001));
    }

    @Test
    void anRtrCoversAssociatedIdentitiesAndOnlyTheNamedImplicitSets() throws Exception {
        Subscriber dave = provision("dave");
        Subscriber erin = provision("erin");
        Subscriber frank = provision("frank");
        Registration daves = register(dave);
        register(erin);
        register(frank);
        // Public-Identity names erin's tel URI: erin's whole set goes; frank is associated but not named: stays
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest(dave.privateIdentity(),
                List.of(erin.privateIdentity(), frank.privateIdentity()),
                List.of(daves.implicitSet().get(0), erin.publicIdentityUris().get(1)),
                new DeregistrationReason(ReasonCode.NEW_SERVER_ASSIGNED, null));
        RegistrationTerminationAnswer rta = await(hss.node().send(rtr, REPLICA_1));
        assertTrue(rta.result().is(DiameterResultCode.SUCCESS), rta.result().toString());
        assertEquals(List.of(erin.privateIdentity()), rta.associatedIdentities());
        assertTrue(storage.registrations().get(dave.privateIdentity()).isEmpty());
        assertTrue(storage.registrations().get(erin.privateIdentity()).isEmpty());
        assertTrue(storage.registrations().get(frank.privateIdentity()).isPresent());
    }

    // ---- PPR ----

    @Test
    void changingTheProfileReplacesItAtTheScscfAndNotifiesTheNewIdentity() throws Exception {
        Subscriber grace = provision("grace");
        Registration registration = register(grace);
        assertEquals(2, subscribe(registration).registrations().size());

        // the provisioning path on PUT: a new identity and no iFC any more, then PPR with the new User-Data
        String work = "sip:grace.work" + USERS.incrementAndGet() + "@" + REALM;
        List<PublicUserIdentity> identities = new ArrayList<>(grace.publicIdentities());
        identities.add(new PublicUserIdentity(work));
        Subscriber changed = new Subscriber(grace.privateIdentity(), identities, false, grace.credentials(),
                List.of());
        hss.storage().subscribers().put(changed);
        double before = answered("PPR", 2001);
        assertInstanceOf(ProfileUpdateOutcome.Pushed.class, await(hss.notifier().profileChanged(changed)));
        assertEquals(before + 1, answered("PPR", 2001));

        Registration stored = storage.registrations().get(grace.privateIdentity()).orElseThrow();
        assertEquals(changed.publicIdentityUris(), stored.implicitSet());
        assertEquals(changed.imsSubscription(), userData.read(stored.serviceProfile()));
        assertEquals(registration.contacts(), stored.contacts(), "bindings untouched");

        Reginfo reginfo = reginfo(ue.next());
        assertEquals(1, reginfo.version());
        assertEquals(changed.publicIdentityUris(),
                reginfo.registrations().stream().map(ReginfoRegistration::aor).toList());
        assertEquals(ReginfoRegistration.State.ACTIVE, reginfo.registration(work).orElseThrow().state());
    }

    @Test
    void aPprForAUserNotRegisteredHereIsUserUnknown() throws Exception {
        Subscriber heidi = provision("heidi");
        assign(heidi);
        ProfileUpdateOutcome.Refused refused = assertInstanceOf(ProfileUpdateOutcome.Refused.class,
                await(hss.notifier().profileChanged(heidi)));
        assertTrue(refused.result().is(CxExperimentalResultCode.USER_UNKNOWN), refused.result().toString());
    }

    @Test
    void unusableUserDataIsNotSupported() throws Exception {
        Subscriber ivan = provision("ivan");
        Subscriber judy = provision("judy");
        Registration registration = register(ivan);
        byte[] garbage = "<IMSSubscription><oops/></IMSSubscription>".getBytes(StandardCharsets.UTF_8);
        PushProfileAnswer unreadable = await(hss.node().send(new PushProfileRequest(ivan.privateIdentity(), garbage,
                null), REPLICA_0));
        assertTrue(unreadable.result().is(CxExperimentalResultCode.NOT_SUPPORTED_USER_DATA),
                unreadable.result().toString());
        assertNotNull(unreadable.errorMessage());
        // another subscriber's document pushed under ivan's name
        byte[] judys = new io.kubeims.protocol.ifc.xml.CxUserDataWriter().writeBytes(judy.imsSubscription());
        PushProfileAnswer foreign = await(hss.node().send(new PushProfileRequest(ivan.privateIdentity(), judys,
                null), REPLICA_1));
        assertTrue(foreign.result().is(CxExperimentalResultCode.NOT_SUPPORTED_USER_DATA));
        assertTrue(foreign.errorMessage().contains(judy.privateIdentity()), foreign.errorMessage());
        assertEquals(registration, storage.registrations().get(ivan.privateIdentity()).orElseThrow(), "unchanged");
        // without User-Data (only authentication data) nothing changes: success for a known user
        PushProfileAnswer authOnly = await(hss.node().send(new PushProfileRequest(ivan.privateIdentity(), null,
                null), REPLICA_0));
        assertEquals(CxResult.of(DiameterResultCode.SUCCESS), authOnly.result());
    }
}
