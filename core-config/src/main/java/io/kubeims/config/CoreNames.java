package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one source of names derived from an {@link ImsCore} (as Strimzi's {@code KafkaResources}): Kubernetes object
 * names per network function, their in-cluster DNS names, SIP pool URIs and cache prefixes. Every function lives in
 * the ImsCore's own namespace (owner references cannot cross namespaces).
 *
 * @param coreName      {@code metadata.name} of the ImsCore
 * @param namespace     its namespace ({@code default} when a local manifest names none)
 * @param clusterDomain the cluster's DNS domain, {@code cluster.local} unless the cluster says otherwise
 */
public record CoreNames(String coreName, String namespace, String clusterDomain) {

    /** The usual Kubernetes cluster domain. */
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    /** The namespace a manifest without one lands in. */
    public static final String DEFAULT_NAMESPACE = "default";

    /** The longest suffix appended to the core name for a Service name (RFC 1035 labels: 63 characters). */
    private static final String LONGEST_SERVICE_SUFFIX = "-infinispan";
    static final int MAX_CORE_NAME = 63 - LONGEST_SERVICE_SUFFIX.length();
    /** RFC 1035 label, as Kubernetes requires of Service names: a letter first. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    /** RFC 1123 label, as Kubernetes requires of namespace names. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");

    /**
     * Validates the names.
     *
     * @throws InvalidImsCoreException     naming {@code metadata.name} or {@code metadata.namespace}
     * @throws InvalidPlacementException naming {@code clusterDomain}
     */
    public CoreNames {
        if (coreName == null || coreName.isEmpty()) {
            throw new InvalidImsCoreException("metadata.name", "is required");
        }
        if (!DNS_LABEL.matcher(coreName).matches() || coreName.length() > MAX_CORE_NAME) {
            throw new InvalidImsCoreException("metadata.name", "'" + coreName + "' must be a DNS label of at most "
                    + MAX_CORE_NAME + " characters (lower-case letters, digits, '-', a letter first): the names of"
                    + " the core's Services are made of it (e.g. " + coreName + LONGEST_SERVICE_SUFFIX + ")");
        }
        if (namespace == null || namespace.isEmpty()) {
            throw new InvalidImsCoreException("metadata.namespace", "is required");
        }
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new InvalidImsCoreException("metadata.namespace", "'" + namespace + "' is not a namespace name");
        }
        if (clusterDomain == null || !DOMAIN.matcher(clusterDomain).matches()) {
            throw new InvalidPlacementException("clusterDomain", "'" + clusterDomain + "' is not a DNS domain");
        }
    }

    /** The names of {@code core} in its namespace ({@code default} when it has none) and {@code cluster.local}. */
    public static CoreNames of(ImsCore core) {
        return of(core, DEFAULT_CLUSTER_DOMAIN);
    }

    /** The names of {@code core} in its namespace ({@code default} when it has none) and the given cluster domain. */
    public static CoreNames of(ImsCore core, String clusterDomain) {
        if (core == null || core.getMetadata() == null) {
            throw new InvalidImsCoreException("metadata", "is required");
        }
        String namespace = core.getMetadata().getNamespace();
        return new CoreNames(core.getMetadata().getName(), namespace == null ? DEFAULT_NAMESPACE : namespace,
                clusterDomain);
    }

    /** Service of a function, e.g. {@code ims-lab-scscf}: the pool of its replicas. */
    public String serviceName(NetworkFunction function) {
        return coreName + "-" + function.id();
    }

    /** Deployment of a function, e.g. {@code ims-lab-scscf}. */
    public String deploymentName(NetworkFunction function) {
        return coreName + "-" + function.id();
    }

    /** ConfigMap holding a function's {@code application.properties}, e.g. {@code ims-lab-scscf-config}. */
    public String configMapName(NetworkFunction function) {
        return coreName + "-" + function.id() + "-config";
    }

    /** In-cluster DNS name of a function's Service, e.g. {@code ims-lab-scscf.telco.svc.cluster.local}. */
    public String serviceHost(NetworkFunction function) {
        return serviceName(function) + "." + namespace + ".svc." + clusterDomain;
    }

    /**
     * The SIP URI naming a function's pool of replicas, e.g. {@code sip:ims-lab-scscf.telco.svc.cluster.local:6060}:
     * the S-CSCF's Server-Name in the HSS and the I-CSCF, never a pod.
     */
    public String sipPoolUri(NetworkFunction function, int port) {
        return "sip:" + serviceHost(function) + ":" + port;
    }

    /** Service (and StatefulSet) of the Infinispan Server cluster the operator deploys, {@code <core>-infinispan}. */
    public String infinispanServiceName() {
        return coreName + "-infinispan";
    }

    /** In-cluster DNS name of the operator-deployed Infinispan Service. */
    public String infinispanHost() {
        return infinispanServiceName() + "." + namespace + ".svc." + clusterDomain;
    }

    /** Secret with keys {@code username} and {@code password} of the operator-deployed Infinispan Server. */
    public String infinispanCredentialsSecretName() {
        return coreName + "-infinispan-credentials";
    }

    /** Secret with key {@code token}: the bearer token of the HSS provisioning API (the operator generates it). */
    public String hssApiTokenSecretName() {
        return coreName + "-hss-api-token";
    }

    /**
     * Prefix of the cache names of one store ({@code hss} or {@code cscf}), e.g. {@code telco.ims-lab.cscf}, so that
     * cores sharing one Infinispan Server keep apart.
     */
    public String cachePrefix(String store) {
        return namespace + "." + coreName + "." + store;
    }

    /** Labels selecting a function's pods (app.kubernetes.io recommended labels). */
    public Map<String, String> selectorLabels(NetworkFunction function) {
        return Map.of("app.kubernetes.io/name", "kube-ims",
                "app.kubernetes.io/instance", coreName,
                "app.kubernetes.io/component", function.id());
    }
}
