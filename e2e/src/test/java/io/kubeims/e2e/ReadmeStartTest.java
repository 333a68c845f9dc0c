package io.kubeims.e2e;

import io.kubeims.config.Placement;
import io.kubeims.local.KubeImsCommand;
import io.kubeims.protocol.digest.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's promise, as a new user meets it: the launcher ({@code bin/kube-ims up}'s main, in a JVM of its own)
 * prints the P-CSCF address; a SIPp REGISTER against that address gets 401, then 200 for the example MD5 subscriber;
 * SIGTERM to the launcher's PID stops it and leaves no function JVM behind.
 */
class ReadmeStartTest {

    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration STOP = Duration.ofSeconds(90);
    private static final Pattern PCSCF_LINE = Pattern.compile("P-CSCF\\s+sip:([0-9.]+):(\\d+)\\s");

    @TempDir
    Path temp;

    private Process launcher;
    private final List<ProcessHandle> children = new ArrayList<>();
    private final StringBuffer output = new StringBuffer();

    @AfterEach
    void noProcessSurvivesAFailedTest() {
        children.forEach(ProcessHandle::destroyForcibly);
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aSippRegisterAgainstThePrintedAddressGets401Then200() throws Exception {
        SippRunner sipp = SippRunner.require();
        InetSocketAddress pcscf = launch();

        Path work = Files.createDirectories(temp.resolve("sipp"));
        Path scenario = SippRegistrationTest.scenario(work, "register-once.xml", "[authentication]");
        String impi = "carol@ims.example.com";
        SippRunner.Result result = sipp.run(work, scenario, pcscf, List.of("-s", "carol", "-au", impi, "-ap",
                ExampleCredentials.read(E2eCore.examples()).password(impi), "-auth_uri", "ims.example.com"),
                Duration.ofSeconds(60));
        assertTrue(result.succeeded(), result::describe);

        // stopped by PID (SIGTERM, as kill(1) or a service manager sends it)
        assertTrue(launcher.toHandle().destroy());
        assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop");
        assertEquals(143, launcher.exitValue(), "128 + SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "pid " + child.pid() + " survived its launcher");
        }
        assertFalse(ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive),
                () -> "left running: " + ProcessHandle.current().descendants().toList());
    }

    /**
     * Starts the launcher on free ports and returns the P-CSCF address it printed; on another block when a port was
     * taken meanwhile (the probe races with the other builds of this machine).
     */
    private InetSocketAddress launch() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            InetSocketAddress pcscf = launchOnce(attempt);
            if (pcscf != null) {
                return pcscf;
            }
        }
    }

    /** @return the P-CSCF address, or null when the launcher lost a port race and may try again */
    private InetSocketAddress launchOnce(int attempt) throws IOException, InterruptedException {
        output.setLength(0);
        int base = E2eCore.freePortBlock();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dkubeims.repository=" + E2eCore.repository(),
                KubeImsCommand.class.getName(), "up",
                "--data-dir", temp.resolve("data" + attempt).toString(),
                "--port-base", Integer.toString(base),
                "--pcscf-port", Integer.toString(base + Placement.Local.PORT_BLOCK));
        launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
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
                launcher.waitFor();
                reader.join(5_000);
                if (attempt < 3 && E2eCore.portTaken(output.toString())) {
                    return null;
                }
                fail("the launcher exited with " + launcher.exitValue() + ":\n" + output);
            }
            if (System.nanoTime() > deadline) {
                fail("the launcher printed no summary within " + START + ":\n" + output);
            }
            Thread.sleep(100);
        }
        children.addAll(launcher.descendants().toList());
        assertEquals(4, children.size(), () -> "HSS, S-, I-, P-CSCF: " + children);
        Matcher printed = PCSCF_LINE.matcher(output);
        assertTrue(printed.find(), output::toString);
        return new InetSocketAddress(printed.group(1), Integer.parseInt(printed.group(2)));
    }
}
