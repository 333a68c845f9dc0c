package io.kubeims.hss.app;

import io.kubeims.hss.store.HssStorage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: UP while the store answers one public identity lookup (a single key read on the subscriber index)
 * within the probe timeout. The lookup runs on a thread of its own so a hung Hot Rod connection cannot hang the
 * probe, and at most one lookup is in flight: while it hangs, later probes report DOWN without piling up threads.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StoreReadinessCheck.class);

    /** Never provisioned: {@code .invalid} is reserved (RFC 2606), so the lookup finds nothing and writes nothing. */
    static final String PROBE_IDENTITY = "sip:readiness-probe@kubeims.invalid";

    private final HssStorage storage;
    private final Duration timeout;
    private final String mode;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hss-store-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> inFlight;

    @Inject
    StoreReadinessCheck(HssStorage storage, HssSettings settings) {
        this(storage, settings.store().probeTimeout(), settings.store().mode().name().toLowerCase(Locale.ROOT));
    }

    StoreReadinessCheck(HssStorage storage, Duration timeout, String mode) {
        this.storage = storage;
        this.timeout = timeout;
        this.mode = mode;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = prober.submit(() -> storage.subscribers().findPrivateIdentity(PROBE_IDENTITY));
        } else {
            return down("the previous lookup has not returned yet");
        }
        try {
            inFlight.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("hss-store").up().withData("mode", mode).build();
        } catch (TimeoutException e) {
            return down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }

    private HealthCheckResponse down(String reason) {
        LOG.debugf("store readiness DOWN: %s", reason);
        return HealthCheckResponse.named("hss-store").down().withData("mode", mode).withData("reason", reason).build();
    }
}
