package io.kubeims.cscf.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: UP while the store answers one registration lookup within {@code store.probe-timeout}. The lookup runs on
 * a thread of its own (a hung Hot Rod connection cannot hang the probe) and at most one is in flight.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StoreReadinessCheck.class);
    /** Never registered: {@code .invalid} is reserved (RFC 2606), so the read finds nothing and writes nothing. */
    static final String PROBE_IMPI = "readiness-probe@kubeims.invalid";

    private final CscfLifecycle lifecycle;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cscf-store-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> inFlight;

    StoreReadinessCheck(CscfLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Optional<CscfRuntime> runtime = lifecycle.runtime();
        if (runtime.isEmpty()) {
            return down("?", "not started");
        }
        CscfSettings.Store store = runtime.get().settings().store();
        String mode = store.mode().name().toLowerCase(Locale.ROOT);
        if (inFlight != null && !inFlight.isDone()) {
            return down(mode, "the previous lookup has not returned yet");
        }
        inFlight = prober.submit(() -> runtime.get().storage().registrations().get(PROBE_IMPI));
        try {
            inFlight.get(store.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("cscf-store").up().withData("mode", mode).build();
        } catch (TimeoutException e) {
            return down(mode, "no answer within " + store.probeTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(mode, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(mode, "interrupted");
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }

    private static HealthCheckResponse down(String mode, String reason) {
        LOG.debugf("CSCF store readiness DOWN: %s", reason);
        return HealthCheckResponse.named("cscf-store").down().withData("mode", mode).withData("reason", reason)
                .build();
    }
}
