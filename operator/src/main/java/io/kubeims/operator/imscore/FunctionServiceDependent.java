package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.PcscfSpec;
import io.kubeims.api.v1alpha1.imscore.SipServiceSpec;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;

import java.util.List;

/**
 * A function's Service: the pool name its peers use (never a pod). Every port the function listens on; the P-CSCF's
 * Service has the type of {@code spec.pcscf.sipService} (ClusterIP, NodePort, LoadBalancer) and its SIP ports on UDP
 * and TCP, the others are ClusterIP. One subclass per function.
 */
public abstract class FunctionServiceDependent extends CRUDKubernetesDependentResource<Service, ImsCore> {

    private final NetworkFunction function;

    protected FunctionServiceDependent(NetworkFunction function) {
        super(Service.class);
        this.function = function;
    }

    @Override
    protected Service desired(ImsCore core, Context<ImsCore> context) {
        CoreConfiguration configuration = DesiredCore.configuration(core);
        SipServiceSpec sip = sipService(core);
        String type = "ClusterIP";
        Integer nodePort = null;
        if (function == NetworkFunction.PCSCF) {
            type = switch (sip.effectiveType()) {
                case CLUSTER_IP -> "ClusterIP";
                case NODE_PORT -> "NodePort";
                case LOAD_BALANCER -> "LoadBalancer";
            };
            nodePort = sip.getNodePort();
        }
        Integer sipNodePort = nodePort;
        List<ServicePort> ports = configuration.function(function).ports().stream()
                .filter(port -> function != NetworkFunction.PCSCF || port.name().startsWith("sip"))
                .map(port -> servicePort(port, port.name().startsWith("sip") ? sipNodePort : null))
                .toList();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(configuration.names().serviceName(function))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.labels(configuration.names(), function))
                .endMetadata()
                .withNewSpec()
                .withType(type)
                .withSelector(configuration.names().selectorLabels(function))
                .withPorts(ports)
                .endSpec()
                .build();
    }

    private static ServicePort servicePort(FunctionPort port, Integer nodePort) {
        return new ServicePortBuilder().withName(port.name()).withProtocol(port.protocol().name())
                .withPort(port.port()).withTargetPort(new IntOrString(port.port())).withNodePort(nodePort).build();
    }

    private static SipServiceSpec sipService(ImsCore core) {
        PcscfSpec pcscf = core.getSpec().getPcscf();
        return pcscf == null || pcscf.getSipService() == null ? new SipServiceSpec() : pcscf.getSipService();
    }

    /** The HSS: Diameter 3868 and HTTP (provisioning API). */
    public static class Hss extends FunctionServiceDependent {
        public Hss() {
            super(NetworkFunction.HSS);
        }
    }

    /** The P-CSCF: SIP on UDP and TCP, exposed as the spec says. */
    public static class Pcscf extends FunctionServiceDependent {
        public Pcscf() {
            super(NetworkFunction.PCSCF);
        }
    }

    /** The I-CSCF pool. */
    public static class Icscf extends FunctionServiceDependent {
        public Icscf() {
            super(NetworkFunction.ICSCF);
        }
    }

    /** The S-CSCF pool: its Server-Name in the HSS. */
    public static class Scscf extends FunctionServiceDependent {
        public Scscf() {
            super(NetworkFunction.SCSCF);
        }
    }
}
