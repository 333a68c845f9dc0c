package io.kubeims.operator.ifcprofile;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileStatus;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.InvalidIfcProfileException;
import io.kubeims.hssclient.SubscriberMapping;
import io.kubeims.operator.common.ConditionWriter;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Validates an IfcProfile as the HSS would (regexes compile, priorities unique, one condition per SPT) and counts
 * the Subscribers naming it. Putting a changed profile into the HSS is the Subscriber reconciler's part: it watches
 * IfcProfiles and re-provisions the Subscribers using the one that changed (the HSS then sends PPR to registered
 * ones).
 *
 * <p>Subscribers are watched here for the count. A Subscriber moving from profile A to B notifies B only (the
 * informer maps the new state); A's count catches up at its next event or within the maximum reconciliation
 * interval.
 */
@ControllerConfiguration(name = IfcProfileReconciler.NAME,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
// thousands of Subscribers created at once would otherwise rewrite the count thousands of times
@RateLimited(maxReconciliations = 2, within = 1)
public class IfcProfileReconciler implements Reconciler<IfcProfile> {

    /** The controller's name (configuration keys {@code quarkus.operator-sdk.controllers.ifcprofile.*}). */
    public static final String NAME = "ifcprofile";

    private final IfcProfileStatusBuilder statusBuilder =
            new IfcProfileStatusBuilder(new ConditionWriter(Clock.systemUTC()));

    @Override
    public List<EventSource<?, IfcProfile>> prepareEventSources(EventSourceContext<IfcProfile> context) {
        InformerEventSource<Subscriber, IfcProfile> subscribers = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Subscriber.class, IfcProfile.class)
                        .withSecondaryToPrimaryMapper(subscriber -> subscriber.getSpec() == null
                                || subscriber.getSpec().getIfcProfile() == null ? Set.of()
                                : Set.of(new ResourceID(subscriber.getSpec().getIfcProfile(),
                                        subscriber.getMetadata().getNamespace())))
                        // added and deleted Subscribers count, and one naming another profile; status changes do not
                        .withOnUpdateFilter((Subscriber now, Subscriber before) ->
                                !Objects.equals(profileOf(now), profileOf(before)))
                        .build(), context);
        return List.of(subscribers);
    }

    private static String profileOf(Subscriber subscriber) {
        return subscriber.getSpec() == null ? null : subscriber.getSpec().getIfcProfile();
    }

    @Override
    public UpdateControl<IfcProfile> reconcile(IfcProfile profile, Context<IfcProfile> context) {
        InvalidIfcProfileException problem = null;
        try {
            SubscriberMapping.initialFilterCriteria(profile);
        } catch (InvalidIfcProfileException e) {
            problem = e;
        }
        String name = profile.getMetadata().getName();
        // The index may still list a Subscriber that has since moved to another profile: count what names this one.
        int using = (int) context.getSecondaryResourcesAsStream(Subscriber.class)
                .filter(s -> s.getSpec() != null && Objects.equals(name, s.getSpec().getIfcProfile())).count();
        IfcProfileStatus status = statusBuilder.build(profile, problem, using);
        if (profile.getStatus() != null && IfcProfileStatusBuilder.same(profile.getStatus(), status)) {
            return UpdateControl.noUpdate();
        }
        profile.setStatus(status);
        return UpdateControl.patchStatus(profile);
    }
}
