package io.kubeims.api.v1alpha1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.AuthSpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every manifest under {@code deploy/} parses into our model (unknown fields are errors, as the API server's
 * pruning would silently drop them), validates against the generated CRD schema, and references Secrets that exist
 * with the keys its auth scheme needs.
 */
class DeployManifestsTest {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Bytes SIPp 3.6.1 cannot carry in its scenario text (STACK.md): AKA test keys keyed by OP avoid them. */
    private static final byte[] SIPP_UNSAFE_BYTES = {0x00, 0x0a, 0x0d, 0x5b, 0x5c, 0x5d};

    private static final Map<String, CrdSchemaValidator> VALIDATORS = new HashMap<>();

    @BeforeAll
    static void generateSchemas(@TempDir Path dir) throws IOException {
        VALIDATORS.putAll(CrdSchemas.generate(dir));
        assertEquals(CustomResources.BY_KIND.keySet(), VALIDATORS.keySet());
    }

    record Document(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    static List<Document> deployDocuments() throws IOException {
        Path deploy = CustomResources.repositoryRoot().resolve("deploy");
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(deploy)) {
            // deploy/operator is the operator's own kustomize base (Deployment, RBAC, CRD copies): the operator
            // module's OperatorManifestsTest checks it
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.startsWith(deploy.resolve("operator"))).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    var iterator = YAML.readValues(parser, JsonNode.class);
                    while (iterator.hasNext()) {
                        JsonNode node = iterator.next();
                        if (node != null && !node.isEmpty()) {
                            documents.add(new Document(file, node));
                        }
                    }
                }
            }
        }
        return documents;
    }

    @Test
    void everyManifestParsesAndValidates() throws IOException {
        List<Document> documents = deployDocuments();
        assertFalse(documents.isEmpty(), "deploy/ has no manifests");
        Map<String, Integer> kinds = new HashMap<>();
        for (Document doc : documents) {
            kinds.merge(doc.kind(), 1, Integer::sum);
            String where = doc.file() + " (" + doc.kind() + " " + doc.name() + ")";
            Class<? extends CustomResource<?, ?>> type = CustomResources.BY_KIND.get(doc.kind());
            if (type != null) {
                assertEquals(ApiGroup.API_VERSION, doc.node().path("apiVersion").asText(), where);
                CustomResource<?, ?> resource = JSON.treeToValue(doc.node(), type);
                assertNotNull(resource.getSpec(), where + ": no spec");
                List<String> errors = VALIDATORS.get(doc.kind()).validate(doc.node());
                assertTrue(errors.isEmpty(), where + ": " + errors);
            } else if (doc.kind().equals("Secret")) {
                JSON.treeToValue(doc.node(), Secret.class);
            } else if (!doc.kind().equals("Kustomization")) {
                fail(where + ": unexpected kind");
            }
        }
        // the examples the foundation issue asks for
        assertEquals(1, kinds.getOrDefault("ImsCore", 0), "one ImsCore example");
        assertTrue(kinds.getOrDefault("IfcProfile", 0) >= 1, "an IfcProfile example");
        assertEquals(3, kinds.getOrDefault("Subscriber", 0), "three Subscriber examples");
    }

    @Test
    void subscribersReferenceSecretsWithTheKeysTheirSchemeNeeds() throws IOException {
        Map<String, Secret> secrets = new HashMap<>();
        List<Subscriber> subscribers = new ArrayList<>();
        for (Document doc : deployDocuments()) {
            if (doc.kind().equals("Secret")) {
                secrets.put(doc.name(), JSON.treeToValue(doc.node(), Secret.class));
            } else if (doc.kind().equals("Subscriber")) {
                subscribers.add(JSON.treeToValue(doc.node(), Subscriber.class));
            }
        }
        Map<String, Integer> byKeying = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            AuthSpec auth = subscriber.getSpec().getAuth();
            Secret secret = secrets.get(auth.getSecretRef().getName());
            String who = "Subscriber " + subscriber.getMetadata().getName();
            assertNotNull(secret, who + ": Secret " + auth.getSecretRef().getName() + " not in deploy/");
            Map<String, String> data = secret.getStringData();
            assertNotNull(data, who + ": example Secrets use stringData");
            if (auth.getScheme() == AuthScheme.AKAV1_MD5) {
                byte[] k = hex(data.get(AuthSpec.KEY_K), 16, who + " k");
                assertTrue(data.containsKey(AuthSpec.KEY_OP) ^ data.containsKey(AuthSpec.KEY_OPC),
                        who + ": exactly one of op, opc");
                String opKey = data.containsKey(AuthSpec.KEY_OP) ? AuthSpec.KEY_OP : AuthSpec.KEY_OPC;
                byte[] op = hex(data.get(opKey), 16, who + " " + opKey);
                byte[] amf = hex(data.get(AuthSpec.KEY_AMF), 2, who + " amf");
                if (opKey.equals(AuthSpec.KEY_OP)) {
                    for (byte[] key : List.of(k, op, amf)) {
                        assertSippSafe(key, who);
                    }
                }
                byKeying.merge(opKey, 1, Integer::sum);
            } else {
                String password = data.get(AuthSpec.KEY_PASSWORD);
                assertTrue(password != null && !password.isEmpty(), who + ": password missing");
                byKeying.merge(AuthSpec.KEY_PASSWORD, 1, Integer::sum);
            }
        }
        assertEquals(Map.of("op", 1, "opc", 1, "password", 1), byKeying,
                "examples: one AKA subscriber keyed with OP, one with OPc, one digest");
    }

    private static byte[] hex(String value, int length, String what) {
        assertNotNull(value, what + " missing");
        byte[] bytes = HexFormat.of().parseHex(value);
        assertEquals(length, bytes.length, what + " length");
        return bytes;
    }

    private static void assertSippSafe(byte[] key, String who) {
        for (byte b : key) {
            for (byte bad : SIPP_UNSAFE_BYTES) {
                assertTrue(b != bad, who + ": key byte " + String.format("%02x", bad) + " breaks SIPp");
            }
        }
    }
}
