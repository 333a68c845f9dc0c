package io.kubeims.hss.app;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.metrics.CxMetrics;
import io.kubeims.hss.notify.DeregistrationOutcome;
import io.kubeims.hss.notify.ProfileUpdateOutcome;
import io.kubeims.hss.notify.ServingScscfNotifier;
import io.kubeims.hss.provisioning.SubscriberChangeListener;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.ReasonCode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Tells the S-CSCF serving a subscriber what the provisioning API changed, over Cx (TS 29.228 6.1.3, 6.2.2):
 * <ul>
 *   <li>deleted: RTR PERMANENT_TERMINATION naming the identities the subscriber had. Should no replica of the pool
 *       take it (refused or unreachable), the HSS clears the registration record all the same: the subscription is
 *       gone, a later SAR for it is answered USER_UNKNOWN, and a re-provisioned subscriber must start unregistered
 *       rather than inherit an assignment nobody can end;</li>
 *   <li>de-registration requested: RTR with the requested reason; on failure the registration stays (the
 *       administrator can retry);</li>
 *   <li>the whole subscription barred: RTR PERMANENT_TERMINATION ("subscription barred"), since User-Data cannot
 *       carry subscription barring and the user must not keep a registration;</li>
 *   <li>any other change of the Cx-User-Data (identities, their barring, iFCs) of a user an S-CSCF serves
 *       (registered, or unregistered with an assigned S-CSCF): PPR with the new User-Data. A change of credentials
 *       alone changes no User-Data and sends nothing.</li>
 * </ul>
 * Nothing blocks the caller (the HTTP worker): the notifier does its store work on its own executor and the
 * Diameter exchange on jdiameter's threads. Notifications of one subscriber go out one after the other, in the
 * order of the changes, so a slow PPR cannot overtake the next one with older data. The notifier logs each
 * outcome once (DEBUG on success, WARN when the pool refuses or is unreachable); this class logs only what it adds
 * (a forced clear, a store failure) and counts every outcome in {@link CxMetrics#NOTIFICATIONS}.
 */
@Singleton
public class ProvisioningCxNotifier implements SubscriberChangeListener {

    private static final Logger LOG = Logger.getLogger(ProvisioningCxNotifier.class);
    static final String BARRED_REASON_INFO = "subscription barred";

    private final ServingScscfNotifier notifier;
    private final DynamicStateStore state;
    private final Executor storeExecutor;
    private final CxMetrics metrics;
    /** The last notification queued per IMPI; an entry is removed once its notification is done. */
    private final ConcurrentMap<String, CompletableFuture<Void>> queued = new ConcurrentHashMap<>();

    @Inject
    ProvisioningCxNotifier(CxServer server, CxMetrics metrics) {
        this(server.notifier(), server.storage().dynamicState(), server.notifierExecutor(), metrics);
    }

    /**
     * @param notifier      sends RTR/PPR
     * @param state         the registration records (cleared after a failed RTR of a deleted subscriber)
     * @param storeExecutor runs that store write
     * @param metrics       counts the outcomes
     */
    ProvisioningCxNotifier(ServingScscfNotifier notifier, DynamicStateStore state, Executor storeExecutor,
                           CxMetrics metrics) {
        this.notifier = notifier;
        this.state = state;
        this.storeExecutor = storeExecutor;
        this.metrics = metrics;
    }

    @Override
    public void created(Subscriber subscriber) {
        // nobody serves a new subscriber: deletion clears the registration record (see above)
    }

    @Override
    public void changed(Subscriber before, Subscriber after) {
        String impi = after.privateIdentity();
        if (after.barred() && !before.barred()) {
            deregister(impi, () -> notifier.deregister(after, ReasonCode.PERMANENT_TERMINATION, BARRED_REASON_INFO),
                    false);
        } else if (!after.imsSubscription().equals(before.imsSubscription())) {
            inOrder(impi, () -> notifier.profileChanged(after).handle((outcome, failure) -> {
                count(CxCommand.PUSH_PROFILE, impi, outcome == null ? null : outcomeName(outcome), failure);
                return (Void) null;
            }));
        }
    }

    @Override
    public void deleted(Subscriber subscriber) {
        deregister(subscriber.privateIdentity(),
                () -> notifier.deregister(subscriber, ReasonCode.PERMANENT_TERMINATION, null), true);
    }

    @Override
    public void deregistrationRequested(String privateIdentity, DeregistrationReason reason) {
        deregister(privateIdentity,
                () -> notifier.deregister(privateIdentity, reason.reasonCode(), reason.reasonInfo()), false);
    }

    private void deregister(String impi, Supplier<CompletableFuture<DeregistrationOutcome>> rtr,
                            boolean clearWhenUndelivered) {
        inOrder(impi, () -> rtr.get().thenApplyAsync(outcome -> {
            if (clearWhenUndelivered) {
                clearUndelivered(impi, outcome);
            }
            return outcome;
        }, storeExecutor).handle((outcome, failure) -> {
            count(CxCommand.REGISTRATION_TERMINATION, impi, outcome == null ? null : outcomeName(outcome), failure);
            return (Void) null;
        }));
    }

    /**
     * A deleted subscriber whose RTR no S-CSCF took: forgets the assignment the RTR was about. Runs on the store
     * executor.
     */
    private void clearUndelivered(String impi, DeregistrationOutcome outcome) {
        String server;
        if (outcome instanceof DeregistrationOutcome.Refused refused) {
            server = refused.serverName();
        } else if (outcome instanceof DeregistrationOutcome.Unreachable unreachable) {
            server = unreachable.serverName();
        } else {
            return;
        }
        // only that assignment: should a new subscriber of this IMPI have registered meanwhile, it stays
        state.updateRegistration(impi, current -> server.equals(current.serverName())
                ? RegistrationRecord.notRegistered() : current);
        LOG.debugf("registration of deleted subscriber %s at %s cleared although the RTR was not taken", impi,
                server);
    }

    /** Runs {@code notification} once every earlier one of this IMPI is done; never throws into the caller. */
    private void inOrder(String impi, Supplier<CompletableFuture<Void>> notification) {
        CompletableFuture<Void> tail = queued.compute(impi, (key, previous) -> {
            CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
            // never completes exceptionally: a failed notification must not stop the later ones
            return after.thenCompose(ignored -> started(notification)).exceptionally(failure -> {
                LOG.warnf("notification for %s failed: %s", impi, failure.toString());
                return null;
            });
        });
        tail.whenComplete((done, failure) -> queued.remove(impi, tail));
    }

    /** The notification's future; a notification that throws at once completes exceptionally instead. */
    private static CompletableFuture<Void> started(Supplier<CompletableFuture<Void>> notification) {
        try {
            return notification.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void count(CxCommand command, String impi, String outcome, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.warnf("%s for %s not sent: %s: %s", command.requestAbbreviation(), impi,
                    cause.getClass().getSimpleName(), cause.getMessage());
            metrics.notification(command, "failed");
        } else {
            metrics.notification(command, outcome);
        }
    }

    static String outcomeName(DeregistrationOutcome outcome) {
        if (outcome instanceof DeregistrationOutcome.Deregistered) {
            return "deregistered";
        }
        if (outcome instanceof DeregistrationOutcome.NotRegistered) {
            return "not_registered";
        }
        return outcome instanceof DeregistrationOutcome.Refused ? "refused" : "unreachable";
    }

    static String outcomeName(ProfileUpdateOutcome outcome) {
        if (outcome instanceof ProfileUpdateOutcome.Pushed) {
            return "pushed";
        }
        if (outcome instanceof ProfileUpdateOutcome.NotServed) {
            return "not_served";
        }
        return outcome instanceof ProfileUpdateOutcome.Refused ? "refused" : "unreachable";
    }
}
