package io.kubeims.hssclient.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HSS for tests: the application of {@link HssApplication} in a child JVM, HTTP (provisioning API, health)
 * on 127.0.0.1 and Diameter Cx on 127.0.0.2, each on a port free when chosen; an embedded store in a directory
 * under {@code target/}; a random API token. It can be killed and started again on the same ports and store, as an
 * HSS that crashes and comes back. Every wait is bounded; {@link #close} stops it and deletes its directory.
 */
public final class HssProcess implements AutoCloseable {

    /** The home realm of the HSS, that of the example manifests in {@code deploy/examples}. */
    public static final String REALM = "ims.example.com";
    /** The HSS's Diameter Origin-Host. */
    public static final String DIAMETER_HOST = "hss." + REALM;
    /** The loopback address of the Diameter listener (clients use 127.0.0.1, so hosts and addresses differ). */
    public static final String DIAMETER_ADDRESS = "127.0.0.2";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final HssApplication application;
    private final Path directory;
    private final int httpPort;
    private final int diameterPort;
    private final String token;
    private final List<String> extraOptions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Thread killOnExit;
    private int launches;

    private HssProcess(HssApplication application, Path directory, int httpPort, int diameterPort, String token,
            List<String> extraOptions) {
        this.application = application;
        this.directory = directory;
        this.httpPort = httpPort;
        this.diameterPort = diameterPort;
        this.token = token;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Builds the HSS if needed and starts it under a new directory in {@code target/hss-runs}. */
    public static HssProcess start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /**
     * @param extraOptions further JVM options of the HSS, e.g. {@code -Dkubeims.hss.cx.scscf-pool=...} or heap size
     * @throws IllegalStateException if the HSS does not become ready in time (with the end of its log)
     */
    public static HssProcess start(List<String> extraOptions) throws IOException, InterruptedException {
        HssApplication application = HssApplication.forTests();
        Path runs = Path.of(System.getProperty("user.dir")).resolve("target").resolve("hss-runs");
        Files.createDirectories(runs);
        String token = randomToken();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path directory = Files.createTempDirectory(runs, "hss-");
            HssProcess hss = new HssProcess(application, directory, freePort("127.0.0.1"),
                    freePort(DIAMETER_ADDRESS), token, extraOptions);
            try {
                hss.launch();
                return hss;
            } catch (IllegalStateException e) {
                hss.close();
                if (!e.getMessage().contains("Address already in use")) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** The HTTP root, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The provisioning API's bearer token. */
    public String token() {
        return token;
    }

    /** The file holding the token, as a mounted Secret would (with a trailing newline). */
    public Path tokenFile() {
        return directory.resolve("api-token");
    }

    /** The Diameter Cx port on {@link #DIAMETER_ADDRESS}. */
    public int diameterPort() {
        return diameterPort;
    }

    /** The HSS's console output (all launches). */
    public Path log() {
        return directory.resolve("hss.log");
    }

    /** CPU time the running HSS process has used so far (zero when it does not run or the OS does not tell). */
    public synchronized Duration cpuTime() {
        return process == null ? Duration.ZERO : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Whether the HSS process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the HSS at once (SIGKILL), as a crash: clients get refused connections until {@link #restart}. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            removeHook();
            process = null;
        }
    }

    /** Starts the HSS again on the same ports and store and waits until it is ready. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("the HSS still runs");
        }
        launch();
    }

    /** Stops the HSS (SIGTERM, SIGKILL after a bound) and deletes its directory. */
    @Override
    public synchronized void close() {
        if (process != null) {
            removeHook();
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        try {
            HssApplication.deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void launch() throws IOException, InterruptedException {
        launches++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dkubeims.hss.realm=" + REALM,
                "-Dkubeims.hss.store.data-dir=" + directory.resolve("store"),
                "-Dkubeims.hss.api.token-file=" + writeToken(),
                "-Dkubeims.hss.diameter.bind-address=" + DIAMETER_ADDRESS,
                "-Dkubeims.hss.diameter.port=" + diameterPort,
                "-Dkubeims.hss.diameter.request-timeout=3s"));
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(application.runnerJar().toString());
        Path log = log();
        Files.writeString(log, "=== launch " + launches + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process launched = process;
        killOnExit = new Thread(launched::destroyForcibly, "kill-hss-" + httpPort);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitReady(launched);
    }

    private Path writeToken() throws IOException {
        Path file = tokenFile();
        // As a Secret written with echo: the HSS strips the newline.
        Files.writeString(file, token + "\n");
        return file;
    }

    private void awaitReady(Process launched) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!launched.isAlive()) {
                removeHook();
                process = null;
                throw new IllegalStateException("the HSS exited with " + launched.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        launched.destroyForcibly();
        removeHook();
        process = null;
        throw new IllegalStateException("the HSS was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrGone) {
            // the hook runs (and kills the process) or was removed already
        }
    }

    private String tail() {
        try {
            String text = Files.readString(log());
            return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "HssProcess[" + baseUri() + ", diameter " + DIAMETER_ADDRESS + ":" + diameterPort + ", token=<redacted>]";
    }
}
