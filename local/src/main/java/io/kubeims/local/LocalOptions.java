package io.kubeims.local;

import io.kubeims.config.NetworkFunction;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to start a local core: where the manifests, the state and the two applications are, which ports to move, which
 * functions to run, bounds on start and stop. {@link #forRepository(Path)} gives what {@code bin/kube-ims up} uses;
 * the {@code with...} methods change one thing.
 *
 * @param manifests       directory of the manifests (ImsCore, Subscribers, Secrets, IfcProfiles)
 * @param dataDirectory   state of the run: stores, the HSS API token, the generated properties and the logs
 * @param hssApplication  the HSS's {@code quarkus-run.jar} (hss-image)
 * @param cscfApplication the CSCF's {@code quarkus-run.jar} (cscf-image)
 * @param pcscfSipPort    the P-CSCF's SIP port instead of the ImsCore's {@code spec.pcscf.sipService.port}
 * @param portBase        moves the other nine fixed ports to a block starting here (core-config's local placement)
 * @param functions       the functions to start (all four normally; fewer while a CSCF role is not available)
 * @param java            the {@code java} executable of the child JVMs
 * @param jvmOptions      options of every child JVM, e.g. {@code -Xmx512m}
 * @param readyTimeout    bound on one function's start until {@code /q/health/ready} answers 200
 * @param stopTimeout     bound on one function's graceful stop before it is killed
 * @param progress        receives one line per step (starting, ready, provisioned, notes); never a secret
 */
public record LocalOptions(Path manifests, Path dataDirectory, Path hssApplication, Path cscfApplication,
        OptionalInt pcscfSipPort, OptionalInt portBase, Set<NetworkFunction> functions, Path java,
        List<String> jvmOptions, Duration readyTimeout, Duration stopTimeout, Consumer<String> progress) {

    /** Where the HSS application is in a built repository. */
    public static final String HSS_APPLICATION = "hss-image/target/quarkus-app/quarkus-run.jar";
    /** Where the CSCF application is in a built repository. */
    public static final String CSCF_APPLICATION = "cscf-image/target/quarkus-app/quarkus-run.jar";
    /** The manifests started by default. */
    public static final String EXAMPLE_MANIFESTS = "deploy/examples";
    /** The state directory by default (git-ignored). */
    public static final String DATA_DIRECTORY = ".kube-ims";

    /** Validates and copies; paths become absolute (the children run elsewhere). */
    public LocalOptions {
        manifests = Objects.requireNonNull(manifests, "manifests").toAbsolutePath().normalize();
        dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        hssApplication = Objects.requireNonNull(hssApplication, "hssApplication").toAbsolutePath().normalize();
        cscfApplication = Objects.requireNonNull(cscfApplication, "cscfApplication").toAbsolutePath().normalize();
        Objects.requireNonNull(pcscfSipPort, "pcscfSipPort");
        Objects.requireNonNull(portBase, "portBase");
        Objects.requireNonNull(functions, "functions");
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("functions: at least one function must start");
        }
        functions = Set.copyOf(EnumSet.copyOf(functions));
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(jvmOptions);
        requirePositive("readyTimeout", readyTimeout);
        requirePositive("stopTimeout", stopTimeout);
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * The defaults of {@code bin/kube-ims up} in a repository checkout: manifests {@value #EXAMPLE_MANIFESTS}, state in
     * {@value #DATA_DIRECTORY}, the packaged applications, all four functions, the fixed ports, this JVM's
     * {@code java}, 512 MB heap per child, 180 s to become ready, 30 s to stop.
     */
    public static LocalOptions forRepository(Path repository) {
        Path root = repository.toAbsolutePath().normalize();
        return new LocalOptions(root.resolve(EXAMPLE_MANIFESTS), root.resolve(DATA_DIRECTORY),
                root.resolve(HSS_APPLICATION), root.resolve(CSCF_APPLICATION), OptionalInt.empty(),
                OptionalInt.empty(), EnumSet.allOf(NetworkFunction.class),
                Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xmx512m"),
                Duration.ofSeconds(180), Duration.ofSeconds(30), line -> { });
    }

    public LocalOptions withManifests(Path directory) {
        return new LocalOptions(directory, dataDirectory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                functions, java, jvmOptions, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withDataDirectory(Path directory) {
        return new LocalOptions(manifests, directory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                functions, java, jvmOptions, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withPcscfSipPort(int port) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, OptionalInt.of(port),
                portBase, functions, java, jvmOptions, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withPortBase(int base) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, pcscfSipPort,
                OptionalInt.of(base), functions, java, jvmOptions, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withFunctions(Set<NetworkFunction> started) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                started, java, jvmOptions, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withJvmOptions(List<String> options) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                functions, java, options, readyTimeout, stopTimeout, progress);
    }

    public LocalOptions withTimeouts(Duration ready, Duration stop) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                functions, java, jvmOptions, ready, stop, progress);
    }

    public LocalOptions withProgress(Consumer<String> lines) {
        return new LocalOptions(manifests, dataDirectory, hssApplication, cscfApplication, pcscfSipPort, portBase,
                functions, java, jvmOptions, readyTimeout, stopTimeout, lines);
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
