package io.kubeims.operator.testing;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;
import io.kubeims.api.v1alpha1.common.SecretReference;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.AuthSpec;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resources as tests put them on the mock API server. */
public final class ClusterFixtures {

    private ClusterFixtures() {
    }

    /**
     * The Secret as the API server stores it: {@code stringData} merged into base64 {@code data} (the mock server
     * keeps what it is given, a real one converts).
     */
    public static Secret asStored(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>(secret.getData() == null ? Map.of() : secret.getData());
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((key, value) -> data.put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return new SecretBuilder(secret).withStringData(null).withData(data).build();
    }

    /** A Secret with these keys, stored as the API server would. */
    public static Secret secret(String name, Map<String, String> values) {
        return asStored(new SecretBuilder().withNewMetadata().withName(name).endMetadata().withType("Opaque")
                .withStringData(values).build());
    }

    /**
     * A SIP Digest Subscriber {@code user@ims.example.com} with one identity {@code sip:user@ims.example.com}, its
     * credentials in Secret {@code secret}, and the profile {@code ifcProfile} (or none).
     */
    public static Subscriber digestSubscriber(String user, String secret, String ifcProfile) {
        Subscriber subscriber = new Subscriber();
        subscriber.getMetadata().setName(user);
        SubscriberSpec spec = new SubscriberSpec();
        spec.setImsCore("ims-lab");
        spec.setPrivateIdentity(user + "@ims.example.com");
        spec.setPublicIdentities(List.of(new PublicIdentitySpec("sip:" + user + "@ims.example.com")));
        AuthSpec auth = new AuthSpec();
        auth.setScheme(AuthScheme.SIP_DIGEST);
        auth.setSecretRef(new SecretReference(secret));
        spec.setAuth(auth);
        spec.setIfcProfile(ifcProfile);
        subscriber.setSpec(spec);
        return subscriber;
    }

    /** The condition of {@code type} on the resource's status, or null. */
    public static Condition condition(ConditionedStatus status, String type) {
        if (status == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** Creates or replaces {@code secret} in the client's namespace. */
    public static void apply(KubernetesClient client, Secret secret) {
        client.secrets().resource(secret).createOr(NonDeletingOperation::update);
    }

    /** The Infinispan Operator's {@code Infinispan} resource (infinispan.org/v1, plural infinispans). */
    public static final ResourceDefinitionContext INFINISPANS = new ResourceDefinitionContext.Builder()
            .withGroup("infinispan.org").withVersion("v1").withKind("Infinispan").withPlural("infinispans")
            .withNamespaced(true).build();

    /** A minimal CustomResourceDefinition of the Infinispan Operator's {@code Infinispan} (infinispan.org/v1). */
    public static CustomResourceDefinition infinispanOperatorCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("infinispans.infinispan.org").endMetadata()
                .withNewSpec()
                .withGroup("infinispan.org")
                .withScope("Namespaced")
                .withNewNames().withKind("Infinispan").withListKind("InfinispanList").withPlural("infinispans")
                .withSingular("infinispan").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
                .endVersion()
                .endSpec()
                .build();
    }

}
