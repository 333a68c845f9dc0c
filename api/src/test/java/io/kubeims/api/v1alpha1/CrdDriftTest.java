package io.kubeims.api.v1alpha1;

import io.fabric8.crdv2.generator.CRDGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CRD YAML in {@code crds/} must be exactly what the Java model generates. After changing the model run
 * {@code mvn -pl ims-protocol,api install -Dkubeims.crds.update=true} (or this test alone with that property) to
 * rewrite {@code crds/}, and commit the result.
 */
class CrdDriftTest {

    static final String UPDATE_PROPERTY = "kubeims.crds.update";

    @Test
    void checkedInCrdsMatchTheModel(@TempDir Path generated) throws IOException {
        generate(generated);
        Path checkedIn = CustomResources.crdDirectory();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(checkedIn);
            try (Stream<Path> old = Files.list(checkedIn)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".yml")).toList()) {
                    Files.delete(p);
                }
            }
            for (Path p : yamlFiles(generated)) {
                Files.copy(p, checkedIn.resolve(p.getFileName()));
            }
        }

        List<Path> expected = yamlFiles(generated);
        assertEquals(3, expected.size(), "the generator should write one CRD per custom resource");
        assertTrue(Files.isDirectory(checkedIn), "crds/ is missing; run with -D" + UPDATE_PROPERTY + "=true");

        TreeSet<String> expectedNames = names(expected);
        TreeSet<String> actualNames = names(yamlFiles(checkedIn));
        assertEquals(expectedNames, actualNames, "crds/ holds other files than the model generates; run with -D"
                + UPDATE_PROPERTY + "=true");

        List<String> drifted = new ArrayList<>();
        for (Path p : expected) {
            String want = Files.readString(p);
            String have = Files.readString(checkedIn.resolve(p.getFileName()));
            if (!want.equals(have)) {
                drifted.add(p.getFileName().toString());
            }
        }
        if (!drifted.isEmpty()) {
            fail("crds/ drifted from the Java model: " + drifted + "; regenerate with -D" + UPDATE_PROPERTY
                    + "=true and commit");
        }
    }

    static void generate(Path outputDir) {
        CRDGenerator generator = new CRDGenerator().inOutputDir(outputDir.toFile()).forCRDVersions("v1");
        CustomResources.CLASSES.forEach(generator::customResourceClasses);
        int written = generator.generate();
        assertEquals(CustomResources.CLASSES.size(), written, "CRDs generated");
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().collect(Collectors.toList());
        }
    }

    private static TreeSet<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
}
