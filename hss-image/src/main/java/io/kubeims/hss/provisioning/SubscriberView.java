package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileMapping;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.hss.subscriber.Subscriber;

import java.util.List;

/**
 * A provisioned subscriber as the API shows it: everything but the credentials, of which only the scheme appears.
 *
 * @param privateIdentity       IMPI
 * @param publicIdentities      IMPUs, default identity first
 * @param barred                whether the whole subscription is barred
 * @param auth                  the authentication scheme only
 * @param initialFilterCriteria the iFCs in the IfcProfile JSON model
 */
public record SubscriberView(String privateIdentity, List<PublicIdentitySpec> publicIdentities, boolean barred,
        Auth auth, List<InitialFilterCriterionSpec> initialFilterCriteria) {

    /**
     * The readable part of the credentials.
     *
     * @param scheme AKAv1-MD5 or SIP-Digest
     */
    public record Auth(AuthScheme scheme) {
    }

    static SubscriberView of(Subscriber subscriber) {
        return new SubscriberView(subscriber.privateIdentity(),
                PublicIdentityMapping.toSpecs(subscriber.publicIdentities()), subscriber.barred(),
                new Auth(CredentialsRequest.schemeOf(subscriber.credentials())),
                IfcProfileMapping.fromModel(subscriber.initialFilterCriteria()).getInitialFilterCriteria());
    }
}
