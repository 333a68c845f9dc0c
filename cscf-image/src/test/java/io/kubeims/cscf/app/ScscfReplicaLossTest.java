package io.kubeims.cscf.app;

import io.kubeims.cscf.scscf.registrar.RegisterOutcome;
import io.kubeims.cscf.scscf.registrar.RegistrarMetrics;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.ThreadCheck;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cx.node.CxNode;
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
import io.kubeims.store.EmbeddedCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4, "stateless replicas": stopping S-CSCF replica A under registration load loses no binding. Every piece is
 * real and built as the application builds it: an HSS ({@link HssCore}), a P-CSCF, an I-CSCF and two S-CSCF
 * replicas of one pool from their role classes, the replicas sharing one embedded store (as RegistrationChainTest;
 * not Hot Rod against a real Infinispan Server: that server alone took about 35 s to start on this shared machine,
 * which leaves no room for the load within the test's minute).
 *
 * <p>{@link PoolAddress} stands in for the pool's Service and spreads transactions round robin over A and B. Java
 * UEs (MD5 and AKA) register and re-register through the P-CSCF in a loop, each asking a different expiry every
 * round so that the stored expiry tells which registration wrote it. Once both replicas have answered registrations,
 * A's SIP node and Cx node are closed abruptly; the Service keeps A as an endpoint for a moment (as kube-proxy does
 * until the endpoint is removed), then sends everything to B; the load goes on until every UE has registered again
 * after that. A UE whose REGISTER was lost with A sees a failure and retries after a short back-off (a
 * real UE waits per RFC 5626 4.5 / TS 24.229 5.1.1.2; shortened here). Afterwards every UE's latest granted
 * binding must be in the store with the expiry of its last 200, B must list it in the answer to a contact query
 * (RFC 3261 10.2.3), and the HSS must hold the subscriber registered to the pool. A 200 that does not list the
 * UE's binding is a defect counted apart (it once came from B answering a retransmission that A had verified but
 * never applied).
 */
class ScscfReplicaLossTest {

    private static final Logger LOG = Logger.getLogger(ScscfReplicaLossTest.class);
    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.test";
    private static final String HSS_HOST = "hss.ims.example.test";
    private static final int MD5_UES = 28;
    private static final int AKA_UES = 12;
    /** Bound of each load phase: until both replicas answered registrations, until every UE registered at B. */
    private static final Duration PHASE = Duration.ofSeconds(45);
    /** How long the Service still sends to the stopped A (endpoint removal lags the pod's death). */
    private static final Duration ENDPOINT_REMOVAL = Duration.ofMillis(500);
    /** One UE transaction's bound: longer than the I-CSCF's retransmissions need to reach B. */
    private static final Duration TRANSACTION = Duration.ofSeconds(10);
    /** Bound of the whole after-load phase (every UE's last registration, the queries). */
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Tolerance of the stored expiry against the test's own clock readings around the 200. */
    private static final Duration SKEW = Duration.ofSeconds(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Map<String, SimpleMeterRegistry> meters = new HashMap<>();
    private final List<UserEquipment> ues = new CopyOnWriteArrayList<>();
    private Path data;
    private EmbeddedCaches caches;
    private HssCore hss;
    private PoolAddress pool;
    private CscfRuntime scscfA;
    private CscfRuntime scscfB;
    private CscfRuntime icscf;
    private CscfRuntime pcscf;
    private String serverName;

    /** What one UE was granted by its last 200 to REGISTER, with the test's clock around that transaction. */
    private record Granted(int expires, Instant sentAt, Instant answeredAt) {
    }

    /** One UE under load and what happened to it. */
    private static final class Driven {
        final UserEquipment ue;
        final String impi;
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** 200s that did not grant the UE's binding: each one a registration the UE believes in and the core lost. */
        final List<String> unlistedIn200 = new CopyOnWriteArrayList<>();
        volatile Granted last;
        volatile boolean lastFailed;
        volatile Instant inFlightSince;
        final AtomicInteger successes = new AtomicInteger();
        /** Transactions started before A stopped and ended after it (in flight at the stop). */
        final AtomicInteger spanningStop = new AtomicInteger();

        Driven(UserEquipment ue, String impi) {
            this.ue = ue;
            this.impi = impi;
        }
    }

    @Test
    void stoppingReplicaAUnderRegistrationLoadLosesNoBinding() throws Exception {
        Set<Thread> threadsBefore = ThreadCheck.nonDaemonThreads();
        long began = System.nanoTime();
        boolean tornDown = false;
        ExecutorService load = java.util.concurrent.Executors.newFixedThreadPool(MD5_UES + AKA_UES);
        try {
            startTheCore();
            long started = System.nanoTime();
            List<Driven> driven = startUes();
            long uesStarted = System.nanoTime();

            // the load: every UE registers and re-registers until told to stop, then until its last one succeeded
            pool.spreadOver(scscfA.sipNode().port(), scscfB.sipNode().port());
            LoadControl control = new LoadControl();
            List<Future<?>> loops = new ArrayList<>();
            for (Driven d : driven) {
                loops.add(load.submit(() -> {
                    loop(d, control);
                    return null;
                }));
            }
            int half = driven.size() / 2;
            awaitUntil(() -> noLoopDied(loops) && successes("scscf-a") >= half && successes("scscf-b") >= half,
                    () -> "both replicas answering registrations: A " + outcomes("scscf-a") + ", B "
                            + outcomes("scscf-b"));
            double atABeforeStop = successes("scscf-a");

            // A dies: its SIP and Cx nodes go without draining; the Service still names it for a moment
            Instant stopAt = Instant.now();
            // sampled at the stop: read after the stop, most of those transactions would have ended already
            int inFlightAtStop = (int) driven.stream().filter(d -> d.inFlightSince != null).count();
            control.stoppedAt = stopAt;
            ExecutorService killing = java.util.concurrent.Executors.newFixedThreadPool(2);
            Future<?> sipGone = killing.submit(() -> scscfA.sipNode().close());
            Future<?> cxGone = killing.submit(() -> scscfA.cxNode().ifPresent(CxNode::close));
            awaitQuietly(ENDPOINT_REMOVAL);
            pool.sendTo(scscfB.sipNode().port());
            Instant switchedAt = Instant.now();
            sipGone.get(10, TimeUnit.SECONDS);
            cxGone.get(10, TimeUnit.SECONDS);
            killing.shutdown();
            awaitUntil(() -> noLoopDied(loops) && driven.stream().allMatch(d -> d.last != null
                            && d.last.sentAt().isAfter(switchedAt)),
                    () -> "every UE registered again at B; not: " + driven.stream().filter(d -> d.last == null
                            || !d.last.sentAt().isAfter(switchedAt)).map(d -> d.impi + " " + d.last + " "
                            + d.failures).toList() + "; A " + outcomes("scscf-a") + ", B " + outcomes("scscf-b"));
            control.stopping = true;
            long settleDeadline = System.nanoTime() + SETTLE.toNanos();
            for (Future<?> loop : loops) {
                loop.get(Math.max(1, settleDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            long loadEnded = System.nanoTime();

            // what the UEs saw
            int successes = driven.stream().mapToInt(d -> d.successes.get()).sum();
            int spanning = driven.stream().mapToInt(d -> d.spanningStop.get()).sum();
            Map<String, List<String>> failed = new TreeMap<>();
            Map<String, List<String>> unlisted = new TreeMap<>();
            for (Driven d : driven) {
                if (!d.unlistedIn200.isEmpty()) {
                    unlisted.put(d.impi, d.unlistedIn200);
                }
                if (!d.failures.isEmpty()) {
                    failed.put(d.impi, d.failures);
                }
                assertTrue(d.last != null && !d.lastFailed, d.impi + " never ended registered: " + d.failures);
            }
            assertEquals(Map.of(), unlisted, "200s that did not list the UE's binding");
            assertTrue(atABeforeStop > 0, "replica A served no registration before it was stopped");
            assertTrue(inFlightAtStop > 0 && spanning > 0, "no UE had a registration in flight when A was stopped");

            // the store, as B reads it: each UE's binding, once, with its last granted expiry
            {
                var store = scscfB.storage();
                for (Driven d : driven) {
                    Registration registration = store.registrations().get(d.impi).orElseThrow(
                            () -> new AssertionError("no registration of " + d.impi + " in the store"));
                    assertEquals(List.of(d.ue.settings().impu()), registration.implicitSet(), d.impi);
                    assertEquals(serverName, registration.scscfPool(), d.impi);
                    List<Contact> contacts = registration.contacts();
                    assertEquals(1, contacts.size(), () -> d.impi + " has " + contacts);
                    Contact contact = contacts.get(0);
                    assertEquals(d.ue.contactUri(), contact.uri(), d.impi);
                    assertEquals(d.ue.callId(), contact.callId(), d.impi);
                    Granted granted = d.last;
                    Instant earliest = granted.sentAt().plusSeconds(granted.expires()).minus(SKEW);
                    Instant latest = granted.answeredAt().plusSeconds(granted.expires()).plus(SKEW);
                    assertTrue(!contact.expiresAt().isBefore(earliest) && !contact.expiresAt().isAfter(latest),
                            () -> d.impi + ": stored expiry " + contact.expiresAt() + " is not that of the last 200 ("
                                    + granted + ")");
                }
            }

            // B answers a contact query for every UE, listing its binding once
            List<Future<Response>> queries = new ArrayList<>();
            for (Driven d : driven) {
                queries.add(load.submit(() -> authenticated(d.ue, d.ue::newQuery)));
            }
            double queriedBefore = counter(meters("scscf-b"), RegisterOutcome.QUERIED);
            for (int i = 0; i < driven.size(); i++) {
                Driven d = driven.get(i);
                Response answer = queries.get(i).get(Math.max(1, settleDeadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                assertEquals(Response.OK, answer.getStatusCode(), () -> d.impi + ": " + answer);
                List<String> listed = contacts(answer).stream().map(c -> c.getAddress().getURI().toString())
                        .toList();
                assertEquals(List.of(d.ue.contactUri()), listed, d.impi);
                int left = contacts(answer).get(0).getExpires();
                Granted granted = d.last;
                assertTrue(left > 0 && left <= granted.expires(), () -> d.impi + ": " + left + " s left of "
                        + granted);
            }
            assertTrue(counter(meters("scscf-b"), RegisterOutcome.QUERIED) >= queriedBefore + driven.size(),
                    "the queries were answered by B");
            long queried = System.nanoTime();

            // the HSS: registered, to the pool
            for (Driven d : driven) {
                RegistrationRecord record = hss.storage().dynamicState().registration(d.impi);
                assertEquals(RegistrationState.REGISTERED, record.state(), d.impi);
                assertEquals(serverName, record.serverName(), d.impi);
            }

            LOG.infof("replica loss: core %d ms, %d UEs %d ms, load %d ms (%d registrations"
                            + " answered 200, %d in flight at the stop, %d transactions spanning it), queries %d ms;"
                            + " A before stop %s, A %s, B %s; UE failures %s",
                    ms(started - began), driven.size(), ms(uesStarted - started),
                    ms(loadEnded - uesStarted), successes, inFlightAtStop, spanning, ms(queried - loadEnded),
                    atABeforeStop, outcomes("scscf-a"), outcomes("scscf-b"), failed);

            tornDown = true;
            tearDown(load);
            assertEquals(List.of(), ThreadCheck.leftSince(threadsBefore, 10_000), "non-daemon threads left");
            LOG.infof("replica loss: whole test %d ms", ms(System.nanoTime() - began));
        } finally {
            if (!tornDown) {
                tearDown(load);
            }
        }
    }

    // ---- the load ----

    /** Shared between the driver and the UE loops. */
    private static final class LoadControl {
        volatile boolean stopping;
        volatile Instant stoppedAt;
    }

    /**
     * One UE: registers with a new expiry each round until the load stops, then goes on until its last registration
     * succeeded (bounded by {@link #SETTLE}). A failed registration (timeout, error response) is retried after a
     * short random back-off.
     */
    private void loop(Driven d, LoadControl control) throws InterruptedException {
        long deadline = Long.MAX_VALUE;
        for (int round = 1; ; round++) {
            if (control.stopping) {
                if (!d.lastFailed) {
                    return;
                }
                if (deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + SETTLE.toNanos() - TRANSACTION.toNanos();
                }
                if (System.nanoTime() > deadline) {
                    return;
                }
            }
            // distinct per round, so that a stale write would show in the stored expiry
            int expires = 3600 + 60 * round;
            Instant sentAt = Instant.now();
            d.inFlightSince = sentAt;
            try {
                Response response = authenticated(d.ue, () -> d.ue.newRegister(expires));
                Instant answeredAt = Instant.now();
                Optional<Integer> granted = response.getStatusCode() == Response.OK
                        ? grantedExpires(response, d.ue.contactUri()) : Optional.empty();
                if (granted.isPresent()) {
                    d.last = new Granted(granted.get(), lastSent(d.ue, sentAt), answeredAt);
                    d.lastFailed = false;
                    d.successes.incrementAndGet();
                } else if (response.getStatusCode() == Response.OK) {
                    d.unlistedIn200.add(contacts(response).toString());
                    fail(d, "200 without its binding");
                } else {
                    fail(d, response.getStatusCode() + " " + response.getReasonPhrase());
                }
            } catch (Exception e) {
                fail(d, e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                Instant stoppedAt = control.stoppedAt;
                if (stoppedAt != null && sentAt.isBefore(stoppedAt)) {
                    Instant now = Instant.now();
                    if (now.isAfter(stoppedAt)) {
                        d.spanningStop.incrementAndGet();
                    }
                }
                d.inFlightSince = null;
            }
        }
    }

    private static void fail(Driven d, String what) throws InterruptedException {
        d.lastFailed = true;
        d.failures.add(what);
        // a real UE backs off (RFC 5626 4.5 base times are tens of seconds); shortened for the test
        TimeUnit.MILLISECONDS.sleep(200 + RANDOM.nextInt(300));
    }

    /** The REGISTER flow of {@link UserEquipment#register}, with a shorter transaction bound. */
    private Response authenticated(UserEquipment ue, java.util.function.Supplier<Request> next) throws Exception {
        Request first = next.get();
        ue.authorizeInitially(first);
        Response response = send(ue, first);
        // a resynchronisation costs one more round (RFC 3310 3.4); bounded in any case
        for (int round = 0; round < 3 && response.getStatusCode() == Response.UNAUTHORIZED; round++) {
            Request answer = next.get();
            boolean resynchronising = ue.authorize(answer, UserEquipment.challengeOf(response),
                    UserEquipment.Answering.CORRECTLY);
            response = send(ue, answer);
            if (!resynchronising) {
                break;
            }
        }
        return response;
    }

    private final Map<UserEquipment, Instant> lastSends = new ConcurrentHashMap<>();

    private Response send(UserEquipment ue, Request request) throws Exception {
        lastSends.put(ue, Instant.now());
        return ue.node().request(request, ue.settings().registrar(), TRANSACTION)
                .get(TRANSACTION.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** When the REGISTER that got the 200 was sent (the answer to the 401, or the first one if not challenged). */
    private Instant lastSent(UserEquipment ue, Instant fallback) {
        return lastSends.getOrDefault(ue, fallback);
    }

    /**
     * The expiry the 200 grants {@code contactUri} (RFC 3261 10.3 step 8: each Contact with its expires); empty when
     * the 200 does not list it once and alone.
     */
    private static Optional<Integer> grantedExpires(Response ok, String contactUri) {
        List<ContactHeader> contacts = contacts(ok);
        List<ContactHeader> ours = contacts.stream().filter(c -> c.getAddress().getURI().toString()
                .equals(contactUri)).toList();
        return ours.size() == 1 && contacts.size() == 1 ? Optional.of(ours.get(0).getExpires()) : Optional.empty();
    }

    /** Fails at once with its cause when a UE's loop ended (it only ends when told to): no waiting out a phase. */
    private static boolean noLoopDied(List<Future<?>> loops) {
        for (Future<?> loop : loops) {
            if (loop.isDone()) {
                try {
                    loop.get();
                    throw new AssertionError("a UE loop ended before the load stopped");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("a UE loop died: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        return true;
    }

    private static List<ContactHeader> contacts(Response response) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    /** Lets the Service name the dead A for {@code duration} (the test's own pacing, not an assertion). */
    private static void awaitQuietly(Duration duration) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }

    /** Polls {@code condition} until it holds, at most {@link #PHASE}. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition,
                                   java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PHASE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PHASE + ": " + what.get());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    // ---- the core ----

    private void startTheCore() throws Exception {
        data = Files.createTempDirectory("scscf-replica-loss-");
        caches = EmbeddedCaches.inMemory("replica-loss-" + NAMES.incrementAndGet());
        pool = new PoolAddress(HOST);
        serverName = "sip:" + HOST + ":" + pool.port();
        String serviceRoute = "sip:orig@" + HOST + ":" + pool.port() + ";lr";
        int hssPort = LoopbackPorts.freeTcpPort();
        hss = HssCore.start(new HssCoreSettings(CxNodeSettings.hss(HSS_HOST, REALM, HOST, hssPort).build(),
                HssCxSettings.homeOnly(REALM, List.of(serverName), 4),
                new HssStorageSettings.Embedded(data.resolve("hss")), 2));
        Map<String, String> icscfConfig = cscf("icscf", 0);
        diameter(icscfConfig, "icscf." + REALM, hssPort);
        icscfConfig.put("kubeims.cscf.icscf.scscf-pool", serverName);
        MeterRegistry icscfMeters = meters("icscf");
        MeterRegistry aMeters = meters("scscf-a");
        MeterRegistry bMeters = meters("scscf-b");
        // independent of each other, and mostly waiting (Cx handshakes): started together to save time
        ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            Future<CscfRuntime> a = starting.submit(() -> startScscf("scscf-a", aMeters, hssPort, serviceRoute));
            Future<CscfRuntime> b = starting.submit(() -> startScscf("scscf-b", bMeters, hssPort, serviceRoute));
            Future<CscfRuntime> i = starting.submit(() -> CscfRuntime.start(CscfSettings.from(
                    ConfigSources.cscf(icscfConfig)), new IcscfRole(), icscfMeters));
            scscfA = a.get(60, TimeUnit.SECONDS);
            scscfB = b.get(60, TimeUnit.SECONDS);
            icscf = i.get(60, TimeUnit.SECONDS);
        } finally {
            starting.shutdown();
        }

        int pcscfPort = LoopbackPorts.freeSipPort();
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
        pcscf = CscfRuntime.start(pcscfSettings, CscfRoles.forSettings(pcscfSettings), meters("pcscf"));
        assertEquals(Optional.of(true), scscfA.hssConnected());
        assertEquals(Optional.of(true), scscfB.hssConnected());
        assertEquals(Optional.of(true), icscf.hssConnected());
    }

    /** A replica as the application builds it, on the pool's shared store. */
    private CscfRuntime startScscf(String name, MeterRegistry registry, int hssPort, String serviceRoute)
            throws Exception {
        Map<String, String> config = cscf("scscf", 0);
        diameter(config, name + "." + HOST, hssPort);
        config.put("kubeims.cscf.scscf.server-name", serverName);
        config.put("kubeims.cscf.scscf.service-route", serviceRoute);
        config.put("kubeims.cscf.scscf.trusted-pcscfs", HOST);
        CscfSettings settings = CscfSettings.from(ConfigSources.cscf(config));
        CscfRole role = CscfRoles.forSettings(settings);
        assertTrue(role instanceof ScscfRole);
        return CscfRuntime.start(settings, role, registry, EmbeddedCscfStorage.sharing(caches,
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

    private List<Driven> startUes() throws Exception {
        List<Future<Driven>> starting = new ArrayList<>();
        ExecutorService starter = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < MD5_UES + AKA_UES; i++) {
                boolean aka = i >= MD5_UES;
                starting.add(starter.submit(() -> {
                    String name = (aka ? "aka" : "md5") + NAMES.incrementAndGet();
                    UeCredentials credentials = aka ? provisionAka(name) : provisionDigest(name);
                    UserEquipment ue = UserEquipment.start(UeSettings.of("ue-" + name, HOST, name + "@" + REALM,
                            "sip:" + name + "@" + REALM, REALM, credentials,
                            new NextHop(HOST, pcscf.sipNode().port(), NextHop.UDP)));
                    ues.add(ue);
                    return new Driven(ue, name + "@" + REALM);
                }));
            }
            List<Driven> driven = new ArrayList<>();
            for (Future<Driven> future : starting) {
                driven.add(future.get(30, TimeUnit.SECONDS));
            }
            return driven;
        } finally {
            starter.shutdownNow();
        }
    }

    private UeCredentials provisionAka(String name) {
        byte[] k = new byte[16];
        byte[] opc = new byte[16];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(opc);
        HexFormat hex = HexFormat.of();
        provision(name, AkaCredentials.fromOpcHex(hex.formatHex(k), hex.formatHex(opc), "8000"));
        return new UeCredentials.Aka(SubscriberKeys.fromOpc(k, opc), hex.parseHex("8000"));
    }

    private UeCredentials provisionDigest(String name) {
        String password = "secret-" + RANDOM.nextInt(1_000_000);
        provision(name, new SipDigestCredentials(password));
        return new UeCredentials.Password(password);
    }

    private void provision(String name, Credentials credentials) {
        hss.storage().subscribers().put(new Subscriber(name + "@" + REALM,
                List.of(new PublicUserIdentity("sip:" + name + "@" + REALM)), false, credentials, List.of()));
    }

    private void tearDown(ExecutorService load) throws Exception {
        load.shutdownNow();
        load.awaitTermination(10, TimeUnit.SECONDS);
        UserEquipment.closeAll(ues);
        ExecutorService closing = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (CscfRuntime runtime : new CscfRuntime[] {pcscf, icscf, scscfA, scscfB}) {
            if (runtime != null) {
                closing.execute(runtime::close);   // each takes a second (jain-sip's stop): in parallel
            }
        }
        closing.shutdown();
        closing.awaitTermination(30, TimeUnit.SECONDS);
        if (hss != null) {
            hss.close();
        }
        if (caches != null) {
            caches.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    // ---- reading the replicas' meters ----

    private MeterRegistry meters(String name) {
        return meters.computeIfAbsent(name, n -> new SimpleMeterRegistry());
    }

    private double successes(String name) {
        return counter(meters(name), RegisterOutcome.REGISTERED) + counter(meters(name), RegisterOutcome.REFRESHED);
    }

    private static double counter(MeterRegistry registry, RegisterOutcome outcome) {
        Counter counter = registry.find(RegistrarMetrics.REGISTERS).tag("outcome", outcome.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The replica's REGISTER outcomes that happened, e.g. {registered=12, refreshed=80}. */
    private String outcomes(String name) {
        Map<String, Long> counts = new TreeMap<>();
        for (RegisterOutcome outcome : RegisterOutcome.values()) {
            long count = (long) counter(meters(name), outcome);
            if (count > 0) {
                counts.put(outcome.tag(), count);
            }
        }
        return counts.toString();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
