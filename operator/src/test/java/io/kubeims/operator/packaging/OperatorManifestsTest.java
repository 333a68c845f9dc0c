package io.kubeims.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The kustomize manifests of deploy/ (no kustomize binary needed): every resource file parses and is listed in its
 * kustomization (and every listed file exists); the operator base holds known kinds the mock API server accepts,
 * copies of the generated CRDs, and the same RBAC as the Helm chart's defaults.
 */
class OperatorManifestsTest {

    private static final Path DEPLOY = OperatorChart.ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyResourceFileParsesAndIsListedInItsKustomization() throws IOException {
        for (String directory : List.of("operator", "examples")) {
            Path root = DEPLOY.resolve(directory);
            JsonNode kustomization = YAML.readTree(root.resolve("kustomization.yaml").toFile());
            assertEquals("Kustomization", kustomization.path("kind").asText());
            Set<String> listed = new TreeSet<>();
            kustomization.path("resources").forEach(r -> listed.add(r.asText()));
            Set<String> present;
            try (Stream<Path> files = Files.walk(root)) {
                present = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                        .map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(present, listed, "deploy/" + directory + "/kustomization.yaml lists every file");
            for (String file : listed) {
                String text = Files.readString(root.resolve(file));
                List<HasMetadata> objects = OperatorChart.parse(text);
                assertFalse(objects.isEmpty(), file);
                for (HasMetadata object : objects) {
                    assertNotNull(object.getMetadata().getName(), file + " " + object.getKind());
                }
            }
        }
    }

    @Test
    void operatorBaseHasKnownKindsTheApiServerAccepts() throws IOException {
        List<HasMetadata> objects = operatorBase();
        assertEquals(Set.of("Namespace", "CustomResourceDefinition", "ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service"),
                objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet()));
        KubernetesServer server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        try {
            KubernetesClient client = server.getClient();
            for (HasMetadata object : objects) {
                assertFalse(object instanceof GenericKubernetesResource, object.getApiVersion() + " "
                        + object.getKind() + " is not a known kind");
                assertNotNull(client.resource(object).create(), object.getKind());
            }
            assertEquals(3, client.apiextensions().v1().customResourceDefinitions().list().getItems().size());
        } finally {
            server.after();
        }
    }

    @Test
    void operatorBaseGrantsWhatTheChartGrants() throws IOException {
        assertEquals(ApiPermission.grantedBy(OperatorChart.render("")), ApiPermission.grantedBy(operatorBase()));
    }

    @Test
    void crdCopiesAreTheGeneratedCrds() throws IOException {
        Path generated = OperatorChart.ROOT.resolve("crds");
        List<String> names;
        try (Stream<Path> files = Files.list(generated)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String name : names) {
            Path copy = DEPLOY.resolve("operator/crds").resolve(name);
            assertTrue(Files.isRegularFile(copy) && !Files.isSymbolicLink(copy), name);
            assertEquals(Files.readString(generated.resolve(name)), Files.readString(copy),
                    "deploy/operator/crds/" + name + " differs from crds/: cp crds/*.yml deploy/operator/crds/");
        }
        List<HasMetadata> crds = operatorBase().stream().filter(CustomResourceDefinition.class::isInstance).toList();
        assertEquals(names.size(), crds.size());
    }

    private static List<HasMetadata> operatorBase() throws IOException {
        Path root = DEPLOY.resolve("operator");
        JsonNode kustomization = YAML.readTree(root.resolve("kustomization.yaml").toFile());
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode file : kustomization.path("resources")) {
            objects.addAll(OperatorChart.parse(Files.readString(root.resolve(file.asText()))));
        }
        return objects;
    }
}
