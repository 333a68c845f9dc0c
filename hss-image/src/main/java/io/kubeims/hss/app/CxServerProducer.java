package io.kubeims.hss.app;

import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.metrics.CxMetrics;
import io.kubeims.hss.store.HssStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Starts the {@link CxServer} when the HSS starts and stops it before the storage closes.
 *
 * <p>Order at startup: the API token ({@code @Startup(1000)}), the storage ({@code @Startup}, 2500), then this
 * server ({@code @Startup(3000)}, which needs the storage anyway); a bind failure throws
 * {@link CxServerStartException} and the application does not start. Order at shutdown: Quarkus fires
 * {@link ShutdownEvent} before it destroys any bean, and this observer closes the server there (DPR to the peers,
 * the notifier's store work drained); the storage is closed later, when the container disposes of its bean. The
 * disposer here only repeats the (idempotent) close for a container stopped without that event.
 */
@Singleton
public class CxServerProducer {

    private static final Logger LOG = Logger.getLogger(CxServerProducer.class);

    /** Set once the server started, so shutdown never starts one only to stop it. */
    private volatile CxServer started;

    @Produces
    @Singleton
    CxMetrics cxMetrics(MeterRegistry registry) {
        return new CxMetrics(registry);
    }

    @Produces
    @Singleton
    @Startup(3000)
    CxServer start(HssStorage storage, CxNodeSettings node, HssCxSettings cx, HssSettings settings,
                   CxMetrics metrics) {
        CxServer server = CxServer.start(node, cx, storage, settings.cx().notifierThreads(), metrics);
        started = server;
        return server;
    }

    void stopBeforeStorage(@Observes ShutdownEvent event) {
        CxServer server = started;
        if (server != null) {
            LOG.info("stopping the Diameter Cx server");
            server.close();
        }
    }

    void close(@Disposes CxServer server) {
        server.close();
    }
}
