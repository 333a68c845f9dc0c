package io.kubeims.operator.subscriber;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberSpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Subscriber refers to by name in its own namespace: its credentials Secret and its IfcProfile. The same
 * functions feed the primary-cache indexes (Secret/IfcProfile -> the Subscribers naming it, so a change reaches
 * exactly those) and the lookups from a Subscriber to its references.
 */
final class SubscriberReferences {

    /** Index of the Subscriber cache: {@code namespace/secret} -> Subscribers. */
    static final String BY_SECRET = "subscribers-by-secret";
    /** Index of the Subscriber cache: {@code namespace/ifcProfile} -> Subscribers. */
    static final String BY_IFC_PROFILE = "subscribers-by-ifc-profile";

    private SubscriberReferences() {
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    static Optional<ResourceID> secretOf(Subscriber subscriber) {
        SubscriberSpec spec = subscriber.getSpec();
        if (spec == null || spec.getAuth() == null || spec.getAuth().getSecretRef() == null
                || spec.getAuth().getSecretRef().getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new ResourceID(spec.getAuth().getSecretRef().getName(),
                subscriber.getMetadata().getNamespace()));
    }

    static Optional<ResourceID> ifcProfileOf(Subscriber subscriber) {
        SubscriberSpec spec = subscriber.getSpec();
        if (spec == null || spec.getIfcProfile() == null) {
            return Optional.empty();
        }
        return Optional.of(new ResourceID(spec.getIfcProfile(), subscriber.getMetadata().getNamespace()));
    }

    static List<String> secretIndexKeys(Subscriber subscriber) {
        return secretOf(subscriber).map(id -> List.of(key(id))).orElse(List.of());
    }

    static List<String> ifcProfileIndexKeys(Subscriber subscriber) {
        return ifcProfileOf(subscriber).map(id -> List.of(key(id))).orElse(List.of());
    }

    /** Whether a Secret's content changed (its keys or type), rather than only its metadata. */
    static boolean credentialsChanged(Secret before, Secret now) {
        return !Objects.equals(before.getData(), now.getData())
                || !Objects.equals(before.getStringData(), now.getStringData())
                || !Objects.equals(before.getType(), now.getType());
    }

    static String key(ResourceID id) {
        return key(id.getNamespace().orElse(""), id.getName());
    }
}
