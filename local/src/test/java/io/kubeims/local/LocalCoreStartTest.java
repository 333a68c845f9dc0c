package io.kubeims.local;

import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.config.NetworkFunction;
import io.kubeims.hssclient.HssSubscriberView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real local core through the Java API: the functions the CSCF image of this branch runs start as child JVMs on the
 * test's port block, the example subscribers are in the HSS (read back through hss-client), nothing shows a
 * credential, a function that dies is reported, and {@code close()} leaves no child process.
 */
class LocalCoreStartTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** The subscribers of deploy/examples, as those files define them. */
    private static final Map<String, List<String>> EXAMPLE_IDENTITIES = Map.of(
            "alice@ims.example.com", List.of("sip:alice@ims.example.com", "tel:+15551230001"),
            "bob@ims.example.com", List.of("sip:bob@ims.example.com", "tel:+15551230002"),
            "carol@ims.example.com", List.of("sip:carol@ims.example.com"));
    private static final Map<String, AuthScheme> EXAMPLE_SCHEMES = Map.of("alice@ims.example.com",
            AuthScheme.AKAV1_MD5, "bob@ims.example.com", AuthScheme.AKAV1_MD5, "carol@ims.example.com",
            AuthScheme.SIP_DIGEST);

    @TempDir
    Path temp;

    @Test
    void startsProvisionsTheExamplesAndStopsWithoutLeavingAProcess() throws Exception {
        FreePorts ports = FreePorts.find();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        LocalOptions options = TestCores.options(temp.resolve("data"), ports).withProgress(line -> {
            progress.add(line);
            System.out.println("[local] " + line);
        });
        Map<NetworkFunction, ProcessHandle> children;
        try (LocalCore core = LocalCore.start(options)) {
            assertEquals(TestCores.AVAILABLE, core.functions());
            children = core.processes();
            for (Map.Entry<NetworkFunction, ProcessHandle> child : children.entrySet()) {
                assertTrue(child.getValue().isAlive(), child.getKey().id());
                assertEquals(ProcessHandle.current().pid(), child.getValue().parent().orElseThrow().pid(),
                        child.getKey().id() + " is a child of the launcher");
                if (Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc"))) {
                    // a session of its own: a terminal's Ctrl-C reaches only the launcher, which stops in order
                    assertEquals(child.getValue().pid(), session(child.getValue().pid()), child.getKey().id());
                }
            }
            // the port block of core-config's local placement: HTTP HSS base+3, I-CSCF base+5; SIP I-CSCF base+7
            assertEquals(URI.create("http://127.0.0.1:" + (ports.base() + 3)), core.httpUri(NetworkFunction.HSS));
            assertEquals(200, status(URI.create("http://127.0.0.1:" + (ports.base() + 3) + "/q/health/ready")));
            assertEquals(200, status(URI.create("http://127.0.0.1:" + (ports.base() + 5) + "/q/health/ready")));
            assertEquals(ports.base() + 7, core.sipPort(NetworkFunction.ICSCF));
            assertEquals(ports.pcscfPort(), core.pcscfAddress().getPort());

            for (Map.Entry<String, List<String>> expected : EXAMPLE_IDENTITIES.entrySet()) {
                HssSubscriberView view = core.hssClient().get(expected.getKey()).orElseThrow(
                        () -> new AssertionError(expected.getKey() + " is not in the HSS"));
                assertEquals(expected.getValue(), view.publicIdentities().stream()
                        .map(PublicIdentitySpec::getIdentity).toList());
                assertEquals(EXAMPLE_SCHEMES.get(expected.getKey()), view.auth().scheme());
                assertEquals(2, view.initialFilterCriteria().size(), "default-services");
            }
            // the API needs this run's token
            assertEquals(401, status(core.httpUri(NetworkFunction.HSS).resolve(
                    "/api/v1/subscribers/alice@ims.example.com")));

            String token = Files.readString(core.hssApiTokenFile()).strip();
            List<String> shown = new ArrayList<>(progress);
            shown.add(core.toString());
            for (NetworkFunction function : NetworkFunction.values()) {
                shown.add(Files.readString(core.properties(function), StandardCharsets.ISO_8859_1));
            }
            for (NetworkFunction function : core.functions()) {
                shown.add(Files.readString(core.log(function), StandardCharsets.UTF_8));
            }
            for (String text : shown) {
                assertFalse(text.contains(token), "the API token shown");
                for (String secret : ExampleManifestFiles.secretValues()) {
                    assertFalse(text.contains(secret), "a credential shown");
                }
            }

            // a function that dies is reported, not restarted
            assertFalse(core.unexpectedExit().isDone());
            children.get(NetworkFunction.ICSCF).destroyForcibly();
            LocalCore.FunctionExit exit = core.unexpectedExit().get(60, TimeUnit.SECONDS);
            assertEquals(NetworkFunction.ICSCF, exit.function());
            assertEquals(137, exit.exitCode(), "128 + SIGKILL");
        }
        for (Map.Entry<NetworkFunction, ProcessHandle> child : children.entrySet()) {
            assertFalse(child.getValue().isAlive(), child.getKey().id() + " still runs");
        }
        Set<Long> left = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        children.values().forEach(child -> assertFalse(left.contains(child.pid()), "pid " + child.pid() + " left"));
        // reverse order: the I-CSCF (already dead: nothing to wait for) before the HSS
        assertTrue(progress.indexOf("stopping the I-CSCF") < progress.indexOf("stopping the HSS"),
                progress::toString);
        assertEquals("stopped", progress.get(progress.size() - 1));
    }

    /** The session id of a process (Linux: the 4th field after the command in /proc/PID/stat). */
    private static long session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
