package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.common.SecretReference;
import io.kubeims.api.v1alpha1.imscore.FunctionSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.operator.testing.ClusterFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static io.kubeims.operator.testing.ClusterFixtures.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ImsCore reconciler on the fabric8 mock API server (CRUD mode): every owned object of the example core and its
 * key fields, the status (ready replicas as the Deployments report them), scaling one function, a domain change
 * rolling every function, owner references for garbage collection, and the spec problems reported as conditions.
 * Each test uses its own core, so they do not depend on each other's order.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class ImsCoreReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FUNCTIONS = List.of("hss", "pcscf", "icscf", "scscf");

    @Inject
    KubernetesClient client;

    @Test
    void exampleCoreGetsEveryOwnedObject() throws IOException {
        ImsCore core = client.resource(example("ims-lab")).create();

        for (String fn : FUNCTIONS) {
            Deployment deployment = awaitObject(Deployment.class, "ims-lab-" + fn);
            assertEquals(1, deployment.getSpec().getReplicas());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals(8080, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
            assertEquals(15L, container.getLifecycle().getPreStop().getSleep().getSeconds());
            assertEquals("kubernetes.io/hostname", deployment.getSpec().getTemplate().getSpec().getAffinity()
                    .getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0)
                    .getPodAffinityTerm().getTopologyKey());
            assertEquals("/etc/kube-ims/application.properties", env(container, "QUARKUS_CONFIG_LOCATIONS")
                    .getValue());
            assertEquals(64, deployment.getSpec().getTemplate().getMetadata().getAnnotations()
                    .get("kubeims.io/config-hash").length());
            assertOwnedBy(core, deployment);

            ConfigMap config = awaitObject(ConfigMap.class, "ims-lab-" + fn + "-config");
            assertOwnedBy(core, config);
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/etc/kube-ims")),
                    "the ConfigMap is mounted where QUARKUS_CONFIG_LOCATIONS points");

            assertOwnedBy(core, awaitObject(Service.class, "ims-lab-" + fn));
            PodDisruptionBudget pdb = awaitObject(PodDisruptionBudget.class, "ims-lab-" + fn);
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
            assertOwnedBy(core, pdb);
            assertOwnedBy(core, awaitObject(NetworkPolicy.class, "ims-lab-" + fn));
        }

        // configuration: the realm everywhere, the S-CSCF pool as the HSS's Server-Name, no secret value
        Properties hss = properties("ims-lab-hss-config");
        assertEquals("ims.example.com", hss.getProperty("kubeims.hss.realm"));
        assertEquals("sip:ims-lab-scscf.test.svc.cluster.local:6060", hss.getProperty("kubeims.hss.cx.scscf-pool"));
        assertEquals("/var/run/secrets/kube-ims/hss-api/token", hss.getProperty("kubeims.hss.api.token-file"));
        Properties pcscf = properties("ims-lab-pcscf-config");
        assertEquals("pcscf", pcscf.getProperty("kubeims.cscf.role"));
        assertEquals("${POD_IP}", pcscf.getProperty("kubeims.cscf.sip.advertised-host"));

        // the HSS API token: generated, mounted into the HSS only, never in a ConfigMap
        Secret token = awaitObject(Secret.class, "ims-lab-hss-api-token");
        assertOwnedBy(core, token);
        String tokenValue = new String(Base64.getDecoder().decode(token.getData().get("token")));
        assertTrue(tokenValue.length() >= 32, "a token of 32 random bytes");
        Secret flowKey = awaitObject(Secret.class, "ims-lab-pcscf-flow-token");
        // the mounted file is printable (the P-CSCF drops a trailing CR/LF): 32 random bytes as URL-safe base64
        String flowKeyText = new String(Base64.getDecoder().decode(flowKey.getData().get("key")));
        assertEquals(32, Base64.getUrlDecoder().decode(flowKeyText).length);
        for (String fn : FUNCTIONS) {
            String text = client.configMaps().withName("ims-lab-" + fn + "-config").get().getData()
                    .get("application.properties");
            assertFalse(text.contains(tokenValue), fn + "'s ConfigMap holds no token");
        }
        Deployment hssDeployment = client.apps().deployments().withName("ims-lab-hss").get();
        assertTrue(hssDeployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getSecret() != null && "ims-lab-hss-api-token".equals(v.getSecret().getSecretName())));
        Container hssContainer = hssDeployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(hssContainer.getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/var/run/secrets/kube-ims/hss-api")));
        Deployment pcscfDeployment = client.apps().deployments().withName("ims-lab-pcscf").get();
        assertTrue(pcscfDeployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getSecret() != null
                        && "ims-lab-pcscf-flow-token".equals(v.getSecret().getSecretName())));
        Container pcscfContainer = pcscfDeployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("status.podIP", env(pcscfContainer, "POD_IP").getValueFrom().getFieldRef().getFieldPath());
        // the S-CSCF's ODI key: generated like the flow-token key, mounted where its properties name it
        Secret odiKey = awaitObject(Secret.class, "ims-lab-scscf-odi");
        assertOwnedBy(core, odiKey);
        assertEquals(32, Base64.getUrlDecoder().decode(new String(Base64.getDecoder().decode(
                odiKey.getData().get("key")))).length);
        assertEquals("/var/run/secrets/kube-ims/scscf-odi/key",
                properties("ims-lab-scscf-config").getProperty("kubeims.cscf.scscf.odi-key-file"));
        for (String fn : FUNCTIONS) {
            // the API server refuses a pod whose mount paths repeat ("must be unique")
            Container container = awaitObject(Deployment.class, "ims-lab-" + fn).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            List<String> paths = container.getVolumeMounts().stream().map(m -> m.getMountPath()).toList();
            assertEquals(paths.size(), new java.util.HashSet<>(paths).size(), fn + " mounts " + paths);
        }
        assertTrue(awaitObject(Deployment.class, "ims-lab-scscf").getSpec().getTemplate().getSpec().getContainers()
                .get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/var/run/secrets/kube-ims/scscf-odi")));
        Container scscf = client.apps().deployments().withName("ims-lab-scscf").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0);
        assertEquals("metadata.name", env(scscf, "POD_NAME").getValueFrom().getFieldRef().getFieldPath());

        // Services: the P-CSCF as the example says (NodePort, UDP and TCP 5060), the HSS Diameter and HTTP
        Service pcscfService = client.services().withName("ims-lab-pcscf").get();
        assertEquals("NodePort", pcscfService.getSpec().getType());
        assertEquals(Map.of("UDP", 5060, "TCP", 5060), ports(pcscfService, ServicePort::getProtocol));
        Service hssService = client.services().withName("ims-lab-hss").get();
        assertEquals("ClusterIP", hssService.getSpec().getType());
        assertEquals(Map.of("diameter", 3868, "http", 8080), ports(hssService, ServicePort::getName));
        assertEquals("ClusterIP", client.services().withName("ims-lab-scscf").get().getSpec().getType());

        // NetworkPolicies: the P-CSCF's SIP open to all, the HSS's Diameter to the CSCFs, its API to the operator
        NetworkPolicy pcscfPolicy = client.network().networkPolicies().withName("ims-lab-pcscf").get();
        assertTrue(pcscfPolicy.getSpec().getIngress().get(0).getFrom().isEmpty(), "SIP from anywhere");
        NetworkPolicy hssPolicy = client.network().networkPolicies().withName("ims-lab-hss").get();
        assertEquals(3868, hssPolicy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal());
        assertEquals(List.of("icscf", "scscf"), hssPolicy.getSpec().getIngress().get(0).getFrom().get(0)
                .getPodSelector().getMatchExpressions().get(0).getValues());
        assertEquals(8080, hssPolicy.getSpec().getIngress().get(1).getPorts().get(0).getPort().getIntVal());
        assertEquals("kube-ims-operator", hssPolicy.getSpec().getIngress().get(1).getFrom().get(0)
                .getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));

        // status: nothing ready on a server without kubelets; then the Deployments report their pods ready
        ImsCore progressing = awaitCondition("ims-lab", "Progressing", "True");
        assertEquals("FunctionsNotReady", condition(progressing.getStatus(), "Ready").getReason());
        assertEquals(progressing.getMetadata().getGeneration(), progressing.getStatus().getObservedGeneration());
        for (String fn : FUNCTIONS) {
            reportReady("ims-lab-" + fn, 1);
        }
        ImsCore ready = awaitCondition("ims-lab", "Ready", "True");
        assertEquals(1, ready.getStatus().getReadyReplicas().getScscf());
        assertEquals(1, ready.getStatus().getReadyReplicas().getHss());
        assertEquals("False", condition(ready.getStatus(), "Degraded").getStatus());
        assertNotNull(ready.getStatus().getPcscfAddress());
        assertFalse(Serialization.asJson(ready.getStatus()).contains(tokenValue), "no secret in the status");
        await().atMost(WAIT).until(() -> client.v1().events().list().getItems().stream()
                .anyMatch(e -> "AllFunctionsReady".equals(e.getReason())
                        && "ims-lab".equals(e.getInvolvedObject().getName())));
    }

    @Test
    void scalingTheScscfChangesOnlyItsDeployment() throws IOException {
        client.resource(example("scale")).create();
        for (String fn : FUNCTIONS) {
            awaitObject(Deployment.class, "scale-" + fn);
        }
        awaitCondition("scale", "Progressing", "True");
        Map<String, String> versions = new HashMap<>();
        for (String fn : FUNCTIONS) {
            versions.put(fn, client.apps().deployments().withName("scale-" + fn).get().getMetadata()
                    .getResourceVersion());
        }

        ImsCore core = client.resources(ImsCore.class).withName("scale").get();
        core.getSpec().getScscf().setReplicas(3);
        core.getSpec().setRegistrationStore(store(RegistrationStoreSpec.Type.EMBEDDED));
        client.resource(core).update();

        await().atMost(WAIT).until(() -> client.apps().deployments().withName("scale-scscf").get().getSpec()
                .getReplicas() == 3);
        // the core is reconciled once more (warning about the embedded store) before the others are compared
        awaitCondition("scale", "Degraded", "True");
        for (String fn : List.of("hss", "pcscf", "icscf")) {
            assertEquals(versions.get(fn), client.apps().deployments().withName("scale-" + fn).get().getMetadata()
                    .getResourceVersion(), fn + " untouched");
        }
    }

    @Test
    void domainChangeRollsEveryFunction() throws IOException {
        client.resource(example("domain")).create();
        Map<String, String> hashes = new HashMap<>();
        for (String fn : FUNCTIONS) {
            hashes.put(fn, configHash(awaitObject(Deployment.class, "domain-" + fn)));
        }

        ImsCore core = client.resources(ImsCore.class).withName("domain").get();
        core.getSpec().setDomain("ims.example.org");
        client.resource(core).update();

        for (String fn : FUNCTIONS) {
            await().atMost(WAIT).untilAsserted(() -> assertNotEquals(hashes.get(fn),
                    configHash(client.apps().deployments().withName("domain-" + fn).get()), fn + " rolls"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertEquals("ims.example.org",
                properties("domain-hss-config").getProperty("kubeims.hss.realm")));
    }

    @Test
    void invalidDomainIsDegradedWithTheMessageAndCreatesNothing() throws IOException {
        ImsCore core = example("invalid");
        core.getSpec().setDomain("-not-a-domain");
        client.resource(core).create();

        ImsCore degraded = awaitCondition("invalid", "Degraded", "True");
        Condition condition = condition(degraded.getStatus(), "Degraded");
        assertEquals("InvalidSpec", condition.getReason());
        assertTrue(condition.getMessage().startsWith("spec.domain: '-not-a-domain'"), condition.getMessage());
        assertEquals("False", condition(degraded.getStatus(), "Ready").getStatus());
        assertNull(client.apps().deployments().withName("invalid-hss").get(), "nothing deployed");
    }

    @Test
    void embeddedStoreWithSeveralReplicasWarnsInTheDegradedCondition() throws IOException {
        ImsCore core = example("warned");
        core.getSpec().getPcscf().setReplicas(2);
        client.resource(core).create();

        ImsCore warned = awaitCondition("warned", "Degraded", "True");
        Condition condition = condition(warned.getStatus(), "Degraded");
        assertEquals("SpecWarnings", condition.getReason());
        assertTrue(condition.getMessage().contains("spec.pcscf.replicas: 2 replicas with an embedded registration"
                + " store"), condition.getMessage());
        awaitObject(Deployment.class, "warned-pcscf");
        assertEquals(2, client.apps().deployments().withName("warned-pcscf").get().getSpec().getReplicas(),
                "a warning does not stop the rollout");
    }

    @Test
    void infinispanStoreDeploysAStatefulSetTheFunctionsUse() throws IOException {
        ImsCore core = example("ispn");
        RegistrationStoreSpec store = store(RegistrationStoreSpec.Type.INFINISPAN);
        store.setInfinispanReplicas(3);
        core.getSpec().setRegistrationStore(store);
        ImsCore created = client.resource(core).create();

        StatefulSet statefulSet = awaitObject(StatefulSet.class, "ispn-infinispan");
        assertEquals(3, statefulSet.getSpec().getReplicas());
        assertEquals("ispn-infinispan", statefulSet.getSpec().getServiceName());
        assertOwnedBy(created, statefulSet);
        Service headless = awaitObject(Service.class, "ispn-infinispan");
        assertEquals("None", headless.getSpec().getClusterIP());
        assertEquals(11222, headless.getSpec().getPorts().get(0).getPort());
        Secret credentials = awaitObject(Secret.class, "ispn-infinispan-credentials");
        assertTrue(credentials.getData().containsKey("password"));

        Container scscf = awaitObject(Deployment.class, "ispn-scscf").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        assertEquals("ispn-infinispan-credentials", env(scscf, "KUBEIMS_HOTROD_PASSWORD").getValueFrom()
                .getSecretKeyRef().getName());
        Properties properties = properties("ispn-scscf-config");
        assertEquals("hotrod", properties.getProperty("kubeims.cscf.store.mode"));
        assertEquals("${KUBEIMS_HOTROD_PASSWORD}", properties.getProperty("kubeims.cscf.store.hotrod.password"));
    }

    @Test
    void infinispanStoreBecomesAnInfinispanCustomResourceWhenTheInfinispanOperatorIsInstalled() throws IOException {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .resource(ClusterFixtures.infinispanOperatorCrd()).create();
        try {
            ImsCore core = example("dg");
            RegistrationStoreSpec store = store(RegistrationStoreSpec.Type.INFINISPAN);
            store.setInfinispanReplicas(3);
            core.getSpec().setRegistrationStore(store);
            ImsCore created = client.resource(core).create();

            var infinispans = client.genericKubernetesResources(ClusterFixtures.INFINISPANS);
            await().atMost(WAIT).until(() -> infinispans.withName("dg-infinispan").get() != null);
            GenericKubernetesResource infinispan = infinispans.withName("dg-infinispan").get();
            assertEquals("infinispan.org/v1", infinispan.getApiVersion());
            assertEquals("Infinispan", infinispan.getKind());
            assertOwnedBy(created, infinispan);
            // the Infinispan Operator's documented fields: spec.replicas, spec.service.type,
            // spec.security.endpointSecretName (a Secret with key identities.yaml)
            assertEquals(3, ((Number) infinispan.get("spec", "replicas")).intValue());
            assertEquals("DataGrid", infinispan.get("spec", "service", "type"));
            assertEquals("dg-infinispan-credentials", infinispan.get("spec", "security", "endpointSecretName"));

            Secret credentials = awaitObject(Secret.class, "dg-infinispan-credentials");
            String password = decoded(credentials, "password");
            @SuppressWarnings("unchecked")
            Map<String, Object> identities = Serialization.unmarshal(decoded(credentials, "identities.yaml"),
                    Map.class);
            assertEquals(List.of(Map.of("username", decoded(credentials, "username"), "password", password)),
                    identities.get("credentials"), "identities.yaml holds the functions' Hot Rod login");

            // the functions reach the Service the Infinispan Operator creates for the CR: <name>, Hot Rod 11222
            awaitObject(Deployment.class, "dg-scscf");
            Properties properties = properties("dg-scscf-config");
            assertEquals("hotrod", properties.getProperty("kubeims.cscf.store.mode"));
            assertEquals("dg-infinispan.test.svc.cluster.local:11222",
                    properties.getProperty("kubeims.cscf.store.hotrod.servers"));
            assertNull(client.apps().statefulSets().withName("dg-infinispan").get(), "no StatefulSet of our own");
            assertNull(client.services().withName("dg-infinispan").get(), "no headless Service of our own");
        } finally {
            client.resource(crd).delete();
        }
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void externalStoreUsesTheReferencedSecret() throws IOException {
        client.resource(ClusterFixtures.secret("hotrod-credentials", Map.of("username", "ims",
                "password", "hotrod-password-1"))).create();
        ImsCore core = example("ext");
        core.getSpec().setRegistrationStore(external("hotrod-credentials"));
        client.resource(core).create();

        Container pcscf = awaitObject(Deployment.class, "ext-pcscf").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        assertEquals("hotrod-credentials", env(pcscf, "KUBEIMS_HOTROD_USERNAME").getValueFrom().getSecretKeyRef()
                .getName());
        assertEquals("hotrod://infinispan.telco.svc:11222", properties("ext-pcscf-config")
                .getProperty("kubeims.cscf.store.hotrod.uri"));
        assertFalse(client.configMaps().withName("ext-pcscf-config").get().getData().get("application.properties")
                .contains("hotrod-password-1"));
        assertNull(client.apps().statefulSets().withName("ext-infinispan").get(), "no Infinispan of our own");
    }

    @Test
    void externalStoreWithAMissingSecretIsDegraded() throws IOException {
        ImsCore core = example("ext-missing");
        core.getSpec().setRegistrationStore(external("no-such-secret"));
        client.resource(core).create();

        Condition condition = condition(awaitCondition("ext-missing", "Degraded", "True").getStatus(), "Degraded");
        assertEquals("InvalidSpec", condition.getReason());
        assertEquals("spec.registrationStore.external.credentialsSecret: Secret 'no-such-secret' not found in"
                + " namespace test", condition.getMessage());
    }

    // ---- helpers ----

    /** The example ImsCore of deploy/examples under another name (in the test namespace). */
    static ImsCore example(String name) throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
                .resolve("deploy/examples/imscore.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            ImsCore core = Serialization.unmarshal(in, ImsCore.class);
            core.getMetadata().setName(name);
            if (core.getSpec().getScscf() == null) {
                core.getSpec().setScscf(new FunctionSpec());
            }
            return core;
        }
    }

    private static RegistrationStoreSpec store(RegistrationStoreSpec.Type type) {
        RegistrationStoreSpec store = new RegistrationStoreSpec();
        store.setType(type);
        return store;
    }

    private static RegistrationStoreSpec external(String secret) {
        RegistrationStoreSpec store = store(RegistrationStoreSpec.Type.EXTERNAL);
        RegistrationStoreSpec.External external = new RegistrationStoreSpec.External();
        external.setUri("hotrod://infinispan.telco.svc:11222");
        external.setCredentialsSecret(new SecretReference(secret));
        store.setExternal(external);
        return store;
    }

    private <T extends HasMetadata> T awaitObject(Class<T> type, String name) {
        return await().atMost(WAIT).until(() -> client.resources(type).withName(name).get(), r -> r != null);
    }

    private ImsCore awaitCondition(String core, String type, String status) {
        return await().atMost(WAIT).until(() -> client.resources(ImsCore.class).withName(core).get(), c -> {
            Condition condition = c == null ? null : condition(c.getStatus(), type);
            return condition != null && status.equals(condition.getStatus());
        });
    }

    private void reportReady(String deployment, int replicas) {
        Deployment d = client.apps().deployments().withName(deployment).get();
        d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                .withAvailableReplicas(replicas).build());
        client.apps().deployments().resource(d).updateStatus();
    }

    private Properties properties(String configMap) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(client.configMaps().withName(configMap).get().getData()
                .get("application.properties")));
        return properties;
    }

    private static String configHash(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("kubeims.io/config-hash");
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + container.getEnv()));
    }

    private static Map<String, Integer> ports(Service service, Function<ServicePort, String> key) {
        Map<String, Integer> ports = new HashMap<>();
        service.getSpec().getPorts().forEach(p -> ports.put(key.apply(p), p.getPort()));
        return ports;
    }

    private static void assertOwnedBy(ImsCore core, HasMetadata owned) {
        List<OwnerReference> owners = owned.getMetadata().getOwnerReferences();
        assertEquals(1, owners.size(), owned.getKind() + " " + owned.getMetadata().getName() + " has one owner");
        assertEquals(core.getMetadata().getUid(), owners.get(0).getUid());
        assertEquals("ImsCore", owners.get(0).getKind());
    }
}
