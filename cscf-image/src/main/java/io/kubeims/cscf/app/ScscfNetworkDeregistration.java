package io.kubeims.cscf.app;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.scscf.thirdparty.NetworkDeregistration;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.store.TypedCache.Change;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The S-CSCF's network-initiated de-registration (TS 24.229 5.4.1.5) as third-party registration asks for it when an
 * AS whose DefaultHandling is SESSION_TERMINATED fails (TS 24.229 5.4.1.7): on a worker, the subscriber's
 * registration is removed from the shared store in one compare-and-set (so exactly one replica acts, and the expiry
 * sweep finds nothing left), the HSS is told with SAR ADMINISTRATIVE_DEREGISTRATION (TS 29.228 6.1.2, TS 29.229
 * 6.3.15: the S-CSCF ended the registration and keeps no profile), then the registration observers hear
 * {@link RegistrationChange.Cause#NETWORK_DEREGISTERED} with the reason (reg event NOTIFYs, third-party
 * de-registrations). A subscriber not registered (any more) is left alone. A SAR that fails is logged at WARN: the
 * bindings are gone either way, as after a failed USER_DEREGISTRATION in the registrar. Counted in
 * {@value #METER} by {@code outcome}.
 */
final class ScscfNetworkDeregistration implements NetworkDeregistration {

    private static final Logger LOG = Logger.getLogger(ScscfNetworkDeregistration.class);
    /** Meter of network-initiated de-registrations asked for, by outcome. */
    static final String METER = "kubeims.scscf.network.deregistration";

    private final CxClient cx;
    private final RegistrationStore registrations;
    private final String serverName;
    private final RegistrationObserver observer;
    private final Clock clock;
    private final Executor executor;
    private final TaggedCounters counted;

    /**
     * @param cx            the S-CSCF's Cx client
     * @param registrations the shared registrations
     * @param serverName    the pool's Server-Name for the SAR
     * @param observer      the registrar's observers (reg event, third-party registration)
     * @param clock         the time of the change
     * @param executor      the workers: the caller may be a jain-sip or timer thread
     * @param meters        where {@value #METER} is counted
     */
    ScscfNetworkDeregistration(CxClient cx, RegistrationStore registrations, String serverName,
                               RegistrationObserver observer, Clock clock, Executor executor, MeterRegistry meters) {
        if (cx == null || registrations == null || serverName == null || observer == null || clock == null
                || executor == null || meters == null) {
            throw new IllegalArgumentException("every argument is required");
        }
        this.cx = cx;
        this.registrations = registrations;
        this.serverName = serverName;
        this.observer = observer;
        this.clock = clock;
        this.executor = executor;
        this.counted = new TaggedCounters(meters, METER,
                "network-initiated de-registrations asked for by third-party registration, by outcome", "outcome");
    }

    @Override
    public void deregister(String impi, String reason) {
        try {
            executor.execute(() -> remove(impi, reason));
        } catch (RejectedExecutionException e) {
            count("overloaded");
            LOG.errorf("network de-registration of %s (%s) not started: no worker free (%s)", impi, reason,
                    e.getMessage());
        }
    }

    private void remove(String impi, String reason) {
        Change<Registration> removal;
        try {
            removal = registrations.update(impi, current -> Optional.empty());
        } catch (RuntimeException e) {
            count("store_failure");
            LOG.errorf("network de-registration of %s (%s): store failure, still registered: %s", impi, reason, e);
            return;
        }
        if (removal.previous().isEmpty()) {
            count("not_registered");
            LOG.debugf("network de-registration of %s (%s): not registered", impi, reason);
            return;
        }
        Registration removed = removal.previous().get();
        sar(impi, removed.implicitSet().get(0)).whenComplete((saa, failure) -> {
            Runnable finish = () -> finish(impi, reason, removed, failure);
            try {
                executor.execute(finish);
            } catch (RejectedExecutionException e) {
                finish.run();   // the observers must hear it; they only hand NOTIFYs and REGISTERs to the stack
            }
        });
    }

    private CompletableFuture<ServerAssignmentAnswer> sar(String impi, String impu) {
        try {
            return cx.send(new ServerAssignmentRequest(impi, List.of(impu), serverName,
                    ServerAssignmentType.ADMINISTRATIVE_DEREGISTRATION,
                    UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE)).thenApply(saa -> {
                        if (!saa.result().isSuccess()) {
                            throw new CompletionException(new IllegalStateException("refused with " + saa.result()
                                    + (saa.errorMessage() == null ? "" : " (" + saa.errorMessage() + ")")));
                        }
                        return saa;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void finish(String impi, String reason, Registration removed, Throwable failure) {
        if (failure == null) {
            count("deregistered");
            LOG.debugf("network de-registration of %s (%s): bindings removed, SAR ADMINISTRATIVE_DEREGISTRATION",
                    impi, reason);
        } else {
            count("hss_not_told");
            LOG.warnf("network de-registration of %s (%s): bindings removed; the HSS was not told: %s", impi, reason,
                    unwrap(failure).getMessage());
        }
        try {
            observer.onChange(new RegistrationChange(RegistrationChange.Cause.NETWORK_DEREGISTERED, impi, removed,
                    null, null, null, reason, clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "registration observer failed for the network de-registration of %s: %s", impi, e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void count(String outcome) {
        counted.increment(outcome);
    }
}
