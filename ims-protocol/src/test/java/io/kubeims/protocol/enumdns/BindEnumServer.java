package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real authoritative DNS server for tests: BIND 9's {@code named} (Debian {@code bind9}) in the
 * foreground as a child process, serving one zone file on a free port of 127.0.0.1 (UDP and TCP),
 * with its own directory and no recursion, control channel or DNSSEC. Shared through the
 * ims-protocol test-jar: the ENUM tests here and the end-to-end tests (the local core's S-CSCF
 * pointed at it by the ImsCore {@code spec.enum.server}) start the same server the same way.
 *
 * <p>Tool policy, as for SIPp: without {@code named} (on the PATH, in /usr/sbin, or at system
 * property {@value #NAMED_PATH}) {@link #require()} skips the calling test, or fails it when
 * {@code -Dkubeims.require-tools=true} ({@code bin/run-tests} installs bind9 and sets it).
 */
public final class BindEnumServer implements AutoCloseable {

    /** System property naming the named executable when it is not on the PATH or in /usr/sbin. */
    public static final String NAMED_PATH = "kubeims.named";
    /** System property that turns a missing tool from a skip into a failure (same as SippRunner's). */
    public static final String REQUIRE_TOOLS = "kubeims.require-tools";
    /** The ENUM examples of the reference note seeds/001, as a zone file for named (test resource). */
    public static final String SEED_ZONE_RESOURCE = "/enumdns/bind/e164.arpa.zone";

    static final String MISSING = "named is not installed: install it with `apt-get install bind9` "
            + "(BIND 9.18) or name it with -D" + NAMED_PATH + "=/path/to/named";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration READY = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;

    private BindEnumServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The named executable, if installed; otherwise skips the calling test, or fails it under
     * {@code -Dkubeims.require-tools=true}.
     */
    public static Path require() {
        Optional<Path> named = locate();
        if (named.isEmpty()) {
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_TOOLS))) {
                fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        return named.get();
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(NAMED_PATH);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        // Debian installs named in /usr/sbin, which a non-root PATH often lacks.
        List<String> directories = new ArrayList<>(List.of(
                Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        return directories.stream().filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "named"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts named serving the reference note's ENUM examples ({@link #SEED_ZONE_RESOURCE}) for e164.arpa. */
    public static BindEnumServer startSeedZone(Path directory) throws IOException, InterruptedException {
        return start(directory, "e164.arpa", resource(SEED_ZONE_RESOURCE));
    }

    /**
     * Starts named (after {@link #require()}) serving {@code zoneText} as the primary zone {@code origin},
     * on a free loopback port; returns once it answers. The caller closes it.
     *
     * @param directory an empty directory of the caller's (configuration, zone copy, named's log)
     * @throws IOException if named will not load the zone or start (its log is in the message)
     */
    public static BindEnumServer start(Path directory, String origin, String zoneText)
            throws IOException, InterruptedException {
        Path named = require();
        Files.createDirectories(directory);
        Path absolute = directory.toAbsolutePath();
        Path zone = absolute.resolve(origin + ".zone");
        Files.writeString(zone, zoneText, StandardCharsets.US_ASCII);
        IOException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Path config = absolute.resolve("named.conf");
            Files.writeString(config, configuration(absolute, origin, zone, port), StandardCharsets.US_ASCII);
            Path log = absolute.resolve("named-" + attempt + ".log");
            // -g: foreground, log to stderr, no chroot or setuid; -4: IPv4 only; -n 1: one worker
            // thread, as the tests' load is light and the machine's cores are shared.
            Process process = new ProcessBuilder(named.toString(), "-g", "-4", "-n", "1", "-p",
                    Integer.toString(port), "-c", config.toString())
                    .directory(absolute.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitRunning(process, log);
                return new BindEnumServer(process, port, log);
            } catch (IOException e) {
                stop(process);
                last = e;
                // the free-port probe races with other builds on this machine: another port then
                if (!e.getMessage().contains("address in use")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** The UDP and TCP port named listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** "127.0.0.1:port": the form of EnumResolverSettings.forServer and of the ImsCore spec.enum.server. */
    public String server() {
        return LOOPBACK + ":" + port;
    }

    /** What named logged so far (for a failing test's message). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops named (SIGTERM, then SIGKILL after a few seconds). */
    @Override
    public void close() {
        stop(process);
    }

    /** A test resource's text (the zone files live in the test-jar too). */
    public static String resource(String name) throws IOException {
        try (InputStream in = BindEnumServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String configuration(Path directory, String origin, Path zone, int port) {
        // No "controls": named would otherwise open rndc on port 953 with the system's key.
        return "options {\n"
                + "  directory \"" + directory + "\";\n"
                + "  pid-file none;\n"
                + "  session-keyfile none;\n"
                + "  managed-keys-directory \"" + directory + "\";\n"
                + "  listen-on port " + port + " { " + LOOPBACK + "; };\n"
                + "  listen-on-v6 { none; };\n"
                + "  recursion no;\n"
                + "  dnssec-validation no;\n"
                + "  notify no;\n"
                + "  allow-query { any; };\n"
                + "};\n"
                + "controls { };\n"
                + "zone \"" + origin + "\" { type primary; file \"" + zone + "\"; };\n";
    }

    /** Waits for named's "running" line (it has loaded every zone); fails fast when it exits. */
    private static void awaitRunning(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (text.lines().anyMatch(line -> line.endsWith(" running"))) {
                // named keeps running without a zone it cannot load or a port it cannot bind
                if (text.contains("not loaded due to errors")) {
                    throw new IOException("named did not load the zone:\n" + text);
                }
                if (text.contains("address in use")) {
                    throw new IOException("named: address in use:\n" + text);
                }
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("named exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(50);
        }
        throw new IOException("named did not start within " + READY.toSeconds() + " s:\n"
                + Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A port free on 127.0.0.1 in UDP and TCP (named serves both); racy, hence the retries of start. */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            try (DatagramSocket udp = new DatagramSocket(null); ServerSocket tcp = new ServerSocket()) {
                InetAddress loopback = InetAddress.getByName(LOOPBACK);
                udp.bind(new InetSocketAddress(loopback, candidate));
                tcp.bind(new InetSocketAddress(loopback, candidate), 1);
                return candidate;
            } catch (IOException taken) {
                // next candidate
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port found"));
    }

    @Override
    public String toString() {
        return "named on " + server() + " (pid " + process.pid() + ")";
    }
}
