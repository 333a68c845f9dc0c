package io.kubeims.operator.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart: {@code helm lint} clean, {@code helm template} renders known kinds that a (mock) API server
 * accepts, the watch scope switches between a ClusterRole and per-namespace Roles, and its crds/ is the generated
 * crds/ of the repository.
 */
class OperatorChartTest {

    @Test
    void lintIsClean() {
        LintResult lint = new Helm(OperatorChart.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                String.join("\n", lint.getMessages()));
    }

    @Test
    void renderedObjectsAreKnownKindsTheApiServerAccepts() {
        List<HasMetadata> objects = OperatorChart.render("");
        assertEquals(Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
                "Deployment", "Service"), objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet()));
        for (HasMetadata object : objects) {
            assertFalse(object instanceof GenericKubernetesResource, "not a known kind/apiVersion: "
                    + object.getApiVersion() + " " + object.getKind());
        }
        KubernetesServer server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        try {
            KubernetesClient client = server.getClient();
            for (HasMetadata object : objects) {
                assertNotNull(client.resource(object).create(), object.getKind());
            }
            Deployment operator = client.apps().deployments().inNamespace("kube-ims-system")
                    .withName("kube-ims-kube-ims-operator").get();
            assertEquals("kube-ims-operator", operator.getSpec().getTemplate().getMetadata().getLabels()
                    .get("app.kubernetes.io/name"), "the label the HSS NetworkPolicy admits");
            assertEquals("JOSDK_ALL_NAMESPACES", env(operator, "QUARKUS_OPERATOR_SDK_NAMESPACES"));
            assertEquals("prod", env(operator, "QUARKUS_OPERATOR_SDK_ACTIVATE_LEADER_ELECTION_FOR_PROFILES"));
            assertEquals("kube-ims/operator:0.1.0-SNAPSHOT", operator.getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getImage());
        } finally {
            server.after();
        }
    }

    @Test
    void watchedNamespacesGetRolesInsteadOfAClusterRole() {
        List<HasMetadata> objects = OperatorChart.render("""
                watchNamespaces: [ims-a, ims-b]
                leaderElection:
                  enabled: false
                """);
        Set<String> roleNamespaces = objects.stream().filter(Role.class::isInstance)
                .map(o -> o.getMetadata().getNamespace()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("ims-a", "ims-b"), roleNamespaces, "no leader-election Role when it is off");
        List<ClusterRole> clusterRoles = objects.stream().filter(ClusterRole.class::isInstance)
                .map(ClusterRole.class::cast).toList();
        assertEquals(1, clusterRoles.size());
        assertEquals(Set.of(new ApiPermission("apiextensions.k8s.io", "customresourcedefinitions", "get")),
                ApiPermission.grantedBy(List.copyOf(clusterRoles)), "only reading the CRDs is cluster-wide");
        Deployment operator = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .findFirst().orElseThrow();
        assertEquals("ims-a,ims-b", env(operator, "QUARKUS_OPERATOR_SDK_NAMESPACES"));
    }

    @Test
    void chartCrdsAreTheGeneratedCrds() throws IOException {
        Path generated = OperatorChart.ROOT.resolve("crds");
        Path chart = OperatorChart.CHART.resolve("crds");
        List<String> names;
        try (Stream<Path> files = Files.list(generated)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> files = Files.list(chart)) {
            assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String name : names) {
            assertFalse(Files.isSymbolicLink(chart.resolve(name)), name + " is a copy");
            assertEquals(Files.readString(generated.resolve(name)), Files.readString(chart.resolve(name)),
                    "charts/kube-ims-operator/crds/" + name + " differs from crds/: cp crds/*.yml "
                            + "charts/kube-ims-operator/crds/");
        }
    }

    private static String env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst().orElse(null);
    }
}
