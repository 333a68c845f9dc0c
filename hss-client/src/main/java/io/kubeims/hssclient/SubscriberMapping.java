package io.kubeims.hssclient;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileMapping;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileSpec;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberSpec;
import io.kubeims.protocol.ifc.InvalidIfcException;

import java.util.List;
import java.util.Objects;

/**
 * Maps a {@code Subscriber} resource, its credentials Secret and its {@code IfcProfile} to the body the HSS
 * provisioning API takes. Pure: no I/O, the caller has resolved the references.
 */
public final class SubscriberMapping {

    private SubscriberMapping() {
    }

    /**
     * @param subscriber the Subscriber resource
     * @param secret     the Secret named by {@code spec.auth.secretRef}
     * @param profile    the IfcProfile named by {@code spec.ifcProfile}, or null when the spec names none
     * @throws InvalidCredentialsSecretException naming the Secret and key when the credentials are unusable
     * @throws InvalidIfcProfileException        naming the profile and spec path when its iFCs are invalid
     * @throws IllegalArgumentException          if the spec lacks its auth, or {@code profile} is not the profile
     *                                           the spec names
     */
    public static HssSubscriber toHss(Subscriber subscriber, Secret secret, IfcProfile profile) {
        SubscriberSpec spec = subscriber.getSpec();
        if (spec == null || spec.getAuth() == null || spec.getAuth().getScheme() == null) {
            throw new IllegalArgumentException("Subscriber " + subscriber.getMetadata().getName()
                    + " has no spec.auth.scheme");
        }
        String profileName = spec.getIfcProfile();
        String given = profile == null ? null : profile.getMetadata().getName();
        if (!Objects.equals(profileName, given)) {
            throw new IllegalArgumentException("Subscriber " + subscriber.getMetadata().getName() + " names IfcProfile "
                    + profileName + " but " + given + " was given");
        }
        HssCredentials credentials = CredentialsSecret.read(spec.getAuth().getScheme(), secret);
        return new HssSubscriber(spec.getPrivateIdentity(), spec.getPublicIdentities(), spec.isBarredSubscription(),
                credentials, profile == null ? List.of() : initialFilterCriteria(profile));
    }

    /**
     * The iFCs of a profile, checked as the HSS checks them (TS 29.228 model of ims-protocol).
     *
     * @throws InvalidIfcProfileException naming the profile and the spec path of the first problem
     */
    public static List<InitialFilterCriterionSpec> initialFilterCriteria(IfcProfile profile) {
        IfcProfileSpec spec = profile.getSpec();
        String name = profile.getMetadata().getName();
        if (spec == null || spec.getInitialFilterCriteria().isEmpty()) {
            throw new InvalidIfcProfileException(name,
                    new IllegalArgumentException("spec.initialFilterCriteria: at least one iFC is required"));
        }
        try {
            IfcProfileMapping.toModel(spec);
        } catch (InvalidIfcException e) {
            throw new InvalidIfcProfileException(name, e);
        }
        return spec.getInitialFilterCriteria();
    }
}
