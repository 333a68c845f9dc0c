package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;
import io.kubeims.config.Placement;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;

/**
 * The Infinispan Server cluster of {@code spec.registrationStore.type: infinispan}: a StatefulSet of
 * {@code infinispanReplicas} servers finding each other by DNS on the headless Service (JGroups' kubernetes stack),
 * with the generated credentials; the functions reach it over Hot Rod.
 */
public class InfinispanStatefulSetDependent extends CRUDKubernetesDependentResource<StatefulSet, ImsCore> {

    static final String COMPONENT = "infinispan";

    public InfinispanStatefulSetDependent() {
        super(StatefulSet.class);
    }

    static Map<String, String> selector(CoreNames names) {
        return Map.of("app.kubernetes.io/name", "kube-ims", "app.kubernetes.io/instance", names.coreName(),
                "app.kubernetes.io/component", COMPONENT);
    }

    @Override
    protected StatefulSet desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        String credentials = names.infinispanCredentialsSecretName();
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName(names.infinispanServiceName())
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.coreLabels(names, COMPONENT))
                .endMetadata()
                .withNewSpec()
                .withReplicas(DesiredCore.infinispanReplicas(core))
                .withServiceName(names.infinispanServiceName())
                .withPodManagementPolicy("Parallel")
                .withNewSelector().withMatchLabels(selector(names)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(DesiredCore.coreLabels(names, COMPONENT)).endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(COMPONENT)
                .withImage(ConfigProvider.getConfig().getValue("kubeims.operator.images.infinispan", String.class))
                .withArgs("--cluster-stack=kubernetes", "-Djgroups.dns.query=" + names.infinispanHost())
                .addNewEnv().withName("USER").withNewValueFrom().withNewSecretKeyRef().withName(credentials)
                .withKey("username").endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("PASS").withNewValueFrom().withNewSecretKeyRef().withName(credentials)
                .withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                .addNewPort().withName("hotrod").withProtocol("TCP").withContainerPort(Placement.HOT_ROD_PORT)
                .endPort()
                .addNewPort().withName("jgroups").withProtocol("TCP").withContainerPort(7800).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/rest/v2/container/health/status")
                .withPort(new IntOrString(Placement.HOT_ROD_PORT)).endHttpGet().withPeriodSeconds(10)
                .endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/rest/v2/container/health/status")
                .withPort(new IntOrString(Placement.HOT_ROD_PORT)).endHttpGet().withPeriodSeconds(10)
                .withFailureThreshold(5).withInitialDelaySeconds(30).endLivenessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
