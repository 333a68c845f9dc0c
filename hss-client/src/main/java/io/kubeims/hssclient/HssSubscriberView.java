package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;

import java.util.List;

/**
 * A subscriber as the HSS shows it on reads: everything but the credentials, of which only the scheme.
 *
 * @param privateIdentity       IMPI
 * @param publicIdentities      IMPUs, default identity first
 * @param barred                whether the whole subscription is barred
 * @param auth                  the scheme of the stored credentials
 * @param initialFilterCriteria the stored iFCs (IfcProfile JSON model)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HssSubscriberView(String privateIdentity, List<PublicIdentitySpec> publicIdentities, boolean barred,
        Auth auth, List<InitialFilterCriterionSpec> initialFilterCriteria) {

    public HssSubscriberView {
        publicIdentities = publicIdentities == null ? List.of() : List.copyOf(publicIdentities);
        initialFilterCriteria = initialFilterCriteria == null ? List.of() : List.copyOf(initialFilterCriteria);
    }

    /**
     * The readable part of the credentials.
     *
     * @param scheme AKAv1-MD5 or SIP-Digest
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Auth(AuthScheme scheme) {
    }
}
