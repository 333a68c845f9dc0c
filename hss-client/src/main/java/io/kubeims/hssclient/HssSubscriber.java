package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;

import java.util.List;
import java.util.Objects;

/**
 * A whole subscriber as {@code PUT /api/v1/subscribers/{impi}} of the HSS provisioning API takes it: identities,
 * barring, credentials and iFCs (the IfcProfile JSON model). {@code toString()} redacts the credentials.
 *
 * @param privateIdentity       IMPI, also the path of the request
 * @param publicIdentities      IMPUs of the implicit registration set, default identity first
 * @param barred                whether the whole subscription is barred
 * @param auth                  the credentials
 * @param initialFilterCriteria the iFCs, empty when the subscriber has no profile
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HssSubscriber(String privateIdentity, List<PublicIdentitySpec> publicIdentities, boolean barred,
        @JsonProperty("auth") HssCredentials auth, List<InitialFilterCriterionSpec> initialFilterCriteria) {

    public HssSubscriber {
        Objects.requireNonNull(privateIdentity, "privateIdentity");
        Objects.requireNonNull(auth, "auth");
        publicIdentities = List.copyOf(publicIdentities);
        initialFilterCriteria = List.copyOf(initialFilterCriteria);
    }

    @Override
    public String toString() {
        return "HssSubscriber[privateIdentity=" + privateIdentity + ", publicIdentities="
                + publicIdentities.stream().map(PublicIdentitySpec::getIdentity).toList() + ", barred=" + barred
                + ", auth=" + auth + ", initialFilterCriteria=" + initialFilterCriteria.size() + "]";
    }
}
