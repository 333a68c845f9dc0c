package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.imscore.FunctionReplicas;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.ImsCoreStatus;
import io.kubeims.config.ConfigurationWarning;
import io.kubeims.config.CoreNames;
import io.kubeims.config.NetworkFunction;
import io.kubeims.operator.common.ConditionWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The only writer of an ImsCore's status: conditions {@code Ready}, {@code Progressing} and {@code Degraded} (through
 * {@link ConditionWriter}, which keeps {@code lastTransitionTime} while a condition holds), ready replicas per
 * function, the P-CSCF address and {@code observedGeneration}. Never a secret value: only names and counts.
 */
final class ImsCoreStatusBuilder {

    static final String READY = "Ready";
    static final String PROGRESSING = "Progressing";
    static final String DEGRADED = "Degraded";

    static final String REASON_INVALID_SPEC = "InvalidSpec";
    static final String REASON_RECONCILE_ERROR = "ReconcileError";
    static final String REASON_ALL_READY = "AllFunctionsReady";
    static final String REASON_NOT_READY = "FunctionsNotReady";
    static final String REASON_SPEC_WARNINGS = "SpecWarnings";

    private static final List<NetworkFunction> ORDER = List.of(NetworkFunction.PCSCF, NetworkFunction.ICSCF,
            NetworkFunction.SCSCF, NetworkFunction.HSS);

    private final ConditionWriter conditions;

    ImsCoreStatusBuilder(ConditionWriter conditions) {
        this.conditions = conditions;
    }

    /** A spec no working core can be made of: nothing was changed in the cluster. */
    ImsCoreStatus invalidSpec(ImsCore core, String message) {
        ImsCoreStatus status = copyOf(core.getStatus());
        conditions.set(status, core, READY, false, REASON_INVALID_SPEC, message);
        conditions.set(status, core, PROGRESSING, false, REASON_INVALID_SPEC, "waiting for a corrected spec");
        conditions.set(status, core, DEGRADED, true, REASON_INVALID_SPEC, message);
        return status;
    }

    /** Reconciling the owned objects failed (e.g. the API server refused one). */
    ImsCoreStatus reconcileError(ImsCore core, String message) {
        ImsCoreStatus status = copyOf(core.getStatus());
        conditions.set(status, core, DEGRADED, true, REASON_RECONCILE_ERROR, message);
        if (ConditionWriter.find(status, READY) == null) {
            conditions.set(status, core, READY, false, REASON_RECONCILE_ERROR, message);
        }
        return status;
    }

    /**
     * The status after the owned objects were reconciled.
     *
     * @param deployments the function Deployments as observed (some may be missing right after creation)
     * @param pcscf       the P-CSCF Service as observed, or null
     * @param warnings    what core-config found questionable in the spec
     */
    ImsCoreStatus reconciled(ImsCore core, CoreNames names, Map<String, Deployment> deployments, Service pcscf,
            int pcscfPort, List<ConfigurationWarning> warnings) {
        ImsCoreStatus status = copyOf(core.getStatus());
        FunctionReplicas ready = new FunctionReplicas();
        List<String> waiting = new ArrayList<>();
        for (NetworkFunction function : ORDER) {
            Deployment deployment = deployments.get(names.deploymentName(function));
            int want = DesiredCore.functionSpec(core, function).effectiveReplicas();
            int have = readyReplicas(deployment);
            set(ready, function, have);
            if (have < want) {
                waiting.add(label(function) + " " + have + "/" + want);
            }
        }
        status.setReadyReplicas(ready);
        status.setPcscfAddress(pcscfAddress(names, pcscf, pcscfPort));
        if (waiting.isEmpty()) {
            conditions.set(status, core, READY, true, REASON_ALL_READY, "all functions have their replicas ready");
            conditions.set(status, core, PROGRESSING, false, REASON_ALL_READY, "nothing to roll out");
        } else {
            String message = "ready replicas: " + String.join(", ", waiting);
            conditions.set(status, core, READY, false, REASON_NOT_READY, message);
            conditions.set(status, core, PROGRESSING, true, REASON_NOT_READY, message);
        }
        if (warnings.isEmpty()) {
            conditions.set(status, core, DEGRADED, false, "AsSpecified", "the core runs as specified");
        } else {
            conditions.set(status, core, DEGRADED, true, REASON_SPEC_WARNINGS,
                    warnings.stream().map(ConfigurationWarning::toString).collect(Collectors.joining("; ")));
        }
        return status;
    }

    private static int readyReplicas(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null
                || deployment.getStatus().getReadyReplicas() == null) {
            return 0;
        }
        return deployment.getStatus().getReadyReplicas();
    }

    /**
     * Where UEs send SIP: the load balancer's address once it has one, else the Service's cluster DNS name (ClusterIP)
     * or {@code <node>:<nodePort>} (NodePort: any node's address).
     */
    private static String pcscfAddress(CoreNames names, Service service, int port) {
        if (service != null && service.getStatus() != null && service.getStatus().getLoadBalancer() != null
                && service.getStatus().getLoadBalancer().getIngress() != null) {
            for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
                String host = ingress.getIp() != null ? ingress.getIp() : ingress.getHostname();
                if (host != null) {
                    return host + ":" + port;
                }
            }
        }
        if (service != null && "NodePort".equals(service.getSpec().getType())) {
            Integer nodePort = service.getSpec().getPorts().stream().map(p -> p.getNodePort())
                    .filter(p -> p != null).findFirst().orElse(null);
            if (nodePort != null) {
                return "<node>:" + nodePort;
            }
        }
        return names.serviceHost(NetworkFunction.PCSCF) + ":" + port;
    }

    private static void set(FunctionReplicas replicas, NetworkFunction function, int value) {
        switch (function) {
            case HSS -> replicas.setHss(value);
            case PCSCF -> replicas.setPcscf(value);
            case ICSCF -> replicas.setIcscf(value);
            case SCSCF -> replicas.setScscf(value);
        }
    }

    static String label(NetworkFunction function) {
        return switch (function) {
            case HSS -> "HSS";
            case PCSCF -> "P-CSCF";
            case ICSCF -> "I-CSCF";
            case SCSCF -> "S-CSCF";
        };
    }

    /** Whether two statuses say the same (an unchanged status is not written again). */
    static boolean same(ImsCoreStatus a, ImsCoreStatus b) {
        return a != null && b != null && Serialization.asJson(a).equals(Serialization.asJson(b));
    }

    private static ImsCoreStatus copyOf(ImsCoreStatus status) {
        return status == null ? new ImsCoreStatus()
                : Serialization.unmarshal(Serialization.asJson(status), ImsCoreStatus.class);
    }
}
