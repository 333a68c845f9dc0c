package io.kubeims.hssclient.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HSS of this reactor (module {@code hss-image}) as a runnable Quarkus application, built from its compiled
 * classes by {@link HssApplicationBuild} in a child JVM into {@code target/hss-app} of the module running the tests.
 * The build (about 25 s) is reused while the HSS's classes and POMs, and those of the reactor modules it bundles,
 * are unchanged: a SHA-256 of their content is kept next to it.
 *
 * <p>Why this way: the HSS is a Quarkus application, and {@code @QuarkusTest} only starts the module under test; its
 * {@code quarkus-run.jar} exists only after {@code mvn package}, which {@code mvn test} does not reach. Building it
 * here works in both, and a child process can be killed and restarted like a real HSS.
 */
public final class HssApplication {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>",
            Pattern.DOTALL);
    private static final Pattern LOCAL_DEPENDENCY = Pattern.compile("^io\\.kubeims:([^:]+):", Pattern.MULTILINE);

    private final Path runnerJar;

    private HssApplication(Path runnerJar) {
        this.runnerJar = runnerJar;
    }

    /** {@code quarkus-run.jar} of the built application. */
    public Path runnerJar() {
        return runnerJar;
    }

    /**
     * The HSS application for tests of the module in the working directory, built if missing or stale.
     * {@code -Dkubeims.test.reactor-root} overrides where the reactor is (default: the parent of the working
     * directory).
     */
    public static HssApplication forTests() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path reactor = Path.of(System.getProperty("kubeims.test.reactor-root", module.getParent().toString()));
        return buildIfStale(reactor, module.resolve("target").resolve("hss-app"));
    }

    /**
     * @param reactor the reactor root (holding {@code hss-image/})
     * @param output  where the application is built
     * @throws IllegalStateException if hss-image is not compiled or the build fails (with the build's output)
     */
    public static synchronized HssApplication buildIfStale(Path reactor, Path output) {
        Path project = reactor.resolve("hss-image");
        Path classes = project.resolve("target").resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " does not exist: build hss-image first (mvn -pl hss-image"
                    + " -am compile, or build this module with -am)");
        }
        Path runner = output.resolve("quarkus-app").resolve("quarkus-run.jar");
        Path stamp = output.resolve("fingerprint.sha256");
        try {
            if (Files.exists(runner) && Files.exists(stamp)
                    && Files.readString(stamp).equals(fingerprint(reactor, output))) {
                return new HssApplication(runner);
            }
            build(classes, project, output);
            Files.writeString(stamp, fingerprint(reactor, output));
            return new HssApplication(runner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(Path classes, Path project, Path output) throws IOException {
        deleteTree(output);
        Files.createDirectories(output);
        Path log = output.resolve("build.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                // The test class path (Surefire's booter jar lists it) holds Quarkus' bootstrap and this class.
                "-cp", System.getProperty("java.class.path"),
                HssApplicationBuild.class.getName(), classes.toString(), project.toString(), output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("building the HSS took longer than " + BUILD_TIMEOUT + ":\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the HSS", e);
        }
        if (process.exitValue() != 0 || !Files.exists(output.resolve("quarkus-app").resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("building the HSS failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }

    /**
     * A digest of what the application is built from: the parent POM, hss-image, and every reactor module the last
     * build bundled (from its {@code quarkus-app-dependencies.txt}): their POMs and compiled classes and resources.
     */
    private static String fingerprint(Path reactor, Path output) throws IOException {
        List<Path> modules = new ArrayList<>();
        modules.add(reactor.resolve("hss-image"));
        Path dependencies = output.resolve("quarkus-app").resolve("quarkus-app-dependencies.txt");
        if (Files.exists(dependencies)) {
            Map<String, Path> byArtifactId = reactorModules(reactor);
            Matcher local = LOCAL_DEPENDENCY.matcher(Files.readString(dependencies));
            while (local.find()) {
                Path module = byArtifactId.get(local.group(1));
                if (module != null) {
                    modules.add(module);
                }
            }
        }
        MessageDigest digest = sha256();
        update(digest, reactor, reactor.resolve("pom.xml"));
        for (Path module : modules) {
            update(digest, reactor, module.resolve("pom.xml"));
            Path classes = module.resolve("target").resolve("classes");
            if (Files.isDirectory(classes)) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        update(digest, reactor, file);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, Path> reactorModules(Path reactor) throws IOException {
        Map<String, Path> modules = new TreeMap<>();
        try (Stream<Path> children = Files.list(reactor)) {
            for (Path child : children.filter(dir -> Files.exists(dir.resolve("pom.xml"))).toList()) {
                Matcher id = ARTIFACT_ID.matcher(Files.readString(child.resolve("pom.xml")));
                if (id.find()) {
                    modules.put(id.group(1), child);
                }
            }
        }
        return modules;
    }

    private static void update(MessageDigest digest, Path reactor, Path file) throws IOException {
        digest.update(reactor.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (Files.exists(file)) {
            digest.update(Files.readAllBytes(file));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
