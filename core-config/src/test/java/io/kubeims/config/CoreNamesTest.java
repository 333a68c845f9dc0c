package io.kubeims.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Object and DNS names of a core, and the names Kubernetes would refuse. */
class CoreNamesTest {

    private final CoreNames names = new CoreNames("ims-lab", "telco", "cluster.local");

    @Test
    void objectNamesPerFunction() {
        assertEquals("ims-lab-pcscf", names.serviceName(NetworkFunction.PCSCF));
        assertEquals("ims-lab-hss", names.deploymentName(NetworkFunction.HSS));
        assertEquals("ims-lab-icscf-config", names.configMapName(NetworkFunction.ICSCF));
        assertEquals("ims-lab-infinispan", names.infinispanServiceName());
        assertEquals("ims-lab-infinispan-credentials", names.infinispanCredentialsSecretName());
        assertEquals("ims-lab-hss-api-token", names.hssApiTokenSecretName());
        assertEquals("ims-lab-pcscf-flow-token", GeneratedKey.PCSCF_FLOW_TOKEN.secretName(names));
        assertEquals("ims-lab-scscf-odi", GeneratedKey.SCSCF_ODI.secretName(names));
        assertEquals(Map.of("app.kubernetes.io/name", "kube-ims", "app.kubernetes.io/instance", "ims-lab",
                "app.kubernetes.io/component", "scscf"), names.selectorLabels(NetworkFunction.SCSCF));
    }

    @Test
    void inClusterDnsNamesAndPools() {
        // Kubernetes DNS: <service>.<namespace>.svc.<cluster domain>
        assertEquals("ims-lab-scscf.telco.svc.cluster.local", names.serviceHost(NetworkFunction.SCSCF));
        assertEquals("ims-lab-infinispan.telco.svc.cluster.local", names.infinispanHost());
        assertEquals("sip:ims-lab-scscf.telco.svc.cluster.local:6060",
                names.sipPoolUri(NetworkFunction.SCSCF, 6060));
        assertEquals("ims-lab-hss.telco.svc.k8s.example.net",
                new CoreNames("ims-lab", "telco", "k8s.example.net").serviceHost(NetworkFunction.HSS));
        assertEquals("telco.ims-lab.cscf", names.cachePrefix("cscf"));
    }

    @Test
    void theLongestCoreNameStillNamesAServiceOf63Characters() {
        String longest = "c".repeat(CoreNames.MAX_CORE_NAME);
        assertEquals(63, new CoreNames(longest, "telco", "cluster.local").infinispanServiceName().length());
    }

    @Test
    void refusedNames() {
        assertEquals("metadata.name", assertThrows(InvalidImsCoreException.class,
                () -> new CoreNames("Ims-Lab", "telco", "cluster.local")).field());
        assertEquals("metadata.name", assertThrows(InvalidImsCoreException.class,
                () -> new CoreNames("ims-lab-", "telco", "cluster.local")).field());
        assertEquals("metadata.namespace", assertThrows(InvalidImsCoreException.class,
                () -> new CoreNames("ims-lab", "tel_co", "cluster.local")).field());
        assertEquals("metadata.namespace", assertThrows(InvalidImsCoreException.class,
                () -> new CoreNames("ims-lab", "", "cluster.local")).field());
        assertEquals("clusterDomain", assertThrows(InvalidPlacementException.class,
                () -> new CoreNames("ims-lab", "telco", "cluster local")).parameter());
    }
}
