package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.hss.subscriber.Subscriber;

import java.util.List;

/**
 * The body of {@code .../public-identities}: a subscriber's implicit registration set, default identity first.
 *
 * @param publicIdentities identities in the Subscriber CRD model (identity, barred, displayName)
 */
public record PublicIdentityList(List<PublicIdentitySpec> publicIdentities) {

    static PublicIdentityList of(Subscriber subscriber) {
        return new PublicIdentityList(PublicIdentityMapping.toSpecs(subscriber.publicIdentities()));
    }
}
