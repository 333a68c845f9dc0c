package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GroupVersionKindPlural;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;

import java.util.Map;

/**
 * The Infinispan cluster of {@code spec.registrationStore.type: infinispan} when the Infinispan Operator is installed:
 * an {@code Infinispan} CR (infinispan.org/v1) named like the StatefulSet the operator would deploy otherwise. The
 * Infinispan Operator creates a Service of the CR's name with Hot Rod on 11222, so the functions' Hot Rod address
 * ({@link CoreNames#infinispanHost()}) is the same either way; the endpoint Secret is the generated credentials
 * Secret (its {@code identities.yaml} key).
 */
public class InfinispanCustomResourceDependent extends GenericKubernetesDependentResource<ImsCore>
        implements Creator<GenericKubernetesResource, ImsCore>, Updater<GenericKubernetesResource, ImsCore>,
        GarbageCollected<ImsCore> {

    static final String API_VERSION = "infinispan.org/v1";
    static final String KIND = "Infinispan";

    public InfinispanCustomResourceDependent() {
        // the plural given, so no API discovery is needed
        super(GroupVersionKindPlural.gvkWithPlural(new GroupVersionKind("infinispan.org", "v1", KIND),
                "infinispans"));
    }

    @Override
    protected GenericKubernetesResource desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        // the Data Grid service type: the caches are the functions' own (Cache service is deprecated)
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withNewMetadata()
                .withName(names.infinispanServiceName())
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.coreLabels(names, InfinispanStatefulSetDependent.COMPONENT))
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of(
                        "replicas", DesiredCore.infinispanReplicas(core),
                        "service", Map.of("type", "DataGrid"),
                        "security", Map.of("endpointSecretName", names.infinispanCredentialsSecretName()))))
                .build();
    }
}
