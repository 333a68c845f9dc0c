package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.CscfStorage;
import io.kubeims.cscf.store.CscfStoreSettings;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationExpirySweep;
import io.kubeims.cscf.testing.DaemonThreads;
import io.kubeims.cscf.testing.LoopbackHss;
import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.store.EmbeddedCaches;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sip.message.Request;

/**
 * A real HSS ({@link LoopbackHss}: HssCore, embedded storage, Diameter on 127.0.0.2), one Cx client per
 * S-CSCF replica, one embedded Infinispan container shared by the replicas' stores (as replicas share a cluster),
 * a test clock shared by the registrars and the stores, and the S-CSCF replicas themselves: each its own SIP node on
 * 127.0.0.1 with its own {@link ScscfRegistrar}, all with the same settings (one pool). Subscribers are provisioned
 * into the HSS; UEs are {@link UserEquipment}s whose REGISTERs carry the trusted test P-CSCF in Path.
 */
final class ScscfTestbed implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String REALM = "ims.example.com";
    static final String SERVER_NAME = "sip:scscf.ims.example.com:6060";
    static final String SERVICE_ROUTE = "sip:orig@scscf.ims.example.com:6060;lr";
    static final String PCSCF = "pcscf.ims.example.com";
    static final String PCSCF_PATH = "<sip:term@" + PCSCF + ":5060;lr>";
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final CscfStoreSettings STORE_SETTINGS = new CscfStoreSettings(Duration.ofSeconds(40),
            Duration.ofSeconds(5), 4, Duration.ofHours(1), Duration.ofSeconds(30));
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One S-CSCF replica. */
    record Replica(String name, SipNode node, CxNode cx, CscfStorage storage, ScscfRegistrar registrar,
            RegistrationExpiryHandler expiry) {

        NextHop hop(String transport) {
            return new NextHop(HOST, node.port(), transport);
        }
    }

    /** A provisioned subscriber and how a UE authenticates as it. */
    record Provisioned(Subscriber subscriber, UeCredentials credentials) {

        String impi() {
            return subscriber.privateIdentity();
        }

        String impu() {
            return subscriber.defaultPublicIdentity().identity();
        }
    }

    /** Opens one replica's view of the shared store. */
    @FunctionalInterface
    interface StorageOpener {
        CscfStorage open(String replica, SettableClock clock) throws Exception;
    }

    final SettableClock clock = new SettableClock(T0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<RegistrationChange> changes = new CopyOnWriteArrayList<>();
    final List<Replica> replicas = new ArrayList<>();
    private final List<UserEquipment> ues = new CopyOnWriteArrayList<>();
    private final LoopbackHss hss;
    private final EmbeddedCaches caches;
    private final ExecutorService executor;

    private ScscfTestbed(LoopbackHss hss, EmbeddedCaches caches, ExecutorService executor) {
        this.hss = hss;
        this.caches = caches;
        this.executor = executor;
    }

    /**
     * Starts the HSS and {@code replicaCount} S-CSCF replicas with {@code settings} (each change of it applied),
     * their stores in one embedded Infinispan container.
     */
    static ScscfTestbed start(int replicaCount, UnaryOperator<ScscfSettings> settings) throws Exception {
        return start(replicaCount, settings, null);
    }

    /** Like {@link #start(int, UnaryOperator)} with each replica's store opened by {@code storage}. */
    static ScscfTestbed start(int replicaCount, UnaryOperator<ScscfSettings> settings, StorageOpener storage)
            throws Exception {
        LoopbackHss hss = LoopbackHss.naming(SERVER_NAME, Duration.ofSeconds(2));
        ScscfTestbed testbed = new ScscfTestbed(hss, EmbeddedCaches.inMemory("scscf-test-" + NAMES.incrementAndGet()),
                DaemonThreads.pool(4, "scscf-test"));
        StorageOpener opener = storage != null ? storage : (replica, clock) -> EmbeddedCscfStorage.sharing(
                testbed.caches, CscfCacheNames.defaults(), STORE_SETTINGS, clock);
        try {
            ScscfSettings applied = settings.apply(defaultSettings());
            for (int i = 0; i < replicaCount; i++) {
                testbed.replicas.add(testbed.startReplica("scscf-" + (char) ('a' + i), applied, opener));
            }
        } catch (Exception | Error e) {
            testbed.close();
            throw e;
        }
        return testbed;
    }

    static ScscfSettings defaultSettings() {
        return ScscfSettings.of(REALM, SERVER_NAME, SERVICE_ROUTE, Set.of(PCSCF))
                .withExpires(Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(3600));
    }

    private Replica startReplica(String name, ScscfSettings settings, StorageOpener opener) throws Exception {
        CxNode cx = CxNode.client(hss.cscfNode(name + ".scscf.ims.example.com").requestTimeout(Duration.ofSeconds(2))
                .startTimeout(Duration.ofSeconds(15)).build());
        SipNode node = null;
        try {
            if (!cx.start()) {
                throw new IllegalStateException("the Cx client of " + name + " did not connect to the HSS");
            }
            CscfStorage storage = opener.open(name, clock);
            ScscfRegistrar registrar = new ScscfRegistrar(cx, storage.registrations(), storage.challenges(),
                    changes::add, settings, clock, executor, meters);
            RegistrationExpiryHandler expiry = new RegistrationExpiryHandler(new RegistrationExpirySweep(
                    storage.registrations(), clock, name, Duration.ofHours(1)), storage.registrations(), cx, settings,
                    changes::add, clock, executor, meters);
            node = new SipNode(SipNodeSettings.of(name, HOST, 0));
            node.start(RequestDispatcher.builder().on(Request.REGISTER, registrar).build());
            return new Replica(name, node, cx, storage, registrar, expiry);
        } catch (Exception | Error e) {
            if (node != null) {
                node.close();
            }
            cx.close();
            throw e;
        }
    }

    Replica replica(int index) {
        return replicas.get(index);
    }

    HssCore hss() {
        return hss.core();
    }

    /** Stops the HSS (the last test of a class that wants it down). */
    void stopHss() throws IOException {
        hss.close();
    }

    // ---- subscribers and UEs ----

    /** An AKA subscriber {@code <base><n>@ims.example.com} with random K/OPc and the given extra identities. */
    Provisioned provisionAka(String base, PublicUserIdentity... more) {
        byte[] k = new byte[16];
        byte[] opc = new byte[16];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(opc);
        HexFormat hex = HexFormat.of();
        AkaCredentials credentials = AkaCredentials.fromOpcHex(hex.formatHex(k), hex.formatHex(opc), "8000");
        return provision(base, credentials, new UeCredentials.Aka(SubscriberKeys.fromOpc(k, opc), hex.parseHex("8000")),
                more);
    }

    /** A SIP Digest subscriber {@code <base><n>@ims.example.com} with the given extra identities. */
    Provisioned provisionDigest(String base, PublicUserIdentity... more) {
        String password = "secret-" + NAMES.incrementAndGet();
        return provision(base, new SipDigestCredentials(password), new UeCredentials.Password(password), more);
    }

    private Provisioned provision(String base, io.kubeims.hss.subscriber.Credentials hssCredentials,
            UeCredentials ueCredentials, PublicUserIdentity... more) {
        String name = base + NAMES.incrementAndGet();
        List<PublicUserIdentity> identities = new ArrayList<>();
        identities.add(new PublicUserIdentity("sip:" + name + "@" + REALM));
        for (PublicUserIdentity identity : more) {
            identities.add(new PublicUserIdentity(identity.identity().replace("{name}", name), identity.barred(),
                    identity.displayName()));
        }
        Subscriber subscriber = new Subscriber(name + "@" + REALM, identities, false, hssCredentials, List.of());
        return new Provisioned(hss.provision(subscriber), ueCredentials);
    }

    /** The registration of {@code impi} as the shared store holds it (read through replica 0). */
    Optional<Registration> stored(String impi) {
        return replica(0).storage().registrations().get(impi);
    }

    /** The HSS's registration record of {@code impi} (state and assigned S-CSCF). */
    RegistrationRecord hssRecord(String impi) {
        return hss.core().storage().dynamicState().registration(impi);
    }

    /** A UE of {@code subscriber} registering at replica 0 over UDP through the trusted test P-CSCF. */
    UserEquipment ue(Provisioned subscriber) throws Exception {
        return ue(settings(subscriber, 0, NextHop.UDP).withPath(PCSCF_PATH));
    }

    /** The settings of a UE of {@code subscriber} towards a replica, without Path. */
    UeSettings settings(Provisioned subscriber, int replica, String transport) {
        return UeSettings.of("ue" + NAMES.incrementAndGet(), HOST, subscriber.impi(), subscriber.impu(), REALM,
                subscriber.credentials(), replica(replica).hop(transport));
    }

    /** A UE with these settings, closed with the testbed. */
    UserEquipment ue(UeSettings settings) throws Exception {
        UserEquipment ue = UserEquipment.start(settings);
        ues.add(ue);
        return ue;
    }

    /** The changes told to the observer about {@code impi}, in order. */
    List<RegistrationChange> changesOf(String impi) {
        return changes.stream().filter(change -> change.impi().equals(impi)).toList();
    }

    /** The count of {@code kubeims_scscf_register_total{outcome}}. */
    double registers(RegisterOutcome outcome) {
        var counter = meters.find(RegistrarMetrics.REGISTERS).tag("outcome", outcome.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Waits (bounded) until the observer has heard of {@code count} changes of {@code impi}: it is told after the
     * final response, so a test may see the response first.
     */
    List<RegistrationChange> awaitChanges(String impi, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (changesOf(impi).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return changesOf(impi);
    }

    @Override
    public void close() throws IOException {
        List<SipNode> nodes = new ArrayList<>();
        for (Replica replica : replicas) {
            replica.expiry().stop();
            nodes.add(replica.node());
        }
        for (UserEquipment ue : ues) {
            nodes.add(ue.node());
        }
        SipNode.closeAll(nodes);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Replica replica : replicas) {
            replica.cx().close();
            replica.storage().close();
        }
        caches.close();
        stopHss();
    }
}
