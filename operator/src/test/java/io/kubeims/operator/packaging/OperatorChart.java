package io.kubeims.operator.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** charts/kube-ims-operator of the reactor, rendered by the bundled Helm (helm-java). */
final class OperatorChart {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    static final Path CHART = ROOT.resolve("charts").resolve("kube-ims-operator");

    private OperatorChart() {
    }

    /** {@code helm template} with these values (YAML, as a values file), parsed into typed objects. */
    static List<HasMetadata> render(String values) {
        try {
            Path file = Files.createTempFile("values", ".yaml");
            try {
                Files.writeString(file, values);
                TemplateCommand template = new Helm(CHART).template().withName("kube-ims")
                        .withNamespace("kube-ims-system").withValuesFile(file);
                return parse(template.call());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML text, skipping empty ones. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.replaceAll("(?m)^\\s*#.*$", "").isBlank()) {
                continue;
            }
            KubernetesResource parsed = Serialization.unmarshal(document);
            if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else {
                objects.add((HasMetadata) parsed);
            }
        }
        return objects;
    }
}
