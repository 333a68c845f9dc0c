package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.SipNodeStartException;
import io.kubeims.cscf.store.AuthChallengeStore;
import io.kubeims.cscf.store.CscfStorage;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.HotRodCscfStorage;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.cscf.store.RegEventSubscriptionStore;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeException;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeer;
import io.kubeims.cx.node.InvalidCxNodeSettingsException;
import io.kubeims.store.EmbeddedCaches;
import io.kubeims.store.HotRodCaches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One running CSCF, whatever its role: the store, the bounded worker executor, the Cx node towards the HSS (I-/S-
 * CSCF) and the SIP node with the role's handlers behind a {@link DrainingRequestHandler}. Plain Java: the Quarkus
 * wiring ({@link CscfLifecycle}) starts and closes it, tests may too.
 *
 * <p>Start order: store, workers, Cx node (waits at most {@code diameter.start-timeout} for the HSS, then goes on
 * and keeps connecting), SIP node, so that no request arrives before what serves it, then the role's
 * {@link RoleTasks} (the S-CSCF's expiry sweeps). {@link #close()}: stop accepting new work, let what is under way
 * finish (bounded by {@code workers.shutdown-timeout}), stop the role's tasks and the workers, close Cx, stop the SIP
 * node, close the store.
 */
public final class CscfRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CscfRuntime.class);
    private static final long DRAIN_POLL_MILLIS = 20;

    private final CscfSettings settings;
    private final CscfStorage storage;
    private final ThreadPoolExecutor workers;
    private final Optional<CxNode> cx;
    private final SipNode node;
    private final DrainingRequestHandler requests;
    private final RoleTasks tasks;
    private final Object lifecycle = new Object();
    private boolean closed;

    private CscfRuntime(CscfSettings settings, CscfStorage storage, ThreadPoolExecutor workers, Optional<CxNode> cx,
                        SipNode node, DrainingRequestHandler requests, RoleTasks tasks) {
        this.settings = settings;
        this.storage = storage;
        this.workers = workers;
        this.cx = cx;
        this.node = node;
        this.requests = requests;
        this.tasks = tasks;
    }

    /**
     * Starts a CSCF in {@code role}.
     *
     * @throws CscfStartException when a piece cannot start (address taken, HSS name unresolvable, store unreachable);
     *                            what had started is closed again
     */
    public static CscfRuntime start(CscfSettings settings, CscfRole role, MeterRegistry meters)
            throws CscfStartException {
        return start(settings, role, meters, openStorage(settings.store()));
    }

    /**
     * Starts a CSCF in {@code role} on a store opened by the caller, which the runtime closes with itself (tests:
     * replicas of a pool sharing one embedded container, as replicas share an Infinispan cluster).
     */
    static CscfRuntime start(CscfSettings settings, CscfRole role, MeterRegistry meters, CscfStorage storage)
            throws CscfStartException {
        String name = settings.roleName();
        ThreadPoolExecutor workers = null;
        Optional<CxNode> cx = Optional.empty();
        SipNode node = null;
        RoleTasks tasks = RoleTasks.NONE;
        try {
            workers = WorkerExecutor.create(settings.workers(), name, meters);
            RoleResources resources = new RoleResources(settings, storage, workers, meters);
            if (settings.diameter().isPresent()) {
                cx = Optional.of(startCx(settings.diameter().get(), role, resources));
            }
            node = new SipNode(settings.sip());
            RoleHandlers handlers = role.handlers(node, cx, resources);
            DrainingRequestHandler requests = new DrainingRequestHandler(handlers.requests());
            startSip(node, requests, handlers);
            tasks = handlers.tasks();
            tasks.start();
            CscfRuntime runtime = new CscfRuntime(settings, storage, workers, cx, node, requests, tasks);
            runtime.registerGauges(meters);
            LOG.infof("%s listening for SIP on %s:%d (udp, tcp)%s, store %s", name.toUpperCase(Locale.ROOT),
                    node.host(), node.port(), cx.map(c -> ", Cx as " + c.settings().originHost() + " towards "
                            + c.settings().hssPeers().get(0).host()).orElse(""), describe(settings.store()));
            return runtime;
        } catch (CscfStartException | RuntimeException | Error e) {
            tasks.stop();
            if (node != null) {
                node.close();
            }
            cx.ifPresent(CxNode::close);
            if (workers != null) {
                workers.shutdownNow();
            }
            storage.close();
            throw e;
        }
    }

    private static CscfStorage openStorage(CscfSettings.Store store) throws CscfStartException {
        try {
            if (store.mode() == CscfConfig.StoreMode.HOTROD) {
                CscfSettings.HotRodServer server = store.hotRod().orElseThrow();
                return new HotRodCscfStorage(new RemoteCacheManager(hotRodClient(server)), store.names(),
                        HotRodCaches.DISTRIBUTED_CACHE_XML, store.tuning(), Clock.systemUTC());
            }
            if (store.dataDirectory().isPresent()) {
                return EmbeddedCscfStorage.persistent(store.dataDirectory().get().toAbsolutePath(), store.names(),
                        store.tuning(), Clock.systemUTC());
            }
            return new MemoryStorage(store);
        } catch (RuntimeException e) {
            // Hot Rod and file store failures: the server or directory named in the configuration is the usual cause
            throw new CscfStartException("the CSCF store (" + describe(store) + ") cannot be opened: " + e.getMessage()
                    + "; check kubeims.cscf.store.*", Set.of("kubeims.cscf.store.mode"), e);
        }
    }

    static org.infinispan.client.hotrod.configuration.Configuration hotRodClient(CscfSettings.HotRodServer server) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        if (server.uri().isPresent()) {
            builder.uri(server.uri().get());
        } else {
            builder.addServers(String.join(";", server.servers()));
        }
        server.username().ifPresent(user -> {
            builder.security().authentication().enable().username(user).password(server.password().orElse(""));
            server.saslMechanism().ifPresent(mechanism -> builder.security().authentication()
                    .saslMechanism(mechanism));
        });
        return builder.build();
    }

    private static CxNode startCx(CscfSettings.Diameter diameter, CscfRole role, RoleResources resources)
            throws CscfStartException {
        String hssAddress;
        try {
            hssAddress = InetAddress.getByName(diameter.hssAddress()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new CscfStartException("the HSS address '" + diameter.hssAddress() + "' does not resolve; check"
                    + " kubeims.cscf.diameter.hss-address", Set.of("kubeims.cscf.diameter.hss-address"), e);
        }
        int port = diameter.port() > 0 ? diameter.port() : freeTcpPort(diameter.bindAddress());
        requireBindable(diameter.bindAddress(), port);
        CxNodeSettings nodeSettings;
        try {
            nodeSettings = diameter.nodeSettings(hssAddress, port);
        } catch (InvalidCxNodeSettingsException e) {
            throw new CscfStartException("the Diameter settings are unusable: " + e.getMessage(),
                    Set.of("kubeims.cscf.diameter.origin-host"), e);
        }
        CxNode cx = role.cxNode(nodeSettings, resources);
        try {
            if (!cx.start()) {
                LOG.warnf("no Cx connection to the HSS %s at %s:%d after %s; still trying (not ready until then)",
                        diameter.hssHost(), hssAddress, diameter.hssPort(), diameter.startTimeout());
            }
        } catch (CxNodeException e) {
            cx.close();
            throw new CscfStartException("the Diameter Cx node " + diameter.originHost() + " did not start on "
                    + diameter.bindAddress() + ":" + port + ": " + e.getMessage(), Set.of(
                    "kubeims.cscf.diameter.bind-address", "kubeims.cscf.diameter.port"), e);
        }
        return cx;
    }

    /** jdiameter binds on a thread of its own and only logs a failure there: find out first (as the HSS does). */
    private static void requireBindable(String address, int port) throws CscfStartException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new CscfStartException("cannot listen for Diameter on " + address + ":" + port + " ("
                    + e.getMessage() + "); check kubeims.cscf.diameter.bind-address and kubeims.cscf.diameter.port",
                    Set.of("kubeims.cscf.diameter.bind-address", "kubeims.cscf.diameter.port"), e);
        }
    }

    private static int freeTcpPort(String address) throws CscfStartException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CscfStartException("no free Diameter port on " + address + ": " + e.getMessage(),
                    Set.of("kubeims.cscf.diameter.bind-address"), e);
        }
    }

    private static void startSip(SipNode node, DrainingRequestHandler requests, RoleHandlers handlers)
            throws CscfStartException {
        SipNodeSettings sip = node.settings();
        try {
            node.start(requests, handlers.strayResponses());
        } catch (SipNodeStartException e) {
            Throwable cause = e.getCause();
            throw new CscfStartException("cannot listen for SIP on " + sip.host() + ":" + sip.port() + " (udp+tcp): "
                    + (cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage())
                    + "; check kubeims.cscf.sip.bind-address (or advertised-host) and kubeims.cscf.sip.port",
                    Set.of("kubeims.cscf.sip.bind-address", "kubeims.cscf.sip.port"), e);
        }
    }

    private void registerGauges(MeterRegistry meters) {
        String role = settings.roleName();
        Gauge.builder("kubeims.cscf.sip.listening", this, runtime -> runtime.sipListening() ? 1 : 0)
                .description("1 while the SIP node accepts new requests").tag("role", role).register(meters);
        cx.ifPresent(node -> Gauge.builder("kubeims.cscf.diameter.hss.connected", this,
                        runtime -> runtime.hssConnected().orElse(false) ? 1 : 0)
                .description("1 while the Cx connection to the HSS is up").tag("role", role).register(meters));
    }

    /** The settings it runs with. */
    public CscfSettings settings() {
        return settings;
    }

    /** The SIP node (its bound port, for tests and logs). */
    public SipNode sipNode() {
        return node;
    }

    /** The store. */
    public CscfStorage storage() {
        return storage;
    }

    /** The Cx node, for the I-CSCF and S-CSCF. */
    public Optional<CxNode> cxNode() {
        return cx;
    }

    /** Whether the SIP node runs and takes new requests (false once draining). */
    public boolean sipListening() {
        return node.isRunning() && !requests.draining();
    }

    /** Whether the configured HSS is a connected Cx peer; empty for a role without Cx (P-CSCF). */
    public Optional<Boolean> hssConnected() {
        if (cx.isEmpty()) {
            return Optional.empty();
        }
        String hss = settings.diameter().orElseThrow().hssHost();
        for (CxPeer peer : cx.get().connectedPeers()) {
            if (peer.host().equalsIgnoreCase(hss)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    /** Stops as described on the class. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        String role = settings.roleName();
        LOG.infof("%s shutting down: no new requests", role);
        requests.drain();
        long deadline = System.nanoTime() + settings.workers().shutdownTimeout().toNanos();
        while (requests.inFlight() > 0 && System.nanoTime() < deadline) {
            if (!pause()) {
                break;
            }
        }
        int unfinished = requests.inFlight();
        if (unfinished > 0) {
            LOG.warnf("%s: %d requests still without a final response after %s; abandoned", role, unfinished,
                    settings.workers().shutdownTimeout());
        }
        tasks.stop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN_POLL_MILLIS * 5, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            cx.ifPresent(CxNode::close);
        } finally {
            try {
                node.close();
            } finally {
                storage.close();
                LOG.infof("%s stopped", role);
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(DRAIN_POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Memory-only stores with the configured names and tuning, owning (and closing) their cache container. */
    private static final class MemoryStorage implements CscfStorage {

        private final EmbeddedCaches caches;
        private final CscfStorage stores;

        MemoryStorage(CscfSettings.Store store) {
            this.caches = EmbeddedCaches.inMemory("kubeims-cscf");
            try {
                this.stores = EmbeddedCscfStorage.sharing(caches, store.names(), store.tuning(), Clock.systemUTC());
            } catch (RuntimeException e) {
                caches.close();
                throw e;
            }
        }

        @Override
        public RegistrationStore registrations() {
            return stores.registrations();
        }

        @Override
        public AuthChallengeStore challenges() {
            return stores.challenges();
        }

        @Override
        public PcscfFlowStore pcscfFlows() {
            return stores.pcscfFlows();
        }

        @Override
        public RegEventSubscriptionStore regEventSubscriptions() {
            return stores.regEventSubscriptions();
        }

        @Override
        public void close() {
            try {
                stores.close();
            } finally {
                caches.close();
            }
        }
    }

    private static String describe(CscfSettings.Store store) {
        if (store.mode() == CscfConfig.StoreMode.HOTROD) {
            return "hotrod " + store.hotRod().map(CscfSettings.HotRodServer::location).orElse("?");
        }
        return store.dataDirectory().map(d -> "embedded in " + d.toAbsolutePath()).orElse("embedded in memory");
    }
}
