package io.kubeims.operator.subscriber;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberStatus;
import io.kubeims.hssclient.HssRegistration;
import io.kubeims.operator.common.ConditionWriter;
import io.kubeims.operator.hss.HssClients;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Reconciles a Subscriber into the HSS: the workflow's external dependent ({@link HssSubscriberDependentResource})
 * puts it (and deletes it behind the finalizer); this class then reads back the registration and writes the status.
 * A change of the referenced Secret or IfcProfile re-reconciles exactly the Subscribers naming it (informers on both,
 * mapped through indexes of the Subscriber cache), so nothing polls. Transient HSS failures are retried with a
 * growing, spread delay (no limit, capped at a minute); failures only a change can fix wait for that change;
 * unexpected exceptions get the SDK's own retry.
 */
@ControllerConfiguration(name = SubscriberReconciler.NAME)
@Workflow(dependents = @Dependent(type = HssSubscriberDependentResource.class))
@GradualRetry(maxAttempts = -1, initialInterval = 1_000, intervalMultiplier = 2.0, maxInterval = 60_000)
public class SubscriberReconciler implements Reconciler<Subscriber> {

    /** The controller's name (configuration keys {@code quarkus.operator-sdk.controllers.subscriber.*}). */
    public static final String NAME = "subscriber";

    private static final Logger LOG = Logger.getLogger(SubscriberReconciler.class);

    private final HssClients clients;
    private final SubscriberSettings settings;
    private final SubscriberStatusBuilder statusBuilder;

    SubscriberReconciler(HssClients clients, SubscriberSettings settings) {
        this.clients = clients;
        this.settings = settings;
        this.statusBuilder = new SubscriberStatusBuilder(new ConditionWriter(Clock.systemUTC()));
    }

    @Override
    public List<EventSource<?, Subscriber>> prepareEventSources(EventSourceContext<Subscriber> context) {
        context.getPrimaryCache().addIndexers(Map.of(
                SubscriberReferences.BY_SECRET, SubscriberReferences::secretIndexKeys,
                SubscriberReferences.BY_IFC_PROFILE, SubscriberReferences::ifcProfileIndexKeys));
        InformerEventSource<Secret, Subscriber> secrets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, Subscriber.class)
                        .withSecondaryToPrimaryMapper(secret -> referencing(context, SubscriberReferences.BY_SECRET,
                                secret.getMetadata().getNamespace(), secret.getMetadata().getName()))
                        // only a change of the keys matters, not of labels or annotations
                        .withOnUpdateFilter((Secret now, Secret before) ->
                                SubscriberReferences.credentialsChanged(before, now))
                        .withPrimaryToSecondaryMapper((Subscriber subscriber) ->
                                SubscriberReferences.secretOf(subscriber).map(Set::of).orElse(Set.of()))
                        .build(), context);
        InformerEventSource<IfcProfile, Subscriber> profiles = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(IfcProfile.class, Subscriber.class)
                        .withSecondaryToPrimaryMapper(profile -> referencing(context,
                                SubscriberReferences.BY_IFC_PROFILE, profile.getMetadata().getNamespace(),
                                profile.getMetadata().getName()))
                        // only a spec change (new generation): its status changes with every Subscriber counted, and
                        // passing those on would re-provision every Subscriber of the profile each time
                        .withOnUpdateFilter((IfcProfile now, IfcProfile before) -> !Objects.equals(
                                now.getMetadata().getGeneration(), before.getMetadata().getGeneration()))
                        .withPrimaryToSecondaryMapper((Subscriber subscriber) ->
                                SubscriberReferences.ifcProfileOf(subscriber).map(Set::of).orElse(Set.of()))
                        .build(), context);
        return List.of(secrets, profiles);
    }

    private static Set<ResourceID> referencing(EventSourceContext<Subscriber> context, String index,
            String namespace, String name) {
        return context.getPrimaryCache().byIndex(index, SubscriberReferences.key(namespace, name)).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    /** Runs after the workflow has put the subscriber into the HSS. */
    @Override
    public UpdateControl<Subscriber> reconcile(Subscriber subscriber, Context<Subscriber> context) throws Exception {
        HssRegistration registration = clients.forCore(subscriber.getMetadata().getNamespace(),
                subscriber.getSpec().getImsCore()).registration(subscriber.getSpec().getPrivateIdentity()).orElse(null);
        SubscriberStatus status = statusBuilder.provisioned(subscriber, registration);
        UpdateControl<Subscriber> control;
        if (subscriber.getStatus() != null && SubscriberStatusBuilder.same(subscriber.getStatus(), status)) {
            control = UpdateControl.noUpdate();
        } else {
            subscriber.setStatus(status);
            control = UpdateControl.patchStatus(subscriber);
        }
        Duration refresh = settings.statusRefresh();
        return refresh.isZero() ? control : control.rescheduleAfter(spread(refresh));
    }

    /**
     * Writes the Provisioned=False condition and decides what follows. Transient failures are rescheduled here
     * rather than left to the SDK's retry: the delay grows with the time the Subscriber has been failing (read from
     * the condition's transition time, so nothing is kept in memory), has a random spread so that many Subscribers
     * failing together do not come back in step, and no stack trace is logged per attempt.
     */
    @Override
    public ErrorStatusUpdateControl<Subscriber> updateErrorStatus(Subscriber subscriber, Context<Subscriber> context,
            Exception e) {
        ProvisioningFailure failure = ProvisioningFailure.of(e);
        Condition before = ConditionWriter.find(subscriber.getStatus(), SubscriberStatusBuilder.PROVISIONED);
        String id = subscriber.getMetadata().getNamespace() + "/" + subscriber.getMetadata().getName();
        boolean news = before == null || !ConditionWriter.FALSE.equals(before.getStatus())
                || !failure.reason().equals(before.getReason());
        if (news) {
            LOG.infof("Subscriber %s not provisioned (%s): %s", id, failure.reason(), failure.message());
        } else {
            LOG.debugf("Subscriber %s still not provisioned (%s): %s", id, failure.reason(), failure.message());
        }
        subscriber.setStatus(statusBuilder.notProvisioned(subscriber, failure));
        ErrorStatusUpdateControl<Subscriber> control = ErrorStatusUpdateControl.patchStatus(subscriber);
        return switch (failure.handling()) {
            case RETRY -> control.withNoRetry().rescheduleAfter(spread(retryDelay(before)));
            case AWAIT_CHANGE -> control.withNoRetry();
            case RECHECK_LATER -> control.withNoRetry().rescheduleAfter(spread(settings.conflictRecheck()));
            case UNEXPECTED -> control;
        };
    }

    /** As long as the Subscriber has been failing, within the configured initial and maximum delay. */
    private Duration retryDelay(Condition before) {
        Duration failing = Duration.ZERO;
        if (before != null && ConditionWriter.FALSE.equals(before.getStatus())
                && before.getLastTransitionTime() != null) {
            try {
                failing = Duration.between(Instant.parse(before.getLastTransitionTime()), Instant.now());
            } catch (DateTimeParseException notOurs) {
                // written by someone else: start over
            }
        }
        Duration delay = failing.compareTo(settings.retryInitialDelay()) < 0 ? settings.retryInitialDelay() : failing;
        return delay.compareTo(settings.retryMaxDelay()) > 0 ? settings.retryMaxDelay() : delay;
    }

    /** {@code interval} plus up to 20% more at random, so Subscribers reconciled together spread out again. */
    private static Duration spread(Duration interval) {
        long millis = interval.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }
}
