package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.CoreNames;
import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;

import java.util.ArrayList;
import java.util.List;

/**
 * A function's NetworkPolicy (ingress only): the P-CSCF takes SIP from anywhere (the Gm interface); the I-CSCF and
 * S-CSCF take traffic only from the core's own pods; the HSS's Diameter port only from the core's CSCFs and its HTTP
 * port (the provisioning API) only from the operator. Every function's HTTP port stays open to the core's pods
 * (metrics scraping by the kubelet is not subject to NetworkPolicies). One subclass per function.
 */
public abstract class FunctionNetworkPolicyDependent extends CRUDKubernetesDependentResource<NetworkPolicy, ImsCore> {

    /** The label of the operator's own pods (the Helm chart and the kustomize base set it). */
    static final String OPERATOR_POD_LABEL = "app.kubernetes.io/name";

    private final NetworkFunction function;

    protected FunctionNetworkPolicyDependent(NetworkFunction function) {
        super(NetworkPolicy.class);
        this.function = function;
    }

    @Override
    protected NetworkPolicy desired(ImsCore core, Context<ImsCore> context) {
        CoreConfiguration configuration = DesiredCore.configuration(core);
        CoreNames names = configuration.names();
        List<FunctionPort> ports = configuration.function(function).ports();
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        switch (function) {
            case PCSCF -> rules.add(rule(ports(ports, "sip"), List.of()));
            case ICSCF, SCSCF -> rules.add(rule(ports(ports, "sip", "diameter"), List.of(corePods(names))));
            case HSS -> {
                rules.add(rule(ports(ports, "diameter"), List.of(cscfPods(names))));
                rules.add(rule(List.of(port(FunctionPort.Protocol.TCP, Placement.Kubernetes.HTTP_PORT)),
                        List.of(operatorPods())));
            }
        }
        if (function != NetworkFunction.HSS) {
            rules.add(rule(List.of(port(FunctionPort.Protocol.TCP, Placement.Kubernetes.HTTP_PORT)),
                    List.of(corePods(names))));
        }
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(names.deploymentName(function))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.labels(names, function))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(names.selectorLabels(function)).endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
    }

    private static NetworkPolicyIngressRule rule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> from) {
        return new NetworkPolicyIngressRuleBuilder().withPorts(ports).withFrom(from).build();
    }

    private static List<NetworkPolicyPort> ports(List<FunctionPort> ports, String... prefixes) {
        return ports.stream().filter(p -> java.util.Arrays.stream(prefixes).anyMatch(p.name()::startsWith))
                .map(p -> port(p.protocol(), p.port())).toList();
    }

    private static NetworkPolicyPort port(FunctionPort.Protocol protocol, int port) {
        return new NetworkPolicyPortBuilder().withProtocol(protocol.name()).withPort(new IntOrString(port)).build();
    }

    /** Any pod of this core. */
    private static NetworkPolicyPeer corePods(CoreNames names) {
        return new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder()
                .addToMatchLabels("app.kubernetes.io/name", "kube-ims")
                .addToMatchLabels("app.kubernetes.io/instance", names.coreName()).build()).build();
    }

    /** The I-CSCF and S-CSCF pods of this core (the P-CSCF speaks no Diameter). */
    private static NetworkPolicyPeer cscfPods(CoreNames names) {
        LabelSelector selector = new LabelSelectorBuilder()
                .addToMatchLabels("app.kubernetes.io/name", "kube-ims")
                .addToMatchLabels("app.kubernetes.io/instance", names.coreName())
                .addNewMatchExpression().withKey("app.kubernetes.io/component").withOperator("In")
                .withValues(NetworkFunction.ICSCF.id(), NetworkFunction.SCSCF.id()).endMatchExpression()
                .build();
        return new NetworkPolicyPeerBuilder().withPodSelector(selector).build();
    }

    /** The operator's pods, in whatever namespace it runs. */
    private static NetworkPolicyPeer operatorPods() {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelector())
                .withPodSelector(new LabelSelectorBuilder().addToMatchLabels(OPERATOR_POD_LABEL,
                        DesiredCore.OPERATOR).build())
                .build();
    }

    /** The HSS. */
    public static class Hss extends FunctionNetworkPolicyDependent {
        public Hss() {
            super(NetworkFunction.HSS);
        }
    }

    /** The P-CSCF. */
    public static class Pcscf extends FunctionNetworkPolicyDependent {
        public Pcscf() {
            super(NetworkFunction.PCSCF);
        }
    }

    /** The I-CSCF. */
    public static class Icscf extends FunctionNetworkPolicyDependent {
        public Icscf() {
            super(NetworkFunction.ICSCF);
        }
    }

    /** The S-CSCF. */
    public static class Scscf extends FunctionNetworkPolicyDependent {
        public Scscf() {
            super(NetworkFunction.SCSCF);
        }
    }
}
