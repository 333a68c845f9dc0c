package io.kubeims.hss.app;

import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeException;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeer;
import io.kubeims.hss.cx.HssCxProcedures;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.metrics.CxMetrics;
import io.kubeims.hss.metrics.MeteredCxHssHandler;
import io.kubeims.hss.metrics.MeteredCxPoolClient;
import io.kubeims.hss.notify.ServingScscfNotifier;
import io.kubeims.hss.store.HssStorage;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HSS's Diameter Cx server over an open {@link HssStorage}: the Cx node (HSS role, TS 29.229) answering
 * UAR/MAR/SAR/LIR through {@link HssCxProcedures} (counted and timed by {@link MeteredCxHssHandler}), and the
 * {@link ServingScscfNotifier} sending RTR/PPR through the same node, with the executor that runs its store work.
 * It does not own the storage: {@link #close()} stops the node and that executor, and the caller closes the
 * storage afterwards, so no request is ever served on closed storage.
 */
public final class CxServer implements DiameterListenerState, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CxServer.class);
    private static final long EXECUTOR_STOP_SECONDS = 5;
    static final int MAX_NOTIFIER_THREADS = 64;

    private final CxNode node;
    private final ServingScscfNotifier notifier;
    private final ExecutorService notifierExecutor;
    private final HssStorage storage;

    private CxServer(CxNodeSettings nodeSettings, HssCxSettings cxSettings, HssStorage storage,
                     ExecutorService notifierExecutor, CxMetrics metrics) {
        this.storage = storage;
        this.notifierExecutor = notifierExecutor;
        CxUserDataWriter userData = new CxUserDataWriter();
        HssCxProcedures procedures = new HssCxProcedures(cxSettings, storage.subscribers(), storage.dynamicState(),
                new AuthenticationVectorGenerator(new SecureRandom()), userData);
        this.node = CxNode.hss(nodeSettings, new MeteredCxHssHandler(procedures, metrics));
        this.notifier = new ServingScscfNotifier(new MeteredCxPoolClient(node, metrics), storage.subscribers(),
                storage.dynamicState(), userData, notifierExecutor);
        metrics.peers(node, running -> running.connectedPeers().size());
    }

    /**
     * Starts the Cx node on {@code nodeSettings}' address and port; returns once it accepts connections.
     *
     * @param notifierThreads threads for the notifier's store work, 1..64
     * @throws CxServerStartException      when the address cannot be bound (in use, not local) or the node does
     *                                     not start; nothing is left running
     * @throws InvalidHssSettingsException when {@code notifierThreads} is out of range
     */
    public static CxServer start(CxNodeSettings nodeSettings, HssCxSettings cxSettings, HssStorage storage,
                                 int notifierThreads, CxMetrics metrics) {
        if (nodeSettings == null || cxSettings == null || storage == null || metrics == null) {
            throw new IllegalArgumentException("node settings, Cx settings, storage and metrics are required");
        }
        if (notifierThreads < 1 || notifierThreads > MAX_NOTIFIER_THREADS) {
            throw new InvalidHssSettingsException("kubeims.hss.cx.notifier-threads: must be 1.."
                    + MAX_NOTIFIER_THREADS + ", was " + notifierThreads);
        }
        String listener = nodeSettings.bindAddress() + ":" + nodeSettings.port();
        requireBindable(nodeSettings.bindAddress(), nodeSettings.port());
        ExecutorService executor = Executors.newFixedThreadPool(notifierThreads, daemonThreads());
        CxServer server;
        try {
            server = new CxServer(nodeSettings, cxSettings, storage, executor, metrics);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        boolean ready;
        try {
            ready = server.node.start();
        } catch (CxNodeException | RuntimeException e) {
            server.close();
            throw new CxServerStartException("the Diameter Cx node " + nodeSettings.originHost() + " did not start on "
                    + listener + ": " + e.getMessage(), e);
        }
        if (!ready) {
            server.close();
            throw new CxServerStartException("the Diameter Cx node " + nodeSettings.originHost()
                    + " did not accept connections on " + listener + " within " + nodeSettings.startTimeout(), null);
        }
        LOG.infof("Diameter Cx listening on %s as %s (realm %s), S-CSCF pools %s", listener,
                nodeSettings.originHost(), nodeSettings.realm(), cxSettings.serverCapabilities().serverNames());
        return server;
    }

    /**
     * Fails fast and clearly when the listening address cannot be bound: jdiameter binds on a thread of its own
     * and only logs a failure there, and a probe connect would succeed against whatever else holds the port.
     */
    static void requireBindable(String address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // as jdiameter's ServerSocketChannel does on Linux: a port in TIME_WAIT is bindable, one listening is not
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new CxServerStartException("cannot listen for Diameter Cx on " + address + ":" + port + " ("
                    + e.getMessage() + "); check kubeims.hss.diameter.bind-address and kubeims.hss.diameter.port",
                    e);
        }
    }

    /** Sends RTR and PPR to the S-CSCF pools; its store work runs on {@link #notifierExecutor()}. */
    public ServingScscfNotifier notifier() {
        return notifier;
    }

    /** The executor of the notifier's store work, for follow-up store writes (never a jdiameter thread). */
    public ExecutorService notifierExecutor() {
        return notifierExecutor;
    }

    /** The storage the procedures use (not owned). */
    public HssStorage storage() {
        return storage;
    }

    @Override
    public Status status() {
        return node.isRunning() ? Status.LISTENING : Status.NOT_LISTENING;
    }

    @Override
    public List<String> connectedPeers() {
        return node.connectedPeers().stream().map(CxPeer::host).sorted().toList();
    }

    /**
     * Stops the node (DPR to the peers; later RTR/PPR fail as unreachable), then lets the notifier's store work
     * finish for at most 5 s. Idempotent. The storage stays open.
     */
    @Override
    public void close() {
        try {
            node.close();
        } finally {
            notifierExecutor.shutdown();
            try {
                if (!notifierExecutor.awaitTermination(EXECUTOR_STOP_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("RTR/PPR store work still running after 5 s at shutdown; abandoned");
                    notifierExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                notifierExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hss-cx-notifier-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
