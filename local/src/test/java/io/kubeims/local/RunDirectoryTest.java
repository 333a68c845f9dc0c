package io.kubeims.local;

import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state directory of a run: each function's properties as core-config derived them, the HSS API token (random,
 * owner-only, never in a properties file), stores of an earlier run emptied, one launcher per directory.
 */
class RunDirectoryTest {

    @TempDir
    Path temp;

    private CoreConfiguration example(Path data) {
        return CoreConfiguration.derive(ManifestReader.read(ExampleManifestFiles.examples()).imsCore(),
                Placement.local(data.toString()));
    }

    @Test
    void propertiesOfEveryFunctionAsDerived() throws Exception {
        Path data = temp.resolve("data");
        CoreConfiguration core = example(data);
        try (RunDirectory run = RunDirectory.prepare(data, core)) {
            for (NetworkFunction function : NetworkFunction.values()) {
                FunctionConfiguration expected = core.function(function);
                assertEquals(data.resolve("run").resolve(function.id() + ".properties"), run.properties(function));
                assertEquals(expected.properties(), load(run.properties(function)), function.id());
            }
            // the HSS reads its token from the file the local placement names
            assertEquals(run.tokenFile().toString(), load(run.properties(NetworkFunction.HSS))
                    .get("kubeims.hss.api.token-file"));
            assertEquals(data.resolve("secrets").resolve("hss-api-token"), run.tokenFile());
        }
    }

    @Test
    void theTokenIsRandomOwnerOnlyAndInNoPropertiesFile() throws Exception {
        Path data = temp.resolve("data");
        CoreConfiguration core = example(data);
        String first;
        try (RunDirectory run = RunDirectory.prepare(data, core)) {
            first = run.token();
            assertTrue(first.matches("[0-9a-f]{64}"), "256 random bits in hex");
            assertEquals(first, Files.readString(run.tokenFile()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.tokenFile())));
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(run.tokenFile().getParent())));
            for (NetworkFunction function : NetworkFunction.values()) {
                String text = Files.readString(run.properties(function), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(first), function.id() + " holds the token");
                for (String secret : ExampleManifestFiles.secretValues()) {
                    assertFalse(text.contains(secret), function.id() + " holds a credential");
                }
            }
            assertFalse(run.toString().contains(first));
        }
        try (RunDirectory again = RunDirectory.prepare(data, core)) {
            assertNotEquals(first, again.token(), "a new token per run");
        }
    }

    @Test
    void storesAndLogsOfAnEarlierRunAreEmptied() throws Exception {
        Path data = temp.resolve("data");
        CoreConfiguration core = example(data);
        Path oldStore = Files.createDirectories(data.resolve("hss").resolve("caches"));
        Files.writeString(oldStore.resolve("subscribers.dat"), "old");
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run").resolve("hss.log"), "old log");
        Path unrelated = Files.writeString(data.resolve("notes.txt"), "mine");
        try (RunDirectory run = RunDirectory.prepare(data, core)) {
            assertFalse(Files.exists(data.resolve("hss")), "the HSS store of the last run");
            assertFalse(Files.exists(run.log(NetworkFunction.HSS)), "the last run's log");
            assertEquals("mine", Files.readString(unrelated), "other files stay");
        }
    }

    @Test
    void oneLauncherPerDataDirectory() throws Exception {
        Path data = temp.resolve("data");
        CoreConfiguration core = example(data);
        try (RunDirectory run = RunDirectory.prepare(data, core)) {
            LocalStartException e = assertThrows(LocalStartException.class, () -> RunDirectory.prepare(data, core));
            assertTrue(e.getMessage().contains("another kube-ims launcher runs with the data directory " + data),
                    e.getMessage());
        }
        RunDirectory.prepare(data, core).close();   // free again once closed
    }

    @Test
    void theParentWatchAgentJar() throws Exception {
        Path data = temp.resolve("data");
        try (RunDirectory run = RunDirectory.prepare(data, example(data));
             JarFile jar = new JarFile(run.agentJar().toFile())) {
            assertEquals("io.kubeims.local.watch.ParentWatch",
                    jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            assertNotNull(jar.getEntry("io/kubeims/local/watch/ParentWatch.class"));
            assertEquals(2, jar.stream().count(), "the manifest and the one class");
            try (InputStream in = jar.getInputStream(jar.getEntry("io/kubeims/local/watch/ParentWatch.class"))) {
                assertTrue(in.readAllBytes().length > 0);
            }
        }
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
