package io.kubeims.operator.subscriber;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.AbstractDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.DeleteResult;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.HssProvisioningException;
import io.kubeims.hssclient.PutResult;
import io.kubeims.hssclient.SubscriberMapping;
import io.kubeims.operator.hss.HssClients;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * The subscriber in the HSS, an external dependent of the Subscriber resource: desired state from the resource, its
 * Secret and its IfcProfile; created or replaced by an idempotent PUT on every reconciliation; deleted on the
 * resource's deletion (the finalizer), upon which the HSS de-registers it (RTR).
 *
 * <p>There is deliberately no "actual" state to compare with: the HSS never returns credentials, so an unchanged
 * subscriber cannot be told apart from one whose keys changed. The PUT is cheap and a no-op in the HSS when nothing
 * changed (no PPR either), so every reconciliation sends it; reconciliations only happen on changes of the
 * Subscriber, its Secret or its IfcProfile, and on retries.
 */
@Singleton
public class HssSubscriberDependentResource extends AbstractDependentResource<HssSubscription, Subscriber>
        implements Creator<HssSubscription, Subscriber>, Deleter<Subscriber> {

    private static final Logger LOG = Logger.getLogger(HssSubscriberDependentResource.class);

    private final HssClients clients;

    HssSubscriberDependentResource(HssClients clients) {
        this.clients = clients;
    }

    /**
     * @throws UnresolvedReferenceException if the Secret or IfcProfile does not exist
     * @throws io.kubeims.hssclient.InvalidCredentialsSecretException if the Secret lacks a key or holds a bad value
     * @throws io.kubeims.hssclient.InvalidIfcProfileException        if the IfcProfile's iFCs are invalid
     */
    @Override
    protected HssSubscription desired(Subscriber subscriber, Context<Subscriber> context) {
        Secret secret = context.getSecondaryResource(Secret.class)
                .orElseThrow(() -> new UnresolvedReferenceException("Secret",
                        subscriber.getSpec().getAuth().getSecretRef().getName(), "spec.auth.secretRef"));
        IfcProfile profile = null;
        if (subscriber.getSpec().getIfcProfile() != null) {
            profile = context.getSecondaryResource(IfcProfile.class)
                    .orElseThrow(() -> new UnresolvedReferenceException("IfcProfile",
                            subscriber.getSpec().getIfcProfile(), "spec.ifcProfile"));
        }
        return new HssSubscription(SubscriberMapping.toHss(subscriber, secret, profile));
    }

    @Override
    public HssSubscription create(HssSubscription desired, Subscriber subscriber, Context<Subscriber> context) {
        try {
            PutResult result = client(subscriber).put(desired.body());
            LOG.debugf("Subscriber %s/%s: %s %s in the HSS", subscriber.getMetadata().getNamespace(),
                    subscriber.getMetadata().getName(), desired.body().privateIdentity(),
                    result.created() ? "created" : "replaced");
            return desired;
        } catch (HssProvisioningException e) {
            throw new HssCallFailedException(e);
        }
    }

    @Override
    public void delete(Subscriber subscriber, Context<Subscriber> context) {
        String impi = subscriber.getSpec().getPrivateIdentity();
        try {
            DeleteResult result = client(subscriber).delete(impi);
            LOG.debugf("Subscriber %s/%s deleted: %s %s in the HSS", subscriber.getMetadata().getNamespace(),
                    subscriber.getMetadata().getName(), impi, result == DeleteResult.DELETED ? "deleted" : "absent");
        } catch (HssProvisioningException e) {
            // Thrown on: JOSDK retries the cleanup and the finalizer stays until the HSS has forgotten the subscriber.
            throw new HssCallFailedException(e);
        }
    }

    private HssProvisioningClient client(Subscriber subscriber) {
        return clients.forCore(subscriber.getMetadata().getNamespace(), subscriber.getSpec().getImsCore());
    }

    /** None: see the class comment. */
    @Override
    public Optional<HssSubscription> getSecondaryResource(Subscriber primary, Context<Subscriber> context) {
        return Optional.empty();
    }

    @Override
    public Matcher.Result<HssSubscription> match(HssSubscription actual, Subscriber primary,
            Context<Subscriber> context) {
        return Matcher.Result.nonComputed(false);
    }

    @Override
    protected Optional<HssSubscription> selectTargetSecondaryResource(Set<HssSubscription> secondaryResources,
            Subscriber primary, Context<Subscriber> context) {
        return Optional.empty();
    }

    @Override
    protected void onCreated(Subscriber primary, HssSubscription created, Context<Subscriber> context) {
        // nothing cached: the HSS is the only copy
    }

    @Override
    protected void onUpdated(Subscriber primary, HssSubscription updated, HssSubscription actual,
            Context<Subscriber> context) {
        // never called: there is no actual state to update from
    }

    @Override
    public Class<HssSubscription> resourceType() {
        return HssSubscription.class;
    }
}
