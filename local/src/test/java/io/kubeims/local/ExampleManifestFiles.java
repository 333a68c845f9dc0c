package io.kubeims.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's {@code deploy/examples}, and copies of it for a test to break. */
final class ExampleManifestFiles {

    private ExampleManifestFiles() {
    }

    /** The reactor root: the parent of the module's directory. */
    static Path repository() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    static Path examples() {
        return repository().resolve(LocalOptions.EXAMPLE_MANIFESTS);
    }

    /**
     * The credential values of the examples' Secrets (k, op, opc, password; not the 4-digit AMF, which is no secret
     * and too short to search for): none may ever be shown.
     */
    static List<String> secretValues() throws IOException {
        List<String> values = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(examples())) {
            for (Path file : files.sorted().toList()) {
                try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (documents.hasNextValue()) {
                        JsonNode document = documents.nextValue();
                        if ("Secret".equals(document.path("kind").asText())) {
                            document.path("stringData").fields().forEachRemaining(entry -> {
                                if (!entry.getKey().equals("amf")) {
                                    values.add(entry.getValue().asText());
                                }
                            });
                        }
                    }
                }
            }
        }
        assertTrue(values.size() >= 5, "the examples' Secrets: " + values.size() + " values");
        return values;
    }

    /** The {@code stringData} of the examples' Secret {@code name} (test keys only). */
    static Map<String, String> secret(String name) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(examples())) {
            for (Path file : files.sorted().toList()) {
                try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (documents.hasNextValue()) {
                        JsonNode document = documents.nextValue();
                        if ("Secret".equals(document.path("kind").asText())
                                && name.equals(document.path("metadata").path("name").asText())) {
                            Map<String, String> values = new HashMap<>();
                            document.path("stringData").fields().forEachRemaining(entry -> values.put(entry.getKey(),
                                    entry.getValue().asText()));
                            return values;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("no Secret " + name + " in " + examples());
    }

    /** A copy of deploy/examples in {@code directory}. */
    static Path copyInto(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(examples())) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
        return directory;
    }

    /** Replaces exactly one occurrence of {@code from} in a file. */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " lacks '" + from + "'");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
