package io.kubeims.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Validators for each kind, built from CRDs freshly generated from the model (test support). */
final class CrdSchemas {

    private CrdSchemas() {
    }

    /** Generates the CRDs into {@code dir} and returns a schema validator per kind. */
    static Map<String, CrdSchemaValidator> generate(Path dir) throws IOException {
        CrdDriftTest.generate(dir);
        YAMLMapper yaml = new YAMLMapper();
        Map<String, CrdSchemaValidator> validators = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path crd : files.toList()) {
                JsonNode node = yaml.readTree(crd.toFile());
                validators.put(node.path("spec").path("names").path("kind").asText(), new CrdSchemaValidator(
                        node.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema")));
            }
        }
        return validators;
    }
}
