package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;
import io.kubeims.config.Placement;

/**
 * The headless Service of the operator-deployed Infinispan Server cluster: the StatefulSet's pod DNS names, JGroups
 * DNS discovery, and the Hot Rod address the functions use (Hot Rod clients learn the topology themselves).
 */
public class InfinispanServiceDependent extends CRUDKubernetesDependentResource<Service, ImsCore> {

    public InfinispanServiceDependent() {
        super(Service.class);
    }

    @Override
    protected Service desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(names.infinispanServiceName())
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.coreLabels(names, InfinispanStatefulSetDependent.COMPONENT))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                // JGroups must find members that are not ready yet: readiness needs the cluster view
                .withPublishNotReadyAddresses(true)
                .withSelector(InfinispanStatefulSetDependent.selector(names))
                .addNewPort().withName("hotrod").withProtocol("TCP").withPort(Placement.HOT_ROD_PORT)
                .withTargetPort(new IntOrString(Placement.HOT_ROD_PORT)).endPort()
                .endSpec()
                .build();
    }
}
