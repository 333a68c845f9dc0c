package io.kubeims.hss.notify;

import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.client.CxPoolClient;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxScscfRequest;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.SubscriberStore;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSS-initiated Cx procedures towards the S-CSCF serving a subscriber: administrative de-registration (RTR,
 * TS 29.228 6.1.3) and push of a changed profile (PPR, TS 29.228 6.2.2). Requests go to the S-CSCF <em>pool</em>
 * named by the stored Server-Name ({@link CxPoolClient#sendToPool}), so any live replica of that S-CSCF answers.
 *
 * <p>Nothing blocks the caller: store reads and writes run on the given executor (they may be remote Hot Rod
 * calls), the Diameter exchange on jdiameter's threads. The futures complete normally with an outcome, and
 * exceptionally only when the store itself fails.
 */
public final class ServingScscfNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ServingScscfNotifier.class);

    private final CxPoolClient pool;
    private final SubscriberStore subscribers;
    private final DynamicStateStore state;
    private final CxUserDataWriter userData;
    private final Executor storeExecutor;

    /**
     * @param pool          sends RTR/PPR to a replica of an S-CSCF pool (the HSS's Cx node)
     * @param subscribers   the provisioned subscribers
     * @param state         the registration state
     * @param userData      writes the Cx-User-Data of a PPR
     * @param storeExecutor runs the store reads and writes (not a jdiameter thread, not an event loop)
     */
    public ServingScscfNotifier(CxPoolClient pool, SubscriberStore subscribers, DynamicStateStore state,
                                CxUserDataWriter userData, Executor storeExecutor) {
        if (pool == null || subscribers == null || state == null || userData == null || storeExecutor == null) {
            throw new IllegalArgumentException("pool client, stores, user data writer and executor are required");
        }
        this.pool = pool;
        this.subscribers = subscribers;
        this.state = state;
        this.userData = userData;
        this.storeExecutor = storeExecutor;
    }

    /**
     * De-registers the provisioned subscriber {@code privateIdentity}: an RTR naming every public identity of its
     * implicit registration set (none when the subscriber is no longer provisioned, which means all of them,
     * TS 29.229 6.1.9) to the S-CSCF pool assigned to it. On success the HSS records NOT_REGISTERED without an
     * S-CSCF name; a failure or no answer leaves the state alone. Without an assigned S-CSCF nothing is sent.
     *
     * @param reason     Reason-Code (TS 29.229 6.3.17): PERMANENT_TERMINATION (subscription removed),
     *                   NEW_SERVER_ASSIGNED, SERVER_CHANGE (the UE should register again), REMOVE_S-CSCF
     * @param reasonInfo Reason-Info, text the S-CSCF may pass to the user; null for none
     */
    public CompletableFuture<DeregistrationOutcome> deregister(String privateIdentity, ReasonCode reason,
                                                               String reasonInfo) {
        require(privateIdentity, "privateIdentity");
        require(reason, "reason");
        return CompletableFuture.supplyAsync(() -> subscribers.get(privateIdentity), storeExecutor)
                .thenCompose(subscriber -> terminate(privateIdentity,
                        subscriber.map(Subscriber::publicIdentityUris).orElse(List.of()), reason, reasonInfo));
    }

    /**
     * As {@link #deregister(String, ReasonCode, String)} for this subscriber as given, e.g. the version just
     * deleted from the store (its identities go into the RTR).
     */
    public CompletableFuture<DeregistrationOutcome> deregister(Subscriber subscriber, ReasonCode reason,
                                                               String reasonInfo) {
        require(subscriber, "subscriber");
        require(reason, "reason");
        return CompletableFuture.completedFuture(null).thenComposeAsync(ignored -> terminate(
                subscriber.privateIdentity(), subscriber.publicIdentityUris(), reason, reasonInfo), storeExecutor);
    }

    /**
     * Pushes the subscriber's new Cx-User-Data (PPR, TS 29.228 6.2.2) to the S-CSCF pool holding its profile,
     * i.e. when it is registered or unregistered with an assigned S-CSCF; otherwise nothing is sent. The state is
     * not changed.
     */
    public CompletableFuture<ProfileUpdateOutcome> profileChanged(Subscriber subscriber) {
        require(subscriber, "subscriber");
        String impi = subscriber.privateIdentity();
        return CompletableFuture.supplyAsync(() -> state.registration(impi), storeExecutor).thenCompose(record -> {
            String server = record.serverName();
            if (server == null) {
                return CompletableFuture.completedFuture(new ProfileUpdateOutcome.NotServed());
            }
            PushProfileRequest ppr = new PushProfileRequest(impi, userData.writeBytes(subscriber.imsSubscription()),
                    null);
            return send(server, ppr, (answer, failure) -> {
                ProfileUpdateOutcome outcome;
                if (failure != null) {
                    outcome = new ProfileUpdateOutcome.Unreachable(server, failure);
                } else if (answer.answer().result().isSuccess()) {
                    outcome = new ProfileUpdateOutcome.Pushed(server, answer.replicaHost());
                } else {
                    outcome = new ProfileUpdateOutcome.Refused(server, answer.replicaHost(), answer.answer().result());
                }
                log("PPR", impi, outcome, !(outcome instanceof ProfileUpdateOutcome.Pushed));
                return outcome;
            });
        });
    }

    /** Runs on the store executor. */
    private CompletableFuture<DeregistrationOutcome> terminate(String impi, List<String> publicIdentities,
                                                               ReasonCode reason, String reasonInfo) {
        RegistrationRecord record = state.registration(impi);
        String server = record.serverName();
        if (server == null) {
            if (record.pendingServerName() != null) {
                // a stored or pending S-CSCF name of a user nobody serves: forget it as well
                state.updateRegistration(impi, current -> current.serverName() == null
                        ? RegistrationRecord.notRegistered() : current);
            }
            DeregistrationOutcome outcome = new DeregistrationOutcome.NotRegistered();
            log("RTR", impi, outcome, false);
            return CompletableFuture.completedFuture(outcome);
        }
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest(impi, List.of(), publicIdentities,
                new DeregistrationReason(reason, reasonInfo));
        CompletableFuture<DeregistrationOutcome> sent = send(server, rtr, (answer, failure) -> {
            if (failure != null) {
                return new DeregistrationOutcome.Unreachable(server, failure);
            }
            if (answer.answer().result().isSuccess()) {
                return new DeregistrationOutcome.Deregistered(server, answer.replicaHost());
            }
            return new DeregistrationOutcome.Refused(server, answer.replicaHost(), answer.answer().result());
        });
        return sent.thenApplyAsync(outcome -> {
            if (outcome instanceof DeregistrationOutcome.Deregistered) {
                // only the assignment the RTR ended: a SAR that assigned another S-CSCF meanwhile stays
                state.updateRegistration(impi, current -> server.equals(current.serverName())
                        ? RegistrationRecord.notRegistered() : current);
            }
            log("RTR " + reason, impi, outcome, !(outcome instanceof DeregistrationOutcome.Deregistered));
            return outcome;
        }, storeExecutor);
    }

    /** Sends to the pool; {@code outcome} gets the answer, or the reason no replica answered. */
    private <A extends CxAnswer, O> CompletableFuture<O> send(
            String server, CxScscfRequest<A> request,
            BiFunction<CxPoolAnswer<A>, String, O> outcome) {
        CompletableFuture<CxPoolAnswer<A>> answer;
        try {
            answer = pool.sendToPool(server, request);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(outcome.apply(null, e.getMessage()));
        }
        return answer.handle((received, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return outcome.apply(null, cause.getMessage() != null ? cause.getMessage() : cause.toString());
            }
            return outcome.apply(received, null);
        });
    }

    private static void log(String command, String impi, Object outcome, boolean warn) {
        if (warn && !(outcome instanceof DeregistrationOutcome.NotRegistered)) {
            LOG.warn("{} for {}: {}", command, impi, outcome);
        } else {
            LOG.debug("{} for {}: {}", command, impi, outcome);
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
