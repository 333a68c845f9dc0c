package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.store.ClaimedExpiry;
import io.kubeims.cscf.store.LostExpiryClaimException;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationExpirySweep;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Acts on expired bindings (RFC 3261 10.2.1: a binding not refreshed in time is gone), exactly once across the
 * replicas: each {@link #sweep()} runs this replica's {@link RegistrationExpirySweep}, which claims the expired
 * registrations it wins. For each claim: when no binding remains, SAR TIMEOUT_DEREGISTRATION (TS 24.229 5.4.1.6,
 * TS 29.228 6.1.2); then the claim is completed (the store drops the expired bindings, and the registration with
 * the last one) and the {@link RegistrationObserver} is told {@link RegistrationChange.Cause#EXPIRED}, once.
 *
 * <p>When the HSS cannot be told (no answer, busy), the claim is left to lapse: its lease ends and a sweep (of this
 * or another replica) claims the registration again and retries, so the HSS never keeps a registration the S-CSCF
 * dropped. A permanent refusal (e.g. the user was deleted) completes the claim. If the subscriber re-registered
 * while the de-registration was on its way, the registration survives the completion and the HSS is told again
 * (SAR RE_REGISTRATION).
 *
 * <pre>{@code
 * RegistrationExpiryHandler expiry = new RegistrationExpiryHandler(new RegistrationExpirySweep(store, clock,
 *         podName, Duration.ofHours(1)), store, cxNode, settings, observer, clock, executor, meters);
 * expiry.start(scheduler, Duration.ofSeconds(5));   // every expiry bucket or so
 * ...
 * expiry.stop();
 * }</pre>
 */
public final class RegistrationExpiryHandler {

    private static final Logger LOG = Logger.getLogger(RegistrationExpiryHandler.class);

    private final RegistrationExpirySweep sweep;
    private final RegistrationStore registrations;
    private final ServerAssignment assignments;
    private final RegistrationObserver observer;
    private final Clock clock;
    private final Executor executor;
    private final RegistrarMetrics metrics;
    private final Object lifecycle = new Object();
    private ScheduledFuture<?> scheduled;

    /**
     * @param sweep         this replica's walk over the expiry index
     * @param registrations the shared registration store the sweep walks
     * @param cx            the Cx client towards the HSS
     * @param settings      the registrar settings (Server-Name)
     * @param observer      told of each expiry acted on
     * @param clock         this replica's clock
     * @param executor      runs what follows each SAA
     * @param meters        where the meters go
     */
    public RegistrationExpiryHandler(RegistrationExpirySweep sweep, RegistrationStore registrations, CxClient cx,
            ScscfSettings settings, RegistrationObserver observer, Clock clock, Executor executor,
            MeterRegistry meters) {
        if (sweep == null || registrations == null || cx == null || settings == null || observer == null
                || clock == null || executor == null || meters == null) {
            throw new IllegalArgumentException("sweep, registrations, cx, settings, observer, clock, executor and "
                    + "meters are required");
        }
        this.sweep = sweep;
        this.registrations = registrations;
        this.metrics = new RegistrarMetrics(meters);
        this.assignments = new ServerAssignment(metrics.timed(cx), settings.serverName());
        this.observer = observer;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Sweeps once: claims what expired since the previous sweep and acts on each claim won.
     *
     * @return the changes told to the observer, once every claim of this sweep is handled (a claim left to lapse
     *         or lost to another replica contributes none)
     */
    public CompletableFuture<List<RegistrationChange>> sweep() {
        List<ClaimedExpiry> claims = sweep.sweep();
        List<CompletableFuture<Optional<RegistrationChange>>> handled = new ArrayList<>();
        for (ClaimedExpiry claim : claims) {
            handled.add(expire(claim));
        }
        return CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).thenApply(done -> handled.stream()
                .map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    /**
     * Sweeps every {@code interval} on {@code scheduler} until {@link #stop()}.
     *
     * @throws IllegalStateException when already started
     */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        synchronized (lifecycle) {
            if (scheduled != null) {
                throw new IllegalStateException("registration expiry already started");
            }
            scheduled = scheduler.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops sweeping (a sweep in progress finishes). Idempotent. */
    public void stop() {
        synchronized (lifecycle) {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // the store is unreachable: the next sweep reads the same buckets again
            LOG.warnf("registration expiry sweep failed: %s", e);
        }
    }

    private CompletableFuture<Optional<RegistrationChange>> expire(ClaimedExpiry claim) {
        if (!claim.endsRegistration()) {
            return CompletableFuture.supplyAsync(() -> complete(claim, ""), executor);
        }
        Registration registration = claim.registration();
        return timeoutDeregistration(registration).handleAsync((saa, failure) -> {
            if (failure != null) {
                RegisterReject reject = HssFailures.reject(failure, 1);
                if (reject.outcome() == RegisterOutcome.HSS_UNAVAILABLE || reject.outcome() == RegisterOutcome.HSS_BUSY) {
                    metrics.expiry("deferred");
                    LOG.warnf("expiry of %s deferred, the HSS was not told (%s): the claim lapses and is retried",
                            registration.impi(), HssFailures.unwrap(failure).getMessage());
                    return Optional.<RegistrationChange>empty();
                }
                return complete(claim, "; SAR TIMEOUT_DEREGISTRATION refused: "
                        + HssFailures.unwrap(failure).getMessage());
            }
            return complete(claim, ", SAR TIMEOUT_DEREGISTRATION");
        }, executor);
    }

    private Optional<RegistrationChange> complete(ClaimedExpiry claim, String hss) {
        Optional<Registration> after;
        try {
            after = registrations.completeExpiry(claim);
        } catch (LostExpiryClaimException e) {
            metrics.expiry("lost");
            LOG.debugf("expiry of %s: %s", claim.impi(), e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // the claim lapses and is retried
            metrics.expiry("deferred");
            LOG.warnf("expiry of %s deferred, store failed: %s", claim.impi(), e);
            return Optional.empty();
        }
        metrics.expiry("expired");
        LOG.debugf("expiry of %s: %d binding(s) expired, %d left%s", claim.impi(), claim.expired().size(),
                after.map(r -> r.contacts().size()).orElse(0), hss);
        if (claim.endsRegistration() && after.isPresent()) {
            // re-registered while the de-registration travelled: the HSS must hold the registration again
            reRegister(after.get());
        }
        RegistrationChange change = new RegistrationChange(RegistrationChange.Cause.EXPIRED, claim.impi(),
                claim.registration(), after.orElse(null), null, null, "registration expired", clock.instant());
        try {
            observer.onChange(change);
        } catch (RuntimeException e) {
            LOG.errorf(e, "registration observer failed for %s (%s)", change.impi(), change.cause());
        }
        return Optional.of(change);
    }

    private CompletableFuture<ServerAssignmentAnswer> timeoutDeregistration(Registration registration) {
        return sar(registration, ServerAssignmentType.TIMEOUT_DEREGISTRATION);
    }

    private void reRegister(Registration registration) {
        sar(registration, ServerAssignmentType.RE_REGISTRATION).whenComplete((saa, failure) -> {
            if (failure != null) {
                LOG.warnf("%s re-registered during its expiry; SAR RE_REGISTRATION failed: %s", registration.impi(),
                        HssFailures.unwrap(failure).getMessage());
            }
        });
    }

    private CompletableFuture<ServerAssignmentAnswer> sar(Registration registration, ServerAssignmentType type) {
        return assignments.send(registration.impi(), registration.implicitSet().get(0), type,
                UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE);
    }
}
