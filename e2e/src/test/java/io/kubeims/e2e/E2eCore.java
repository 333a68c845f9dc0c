package io.kubeims.e2e;

import io.kubeims.config.Placement;
import io.kubeims.local.LocalCore;
import io.kubeims.local.LocalOptions;
import io.kubeims.local.LocalStartException;
import io.kubeims.local.PortInUseException;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A whole local core for an end-to-end test class: HSS, S-, I- and P-CSCF as child JVMs of this reactor's packaged
 * applications, on a block of free loopback ports, with a data directory of the test's own and the manifests of
 * {@code deploy/examples}.
 */
final class E2eCore {

    /** Child JVM options for tests: small heaps, fast start (C1 only), little GC work on 2 shared cores. */
    static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private static final int ATTEMPTS = 200;

    private E2eCore() {
    }

    /** The reactor root: {@code -Dkubeims.repository} (the benchmark), else the parent of surefire's module directory. */
    static Path repository() {
        String configured = System.getProperty("kubeims.repository");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    static Path examples() {
        return repository().resolve(LocalOptions.EXAMPLE_MANIFESTS);
    }

    /** Starts all four functions from deploy/examples; the caller closes it. */
    static LocalCore start(Path dataDirectory, List<String> jvmOptions) throws LocalStartException,
            InterruptedException {
        return start(dataDirectory, examples(), jvmOptions);
    }

    /** Starts all four functions from the manifests in {@code manifests} (the local core's --manifests DIR). */
    static LocalCore start(Path dataDirectory, Path manifests, List<String> jvmOptions) throws LocalStartException,
            InterruptedException {
        // the free-port probe races with the other builds of this machine: another block when a port was taken
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dataDirectory, manifests, jvmOptions);
            } catch (LocalStartException e) {
                if (attempt >= 3 || !(e instanceof PortInUseException || portTaken(e.getMessage()))) {
                    throw e;
                }
                System.out.println("[e2e] a port was taken meanwhile, another block: " + e.getMessage().lines()
                        .filter(E2eCore::portTaken).findFirst().orElse(""));
            }
        }
    }

    /** What a start that lost the port race says (LocalCore's own check, or the child's Quarkus/jain-sip). */
    static boolean portTaken(String message) {
        return message != null && (message.contains("in use") || message.contains("Address already in use"));
    }

    private static LocalCore startOnce(Path dataDirectory, Path manifests, List<String> jvmOptions)
            throws LocalStartException, InterruptedException {
        int base = freePortBlock();
        LocalOptions options = LocalOptions.forRepository(repository());
        for (Path application : List.of(options.hssApplication(), options.cscfApplication())) {
            if (!Files.isRegularFile(application)) {
                fail(application + " is missing: package the applications first "
                        + "(mvn -B -o -q -pl hss-image,cscf-image -am -DskipTests package)");
            }
        }
        return LocalCore.start(options.withManifests(manifests).withDataDirectory(dataDirectory).withPortBase(base)
                .withPcscfSipPort(base + Placement.Local.PORT_BLOCK).withJvmOptions(jvmOptions)
                .withTimeouts(Duration.ofSeconds(180), Duration.ofSeconds(30))
                .withProgress(line -> System.out.println("[local] " + line)));
    }

    /**
     * The first port of {@link Placement.Local#PORT_BLOCK} + 1 consecutive ports free on 127.0.0.1 in TCP and UDP
     * (the last one for the P-CSCF); racy by nature, LocalCore's own check names a port taken meanwhile.
     */
    static int freePortBlock() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int port = base; free && port <= base + Placement.Local.PORT_BLOCK; port++) {
                free = free(port);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no block of free ports found");
    }

    private static boolean free(int port) {
        try {
            InetAddress loopback = InetAddress.getByName(Placement.Local.LOOPBACK);
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(loopback, port), 1);
                udp.bind(new InetSocketAddress(loopback, port));
            }
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
