package io.kubeims.operator.imscore;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
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
public class InfinispanCustomResourceDependent
        extends CRUDKubernetesDependentResource<InfinispanCluster, ImsCore> {

    public InfinispanCustomResourceDependent() {
        super(InfinispanCluster.class);
    }

    @Override
    protected InfinispanCluster desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        InfinispanCluster cluster = new InfinispanCluster();
        cluster.getMetadata().setName(names.infinispanServiceName());
        cluster.getMetadata().setNamespace(core.getMetadata().getNamespace());
        cluster.getMetadata().setLabels(DesiredCore.coreLabels(names, InfinispanStatefulSetDependent.COMPONENT));
        // the Data Grid service type: the caches are the functions' own (the Cache service type is deprecated)
        cluster.setSpec(Map.of(
                "replicas", DesiredCore.infinispanReplicas(core),
                "service", Map.of("type", "DataGrid"),
                "security", Map.of("endpointSecretName", names.infinispanCredentialsSecretName())));
        return cluster;
    }
}
