package io.kubeims.operator.packaging;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.api.v1alpha1.imscore.SipServiceSpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.testing.ExampleManifests;
import io.kubeims.operator.testing.ClusterFixtures;
import io.kubeims.operator.testing.IndexedMockServerTestResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.kubeims.operator.testing.ClusterFixtures.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's RBAC against what the operator actually calls: the reconcilers run a life cycle on the mock API server
 * (an ImsCore with an Infinispan store, scaled, switched to embedded, which deletes the Infinispan objects; an
 * IfcProfile, a Secret and a Subscriber provisioned into the test HSS; with the Infinispan Operator's CRD installed,
 * an ImsCore whose Infinispan CR is created, scaled and deleted) while the server records every request. Each
 * request the operator made (the test's own client has its own user agent) must be granted by the rendered Roles,
 * and every grant must be used, or be one of the few the mock server cannot show (listed with the reason).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorRbacTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEST_AGENT = "kube-ims-test";

    /**
     * Grants the life cycle on the mock server does not exercise. Server-side apply (on in production, off against the
     * mock server, which refuses it) writes dependents with PATCH where the test sees PUT; the API server requires
     * update on the owner's finalizers for owner references with blockOwnerDeletion (the mock does not check).
     */
    /**
     * Grants the life cycle on the mock server does not exercise, each for a reason. Server-side apply (on in
     * production, off against the mock server, which refuses it) writes dependents with PATCH where the test sees
     * PUT/POST. The API server requires update on the owner's finalizers for owner references with
     * blockOwnerDeletion (the mock does not check). The test HSS overrides each core's own, so reading an ImsCore for
     * its HSS is not seen. PodDisruptionBudgets and NetworkPolicies only change when an operator upgrade changes
     * their desired form. Leader election is off in the test profile.
     */
    private static final Set<ApiPermission> NOT_SEEN_ON_THE_MOCK = Set.of(
            new ApiPermission("", "configmaps", "patch"), new ApiPermission("", "services", "patch"),
            new ApiPermission("", "secrets", "patch"), new ApiPermission("apps", "deployments", "patch"),
            new ApiPermission("apps", "statefulsets", "patch"),
            new ApiPermission("infinispan.org", "infinispans", "patch"),
            new ApiPermission("policy", "poddisruptionbudgets", "patch"),
            new ApiPermission("networking.k8s.io", "networkpolicies", "patch"),
            new ApiPermission("ims.kubeims.io", "imscores/finalizers", "update"),
            new ApiPermission("ims.kubeims.io", "imscores", "get"),
            new ApiPermission("policy", "poddisruptionbudgets", "update"),
            new ApiPermission("networking.k8s.io", "networkpolicies", "update"),
            new ApiPermission("coordination.k8s.io", "leases", "get"),
            new ApiPermission("coordination.k8s.io", "leases", "create"),
            new ApiPermission("coordination.k8s.io", "leases", "update"));

    /** Test-profile calls production does not make: the test profile applies the CRDs itself. */
    private static final Set<String> TEST_PROFILE_ONLY = Set.of("customresourcedefinitions create",
            "customresourcedefinitions update", "customresourcedefinitions patch");

    @Inject
    KubernetesClient operatorClient;

    @KubernetesTestServer
    KubernetesServer server;

    /** Another mock server a test resource of the run may have pointed the operator's client to. */
    @IndexedMockServerTestResource.InjectIndexedMockServer
    KubernetesMockServer indexedServer;

    /**
     * The mock server the operator talks to: test resources without restrictToAnnotatedClass apply to the whole run,
     * so more than one may be running; the operator's client names the one it uses.
     */
    private KubernetesMockServer operatorsServer() {
        String url = operatorClient.getMasterUrl().toString();
        for (KubernetesMockServer candidate : java.util.Arrays.asList(server.getKubernetesMockServer(),
                indexedServer)) {
            if (candidate != null && url.contains(":" + candidate.getPort() + "/")) {
                return candidate;
            }
        }
        throw new AssertionError("no recording mock server at " + url);
    }

    @Test
    void renderedRbacCoversEveryCallOfTheReconcilersAndNothingMore() throws Exception {
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
                operatorClient.getConfiguration()).withUserAgent(TEST_AGENT).build()).build()) {
            lifeCycle(client);
        }

        KubernetesMockServer recorder = operatorsServer();
        Set<ApiPermission> used = new TreeSet<>();
        RecordedRequest request;
        while ((request = recorder.takeRequest(1, TimeUnit.SECONDS)) != null) {
            if (TEST_AGENT.equals(request.getHeader("User-Agent"))) {
                continue;
            }
            ApiPermission permission = ApiPermission.of(request.getMethod(), request.getPath());
            if (permission != null && !TEST_PROFILE_ONLY.contains(permission.resource() + " " + permission.verb())) {
                used.add(permission);
            }
        }
        Set<ApiPermission> granted = ApiPermission.grantedBy(OperatorChart.render(""));

        Set<ApiPermission> missing = new TreeSet<>(used);
        missing.removeAll(granted);
        assertEquals(Set.of(), missing, "calls the chart's RBAC does not grant (used: " + used + ")");
        Set<ApiPermission> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        unused.removeAll(NOT_SEEN_ON_THE_MOCK);
        assertEquals(Set.of(), unused, "grants no reconciler used (used: " + used + ")");
        assertTrue(used.contains(new ApiPermission("apps", "statefulsets", "delete")), "the life cycle deleted");
    }

    private void lifeCycle(KubernetesClient client) throws IOException {
        // Subscriber side: an IfcProfile, credentials and a Subscriber
        ExampleManifests examples = ExampleManifests.read("ifcprofile-default.yaml", "subscriber-alice.yaml");
        client.resource(examples.get(IfcProfile.class, "default-services")).create();
        client.resource(ClusterFixtures.asStored(examples.get(io.fabric8.kubernetes.api.model.Secret.class,
                "alice-credentials"))).create();
        Subscriber alice = examples.copyOf(Subscriber.class, "alice");
        alice.getSpec().setImsCore("rbac");
        client.resource(alice).create();

        // ImsCore side: an Infinispan store, then scaled and switched to embedded
        ImsCore core = exampleCore();
        RegistrationStoreSpec store = new RegistrationStoreSpec();
        store.setType(RegistrationStoreSpec.Type.INFINISPAN);
        core.getSpec().setRegistrationStore(store);
        client.resource(core).create();

        // the HSS of HssTestResource (global to the test run) overrides the core's own: the Subscriber is provisioned
        await().atMost(WAIT).until(() -> condition(client.resources(Subscriber.class).withName("alice").get()
                .getStatus(), "Provisioned"), c -> c != null && "True".equals(c.getStatus()));

        await().atMost(WAIT).until(() -> client.apps().statefulSets().withName("rbac-infinispan").get() != null);
        await().atMost(WAIT).until(() -> client.resources(ImsCore.class).withName("rbac").get().getStatus() != null);
        // edits (patches): the operator writes the status meanwhile, a read-then-update can meet a 409
        editCore(client, "rbac", bigger -> {
            bigger.getSpec().getRegistrationStore().setInfinispanReplicas(5);
            bigger.getSpec().getPcscf().getSipService().setType(SipServiceSpec.Type.LOAD_BALANCER);
            return bigger;
        });
        await().atMost(WAIT).until(() -> client.apps().statefulSets().withName("rbac-infinispan").get().getSpec()
                .getReplicas() == 5 && "LoadBalancer".equals(client.services().withName("rbac-pcscf").get()
                .getSpec().getType()));

        editCore(client, "rbac", changed -> {
            changed.getSpec().getScscf().setReplicas(2);
            changed.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.EMBEDDED);
            return changed;
        });
        await().atMost(WAIT).until(() -> client.apps().statefulSets().withName("rbac-infinispan").get() == null
                && client.apps().deployments().withName("rbac-scscf").get().getSpec().getReplicas() == 2);
        await().atMost(WAIT).until(() -> {
            ImsCore read = client.resources(ImsCore.class).withName("rbac").get();
            return read.getStatus().getObservedGeneration().equals(read.getMetadata().getGeneration());
        });
        await().atMost(WAIT).until(() -> client.resources(IfcProfile.class).withName("default-services").get()
                .getStatus() != null);

        // an external store: its credentials Secret is looked up
        client.resource(ClusterFixtures.secret("rbac-hotrod", Map.of("username", "u", "password", "p"))).create();
        ImsCore external = exampleCore();
        external.getMetadata().setName("rbac-ext");
        RegistrationStoreSpec.External hotRod = new RegistrationStoreSpec.External();
        hotRod.setUri("hotrod://infinispan.example:11222");
        hotRod.setCredentialsSecret(new io.kubeims.api.v1alpha1.common.SecretReference("rbac-hotrod"));
        RegistrationStoreSpec externalStore = new RegistrationStoreSpec();
        externalStore.setType(RegistrationStoreSpec.Type.EXTERNAL);
        externalStore.setExternal(hotRod);
        external.getSpec().setRegistrationStore(externalStore);
        client.resource(external).create();
        await().atMost(WAIT).until(() -> client.apps().deployments().withName("rbac-ext-hss").get() != null);

        // the Infinispan Operator installed: an Infinispan CR instead of the StatefulSet, scaled, then deleted
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .resource(ClusterFixtures.infinispanOperatorCrd()).create();
        try {
            ImsCore dataGrid = exampleCore();
            dataGrid.getMetadata().setName("rbac-dg");
            RegistrationStoreSpec dataGridStore = new RegistrationStoreSpec();
            dataGridStore.setType(RegistrationStoreSpec.Type.INFINISPAN);
            dataGrid.getSpec().setRegistrationStore(dataGridStore);
            client.resource(dataGrid).create();
            var infinispans = client.genericKubernetesResources(ClusterFixtures.INFINISPANS);
            await().atMost(WAIT).until(() -> infinispans.withName("rbac-dg-infinispan").get() != null);
            editCore(client, "rbac-dg", c -> {
                c.getSpec().getRegistrationStore().setInfinispanReplicas(4);
                return c;
            });
            await().atMost(WAIT).until(() -> ((Number) infinispans.withName("rbac-dg-infinispan").get()
                    .get("spec", "replicas")).intValue() == 4);
            editCore(client, "rbac-dg", c -> {
                c.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.EMBEDDED);
                return c;
            });
            await().atMost(WAIT).until(() -> infinispans.withName("rbac-dg-infinispan").get() == null);
        } finally {
            client.resource(crd).delete();
        }
    }

    private static ImsCore exampleCore() throws IOException {
        Path file = OperatorChart.ROOT.resolve("deploy/examples/imscore.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            ImsCore core = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in, ImsCore.class);
            core.getMetadata().setName("rbac");
            return core;
        }
    }

    /**
     * Edits an ImsCore's spec as a user would: a patch carrying the resourceVersion read, retried when the operator's
     * status write came in between (409 Conflict, as kubectl edit would be retried).
     */
    private static void editCore(KubernetesClient client, String name,
            java.util.function.UnaryOperator<ImsCore> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.resources(ImsCore.class).withName(name).edit(change);
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
