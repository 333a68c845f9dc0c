package io.kubeims.local;

import io.kubeims.config.NetworkFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The launcher as a user runs it ({@code KubeImsCommand up} in its own JVM, as {@code bin/kube-ims} starts it): what it
 * prints (addresses, subscribers, never a credential or the token), SIGTERM stopping the functions in reverse order,
 * and a SIGKILL of the launcher, which runs no hook, still leaving no function running (the children's parent watch).
 */
class LauncherProcessTest {

    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration STOP = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private Process launcher;
    private Thread reader;
    private final StringBuffer output = new StringBuffer();
    private final List<ProcessHandle> children = new ArrayList<>();

    @AfterEach
    void noProcessSurvivesAFailedTest() {
        children.forEach(ProcessHandle::destroyForcibly);
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void printsWhereTheCoreIsAndStopsInReverseOrderOnSigterm() throws Exception {
        FreePorts ports = launch();
        String summary = output.toString();
        assertTrue(summary.contains("kube-ims: local core ims-lab (ims.example.com) is up"), summary);
        assertTrue(summary.contains("I-CSCF   sip:127.0.0.1:" + (ports.base() + 7) + " "), summary);
        assertTrue(summary.contains("HSS      http://127.0.0.1:" + (ports.base() + 3) + " "), summary);
        assertTrue(summary.contains("alice@ims.example.com    AKAv1-MD5   sip:alice@ims.example.com,"
                + " tel:+15551230001"), summary);
        assertTrue(summary.contains("carol@ims.example.com    SIP-Digest  sip:carol@ims.example.com"), summary);
        assertTrue(summary.contains("Stop with Ctrl-C."), summary);

        // SIGTERM, as a service manager sends (Process.destroy would also close the pipe of its output)
        assertTrue(launcher.toHandle().destroy());
        assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop");
        assertEquals(143, launcher.exitValue(), "128 + SIGTERM");
        awaitChildrenGone();
        reader.join(STOP.toMillis());   // the rest of the output
        String all = output.toString();
        assertTrue(all.contains("kube-ims: stopped"), all);
        assertTrue(all.indexOf("stopping the I-CSCF") < all.indexOf("stopping the HSS"), all);

        String token = Files.readString(temp.resolve("data").resolve("secrets").resolve("hss-api-token")).strip();
        assertFalse(all.contains(token), "the API token printed");
        for (String secret : ExampleManifestFiles.secretValues()) {
            assertFalse(all.contains(secret), "a credential printed");
        }
    }

    @Test
    void aKilledLauncherLeavesNoFunctionRunning() throws Exception {
        launch();
        launcher.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS));
        awaitChildrenGone();
        String hssLog = Files.readString(temp.resolve("data").resolve("run").resolve("hss.log"));
        assertTrue(hssLog.contains("kube-ims parent watch: the launcher (pid " + launcher.pid() + ") is gone"),
                hssLog);
    }

    /** Starts the launcher with the HSS and I-CSCF on free ports and waits for its summary. */
    private FreePorts launch() throws IOException, InterruptedException {
        FreePorts ports = FreePorts.find();
        TestCores.options(temp.resolve("data"), ports);   // refuses missing or stale applications
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dkubeims.repository=" + ExampleManifestFiles.repository(),
                KubeImsCommand.class.getName(), "up",
                "--data-dir", temp.resolve("data").toString(),
                "--port-base", Integer.toString(ports.base()),
                "--pcscf-port", Integer.toString(ports.pcscfPort()),
                "--only", TestCores.AVAILABLE.stream().map(NetworkFunction::id).collect(Collectors.joining(",")));
        launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("[launcher] " + line);
                    output.append(line).append('\n');
                }
            } catch (IOException closed) {
                // the launcher ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!output.toString().contains("Stop with Ctrl-C.")) {
            if (!launcher.isAlive()) {
                fail("the launcher exited with " + launcher.exitValue() + ":\n" + output);
            }
            if (System.nanoTime() > deadline) {
                fail("the launcher printed no summary within " + START + ":\n" + output);
            }
            Thread.sleep(100);
        }
        children.addAll(launcher.descendants().toList());
        assertEquals(TestCores.AVAILABLE.size(), children.size(), () -> "children: " + children);
        return ports;
    }

    private void awaitChildrenGone() throws Exception {
        for (ProcessHandle child : children) {
            child.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "pid " + child.pid() + " survived its launcher");
        }
    }
}
