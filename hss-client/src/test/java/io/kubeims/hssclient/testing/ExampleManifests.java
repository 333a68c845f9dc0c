package io.kubeims.hssclient.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example manifests of {@code deploy/examples} (Secrets, Subscribers, IfcProfiles) as model objects, so tests
 * provision exactly what a user would apply.
 */
public final class ExampleManifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Secret", Secret.class,
            "Subscriber", Subscriber.class, "IfcProfile", IfcProfile.class);

    private final List<HasMetadata> resources;

    private ExampleManifests(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Reads {@code deploy/examples/<file>} of the reactor (the parent of the working directory). */
    public static ExampleManifests read(String... files) {
        Path examples = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("deploy")
                .resolve("examples");
        ObjectMapper json = JsonMapper.builder().build();
        YAMLMapper yaml = new YAMLMapper(new YAMLFactory());
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : files) {
            try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class)
                    .readValues(Files.readString(examples.resolve(file)))) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document == null || document.isNull() || document.isEmpty()) {
                        continue;
                    }
                    Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
                    if (type != null) {
                        resources.add(json.convertValue(document, type));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ExampleManifests(resources);
    }

    /** Every resource read, in file order. */
    public List<HasMetadata> all() {
        return resources;
    }

    /** The resource of this type and name. */
    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + name));
    }

    /** A fresh copy of the resource of this type and name, for a test to modify. */
    public <T extends HasMetadata> T copyOf(Class<T> type, String name) {
        ObjectMapper json = JsonMapper.builder().build();
        return json.convertValue(json.valueToTree(get(type, name)), type);
    }
}
