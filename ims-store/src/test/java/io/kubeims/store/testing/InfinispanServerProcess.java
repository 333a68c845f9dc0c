package io.kubeims.store.testing;

import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Infinispan Server 16 for tests, in a child JVM on 127.0.0.1, without Docker: it runs
 * {@code org.infinispan.server.Bootstrap} from {@code infinispan-server-runtime} (a test dependency) on this JVM's
 * own class path, with a generated {@code conf/infinispan.xml} (one single-port endpoint for Hot Rod and REST, no
 * authentication; a one-node JGroups cluster on loopback, so distributed caches work) and {@code conf/log4j2.xml},
 * under a server root that also holds the {@code lib/} directory the server insists on and its {@code data/}.
 * {@link #start} returns once the server answers a Hot Rod request; every wait is bounded. A consumer module needs
 * {@code org.infinispan:infinispan-server-runtime} on its test class path (and this test-jar, test scope).
 */
public final class InfinispanServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** "Infinispan Server ... started in ...ms": logged once every cache and endpoint is up. */
    private static final String STARTED = "ISPN080001";
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final Path root;
    private final int port;
    private final Duration startTime;
    private final Thread killOnExit;
    private final Path deleteOnClose;

    private InfinispanServerProcess(Process process, Path root, int port, Duration startTime, Thread killOnExit,
            Path deleteOnClose) {
        this.process = process;
        this.root = root;
        this.port = port;
        this.startTime = startTime;
        this.killOnExit = killOnExit;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a server under a new temporary directory, which {@link #close} deletes.
     *
     * @see #start(Path)
     */
    public static InfinispanServerProcess startInTemporaryDirectory() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("infinispan-server-");
        try {
            return start(root, root);
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteTree(root);
            throw e;
        }
    }

    /**
     * Starts a server under {@code root} (created if needed) on free loopback ports and waits until it answers Hot
     * Rod. A port taken between choosing and binding it is retried with new ports.
     *
     * @throws IllegalStateException if the server exits or does not answer within the start timeout; the message
     *                               carries the end of its log
     */
    public static InfinispanServerProcess start(Path root) throws IOException, InterruptedException {
        return start(root, null);
    }

    private static InfinispanServerProcess start(Path root, Path deleteOnClose)
            throws IOException, InterruptedException {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(root.resolve("attempt-" + attempt), deleteOnClose);
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The loopback port serving Hot Rod (and REST). */
    public int hotRodPort() {
        return port;
    }

    /** From launching the JVM to the first answered Hot Rod request. */
    public Duration startTime() {
        return startTime;
    }

    /** The server's console output. */
    public Path log() {
        return root.resolve("server.log");
    }

    /** A new, started Hot Rod client of this server; the caller closes it. */
    public RemoteCacheManager newClient() {
        ConfigurationBuilder client = new ConfigurationBuilder();
        client.addServer().host("127.0.0.1").port(port);
        client.connectionTimeout(10_000).socketTimeout(30_000).maxRetries(2);
        return new RemoteCacheManager(client.build());
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after the stop timeout) and waits for it to exit; deletes its
     * temporary directory if it made one.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it kills the process.
        }
        stop(process);
        if (deleteOnClose != null) {
            deleteTree(deleteOnClose);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static InfinispanServerProcess startOnce(Path root, Path deleteOnClose)
            throws IOException, InterruptedException {
        int port = freePort();
        int clusterPort = freePort();
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("conf").resolve("infinispan.xml"), serverXml(port, clusterPort));
        Files.writeString(root.resolve("conf").resolve("log4j2.xml"), LOG4J2_XML);
        Path log = root.resolve("server.log");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                // Surefire's class path (its booter jar's manifest lists the test class path) has the server runtime.
                "-cp", System.getProperty("java.class.path"),
                "org.infinispan.server.Bootstrap", "-s", root.toString(), "-c", "infinispan.xml"));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread killOnExit = new Thread(process::destroyForcibly, "kill-infinispan-server-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            awaitHotRod(process, log, port, launched + START_TIMEOUT.toNanos());
        } catch (RuntimeException | InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            stop(process);
            throw e;
        }
        return new InfinispanServerProcess(process, root, port, Duration.ofNanos(System.nanoTime() - launched),
                killOnExit, deleteOnClose);
    }

    private static void awaitHotRod(Process process, Path log, int port, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(log);
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException(tail);
                }
                throw new IllegalStateException("Infinispan Server exited with " + process.exitValue() + ":\n" + tail);
            }
            if (read(log).contains(STARTED) && answersHotRod(port)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("Infinispan Server did not answer Hot Rod on 127.0.0.1:" + port + " within "
                + START_TIMEOUT + ":\n" + tail(log));
    }

    private static boolean answersHotRod(int port) {
        ConfigurationBuilder probe = new ConfigurationBuilder();
        probe.addServer().host("127.0.0.1").port(port);
        probe.connectionTimeout(2_000).socketTimeout(5_000).maxRetries(0);
        try (RemoteCacheManager client = new RemoteCacheManager(probe.build())) {
            client.getCacheNames();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        String text = read(log);
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /**
     * The server configuration: loopback only, one port for Hot Rod and REST (the single-port router needs a REST
     * connector), no security realm and so no authentication, and a one-node cluster (TCP on loopback, TCPPING to
     * itself instead of multicast discovery, short join timeout) so that distributed caches can be defined.
     */
    private static String serverXml(int port, int clusterPort) {
        return """
                <infinispan xmlns="urn:infinispan:config:16.0" xmlns:server="urn:infinispan:server:16.0">
                  <jgroups>
                    <stack name="loopback" extends="tcp">
                      <TCP bind_addr="127.0.0.1" bind_port="%2$d" port_range="0" stack.combine="COMBINE"/>
                      <TCPPING initial_hosts="127.0.0.1[%2$d]" port_range="0"
                               stack.combine="REPLACE" stack.position="MPING"/>
                      <FD_SOCK2 bind_addr="127.0.0.1" stack.combine="COMBINE"/>
                      <pbcast.GMS join_timeout="500" stack.combine="COMBINE"/>
                    </stack>
                  </jgroups>
                  <cache-container name="default" statistics="false">
                    <transport cluster="kubeims-test-%1$d" stack="loopback"/>
                  </cache-container>
                  <server xmlns="urn:infinispan:server:16.0">
                    <interfaces>
                      <interface name="loopback"><inet-address value="127.0.0.1"/></interface>
                    </interfaces>
                    <socket-bindings default-interface="loopback" port-offset="0">
                      <socket-binding name="default" port="%1$d"/>
                    </socket-bindings>
                    <endpoints>
                      <endpoint socket-binding="default">
                        <hotrod-connector name="hotrod"/>
                        <rest-connector name="rest"/>
                      </endpoint>
                    </endpoints>
                  </server>
                </infinispan>
                """.formatted(port, clusterPort);
    }

    private static final String LOG4J2_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN" name="InfinispanServerTest">
              <Appenders>
                <Console name="STDOUT"><PatternLayout pattern="%d{HH:mm:ss,SSS} %-5p (%t) [%c] %m%n"/></Console>
              </Appenders>
              <Loggers>
                <Root level="INFO"><AppenderRef ref="STDOUT"/></Root>
              </Loggers>
            </Configuration>
            """;

    /** The server could not bind a port chosen as free (another process took it meanwhile). */
    private static final class PortTakenException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PortTakenException(String log) {
            super("a port chosen for Infinispan Server was taken before it bound it:\n" + log);
        }
    }
}
