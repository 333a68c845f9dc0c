package io.kubeims.hss.cx;

import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeException;
import io.kubeims.hss.notify.ServingScscfNotifier;
import io.kubeims.hss.store.HssStorage;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running HSS instance: storage, the Cx node serving UAR/MAR/SAR/LIR through {@link HssCxProcedures}, and the
 * {@link ServingScscfNotifier} for RTR/PPR, assembled from one {@link HssCoreSettings}. Tests and the Quarkus
 * wiring start an HSS the same way. {@link #close()} stops the Diameter node first (no request is served on closed
 * storage), then the store executor, then the storage.
 */
public final class HssCore implements AutoCloseable {

    private static final long EXECUTOR_STOP_SECONDS = 5;

    private final HssCoreSettings settings;
    private final HssStorage storage;
    private final HssCxProcedures procedures;
    private final CxNode node;
    private final ExecutorService storeExecutor;
    private final ServingScscfNotifier notifier;

    private HssCore(HssCoreSettings settings, HssStorage storage, ExecutorService storeExecutor) {
        this.settings = settings;
        this.storage = storage;
        this.storeExecutor = storeExecutor;
        CxUserDataWriter userData = new CxUserDataWriter();
        this.procedures = new HssCxProcedures(settings.cx(), storage.subscribers(), storage.dynamicState(),
                new AuthenticationVectorGenerator(new SecureRandom()), userData);
        this.node = CxNode.hss(settings.diameter(), procedures);
        this.notifier = new ServingScscfNotifier(node, storage.subscribers(), storage.dynamicState(), userData,
                storeExecutor);
    }

    /**
     * Opens the storage and starts the Diameter node; returns once the node accepts connections.
     *
     * @throws CxNodeException when the node cannot start or does not listen within its start timeout (everything
     *                         opened is closed again)
     */
    public static HssCore start(HssCoreSettings settings) throws CxNodeException {
        if (settings == null) {
            throw new InvalidHssCxSettingsException("settings", "are required");
        }
        HssStorage storage = settings.storage().open();
        ExecutorService executor = Executors.newFixedThreadPool(settings.storeThreads(),
                storeThreads(settings.diameter().originHost()));
        HssCore core;
        try {
            core = new HssCore(settings, storage, executor);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            storage.close();
            throw e;
        }
        boolean ready;
        try {
            ready = core.node.start();
        } catch (CxNodeException | RuntimeException e) {
            core.close();
            throw e;
        }
        if (!ready) {
            core.close();
            throw new CxNodeException("HSS node " + settings.diameter().originHost() + " did not listen on "
                    + settings.diameter().bindAddress() + ":" + settings.diameter().port() + " within "
                    + settings.diameter().startTimeout(), null);
        }
        return core;
    }

    public HssCoreSettings settings() {
        return settings;
    }

    /** The stores (provisioning uses {@code storage().subscribers()}). */
    public HssStorage storage() {
        return storage;
    }

    public HssCxProcedures procedures() {
        return procedures;
    }

    /** The Cx node (peers, sending). */
    public CxNode node() {
        return node;
    }

    /** RTR and PPR to the serving S-CSCF pool. */
    public ServingScscfNotifier notifier() {
        return notifier;
    }

    /** Stops the node, the store executor and the storage. Idempotent. */
    @Override
    public void close() {
        try {
            node.close();
        } finally {
            storeExecutor.shutdown();
            try {
                if (!storeExecutor.awaitTermination(EXECUTOR_STOP_SECONDS, TimeUnit.SECONDS)) {
                    storeExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                storeExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            storage.close();
        }
    }

    private static ThreadFactory storeThreads(String originHost) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hss-store-" + originHost + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
