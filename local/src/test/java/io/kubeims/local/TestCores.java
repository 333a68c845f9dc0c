package io.kubeims.local;

import io.kubeims.config.NetworkFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Options of a real local core in a test: the packaged applications of this reactor (refused when missing or older
 * than the classes they are built from, so a test never runs yesterday's code), free ports, a data directory of the
 * test's own, small quick-starting JVMs.
 */
final class TestCores {

    /** The functions the tests start: all of them (the CSCF image runs the P-, I- and S-CSCF roles). */
    static final Set<NetworkFunction> AVAILABLE = EnumSet.allOf(NetworkFunction.class);

    /** Reactor modules bundled into each application. */
    private static final List<String> HSS_MODULES = List.of("ims-protocol", "api", "ims-cx", "ims-store",
            "hss-image");
    private static final List<String> CSCF_MODULES = List.of("ims-protocol", "ims-cx", "ims-store", "cscf-image");

    /** Child JVM options for tests: small heap, fast start (C1 only). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private TestCores() {
    }

    static LocalOptions options(Path data, FreePorts ports) {
        Path repository = ExampleManifestFiles.repository();
        LocalOptions options = LocalOptions.forRepository(repository);
        requireFresh(repository, options.hssApplication(), HSS_MODULES);
        requireFresh(repository, options.cscfApplication(), CSCF_MODULES);
        return options.withDataDirectory(data).withPortBase(ports.base()).withPcscfSipPort(ports.pcscfPort())
                .withFunctions(AVAILABLE).withJvmOptions(JVM_OPTIONS)
                .withTimeouts(Duration.ofSeconds(180), Duration.ofSeconds(30))
                .withProgress(line -> System.out.println("[local] " + line));
    }

    private static void requireFresh(Path repository, Path application, List<String> modules) {
        String build = "mvn -B -o -q -pl hss-image,cscf-image -am -DskipTests package";
        if (!Files.isRegularFile(application)) {
            fail(application + " is missing: package the applications first (" + build + ")");
        }
        try {
            FileTime built = Files.getLastModifiedTime(application);
            for (String module : modules) {
                Path classes = repository.resolve(module).resolve("target").resolve("classes");
                if (!Files.isDirectory(classes)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(classes)) {
                    Path newer = files.filter(Files::isRegularFile).filter(file -> modified(file).compareTo(built) > 0)
                            .findFirst().orElse(null);
                    if (newer != null) {
                        fail(application + " is older than " + newer + ": package again (" + build + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
