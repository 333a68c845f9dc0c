package io.kubeims.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeims.api.v1alpha1.common.SecretReference;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret value ever appears in a derived configuration: store credentials are {@code ${VARIABLE}} references to
 * Secret keys, the HSS API token a file path. Checked structurally (every credential-like key) and by scanning every
 * text the derivation produces for the values of the Secrets the manifests define.
 */
class NoSecretValuesTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    /** The Secret an operator of the external Infinispan Server would create, as its manifest would say. */
    private static final String STORE_SECRET = "hotrod-credentials";
    private static final List<String> STORE_SECRET_VALUES = List.of("ims-store-operator", "Zq9.kx-never-in-a-configmap");

    private static ImsCore external(boolean withCredentials) {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        RegistrationStoreSpec store = core.getSpec().getRegistrationStore();
        store.setType(RegistrationStoreSpec.Type.EXTERNAL);
        RegistrationStoreSpec.External external = new RegistrationStoreSpec.External();
        external.setUri("hotrods://infinispan.data.svc:11222");
        if (withCredentials) {
            external.setCredentialsSecret(new SecretReference(STORE_SECRET));
        }
        store.setExternal(external);
        return core;
    }

    private static ImsCore operatorInfinispan() {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.INFINISPAN);
        core.getSpec().getScscf().setReplicas(3);
        return core;
    }

    private static List<CoreConfiguration> everyVariant() {
        List<CoreConfiguration> variants = new ArrayList<>();
        for (Placement placement : List.of(Placement.kubernetes(), Placement.local("/srv/ims"))) {
            variants.add(CoreConfiguration.derive(ExampleManifests.imsCoreIn("telco"), placement));
            variants.add(CoreConfiguration.derive(external(true), placement));
            variants.add(CoreConfiguration.derive(external(false), placement));
            variants.add(CoreConfiguration.derive(operatorInfinispan(), placement));
        }
        return variants;
    }

    @Test
    void externalStoreCredentialsAreReferencesToTheSecret() {
        for (Placement placement : List.of(Placement.kubernetes(), Placement.local("/srv/ims"))) {
            CoreConfiguration core = CoreConfiguration.derive(external(true), placement);
            for (NetworkFunction function : List.of(NetworkFunction.HSS, NetworkFunction.PCSCF,
                    NetworkFunction.SCSCF)) {
                FunctionConfiguration config = core.function(function);
                String prefix = function == NetworkFunction.HSS ? "kubeims.hss.store." : "kubeims.cscf.store.";
                assertEquals("hotrod", config.properties().get(prefix + "mode"));
                assertEquals("hotrods://infinispan.data.svc:11222", config.properties().get(prefix + "hotrod.uri"));
                assertEquals("${KUBEIMS_HOTROD_USERNAME}", config.properties().get(prefix + "hotrod.username"));
                assertEquals("${KUBEIMS_HOTROD_PASSWORD}", config.properties().get(prefix + "hotrod.password"));
                assertTrue(config.environment().contains(new EnvironmentVariable("KUBEIMS_HOTROD_PASSWORD",
                        new EnvironmentVariable.SecretKey(STORE_SECRET, "password"))), config.environment()::toString);
                assertTrue(config.environment().contains(new EnvironmentVariable("KUBEIMS_HOTROD_USERNAME",
                        new EnvironmentVariable.SecretKey(STORE_SECRET, "username"))), config.environment()::toString);
                assertFalse(config.properties().containsKey(prefix + "data-dir"));
            }
        }
    }

    @Test
    void operatorInfinispanIsReachedByItsServiceWithTheOperatorsSecret() {
        CoreConfiguration core = CoreConfiguration.derive(operatorInfinispan(), Placement.kubernetes());
        FunctionConfiguration scscf = core.function(NetworkFunction.SCSCF);
        assertEquals("ims-lab-infinispan.telco.svc.cluster.local:11222",
                scscf.properties().get("kubeims.cscf.store.hotrod.servers"));
        assertTrue(scscf.environment().contains(new EnvironmentVariable("KUBEIMS_HOTROD_PASSWORD",
                new EnvironmentVariable.SecretKey("ims-lab-infinispan-credentials", "password"))));
        assertEquals(List.of(), core.warnings());
    }

    @Test
    void everyCredentialKeyHoldsAReferenceOrAPath() {
        for (CoreConfiguration core : everyVariant()) {
            for (FunctionConfiguration function : core.functions().values()) {
                for (Map.Entry<String, String> property : function.properties().entrySet()) {
                    String key = property.getKey();
                    String value = property.getValue();
                    if (key.endsWith(".password") || key.endsWith(".username") || key.endsWith(".token")) {
                        assertTrue(value.matches("\\$\\{[A-Z_]+}"), key + " holds " + value);
                        String variable = value.substring(2, value.length() - 1);
                        assertTrue(function.environment().stream().anyMatch(env -> env.name().equals(variable)
                                && env.source() instanceof EnvironmentVariable.SecretKey), key);
                    }
                    if (key.endsWith("token-file") || key.endsWith("key-file")) {
                        assertTrue(function.secretFiles().stream().anyMatch(file -> file.path().equals(value)), key);
                    }
                }
            }
        }
    }

    @Test
    void noSecretValueOfAnyManifestAppearsInAnyOutput() throws IOException {
        List<String> secretValues = new ArrayList<>(STORE_SECRET_VALUES);
        secretValues.addAll(exampleSecretValues());
        assertTrue(secretValues.size() > STORE_SECRET_VALUES.size(), "the examples define Secrets to scan for");
        for (CoreConfiguration core : everyVariant()) {
            StringBuilder output = new StringBuilder(core.toString());
            for (FunctionConfiguration function : core.functions().values()) {
                output.append(function.asApplicationProperties()).append(function);
            }
            for (String secret : secretValues) {
                assertFalse(output.toString().contains(secret), "a secret value appears in the output of "
                        + core.placement());
            }
        }
    }

    /** The values (decoded) of every Secret under deploy/examples. */
    private static List<String> exampleSecretValues() throws IOException {
        List<String> values = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ExampleManifests.examples())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (var parser = new YAMLFactory().createParser(file.toFile())) {
                Iterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class);
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document == null || !"Secret".equals(document.path("kind").asText())) {
                        continue;
                    }
                    document.path("stringData").forEach(value -> values.add(value.asText()));
                    document.path("data").forEach(value -> values.add(new String(
                            Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8)));
                }
            }
        }
        return values;
    }
}
