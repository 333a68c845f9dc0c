package io.kubeims.cscf.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs SIPp (Debian package {@code sip-tester}, SIPp 3.6.1) as a bounded child process for tests (same policy as
 * ims-protocol's test helper of the same name): one UDP call
 * ({@code -m 1}) from 127.0.0.1 to a given address, with a global timeout, the process killed in any case.
 *
 * <p>Tool policy: without {@code sipp} on the PATH (or at the path in system property {@code kubeims.sipp}), a test
 * calling {@link #require()} is skipped, or fails when system property {@code kubeims.require-tools} is "true".
 */
public final class SippRunner {

    /** System property that turns a missing sipp from a skip into a failure. */
    public static final String REQUIRE_TOOLS = "kubeims.require-tools";
    /** System property naming the sipp executable, when it is not on the PATH. */
    public static final String SIPP_PATH = "kubeims.sipp";

    static final String MISSING = "sipp is not installed: install it with `apt-get install sip-tester` "
            + "(SIPp 3.6.1) or name it with -D" + SIPP_PATH + "=/path/to/sipp";

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path executable;

    private SippRunner(Path executable) {
        this.executable = executable;
    }

    /**
     * The runner, if sipp is installed; otherwise skips the calling test, or fails it under
     * {@code -Dkubeims.require-tools=true}.
     */
    public static SippRunner require() {
        Optional<Path> sipp = locate();
        if (sipp.isEmpty()) {
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_TOOLS))) {
                fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        return new SippRunner(sipp.get());
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(SIPP_PATH);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "sipp")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs one call of a scenario against {@code remote} over UDP.
     *
     * @param workDir  working directory for SIPp's own files (screen output, error log)
     * @param scenario the scenario XML
     * @param remote   the address to send to
     * @param options  further SIPp options, e.g. {@code -s alice -ap secret -auth_uri example.com}
     * @param timeout  upper bound for the whole run; SIPp gets a slightly shorter one of its own
     * @return the exit code (0 when the call succeeded) and everything SIPp wrote
     */
    public Result run(Path workDir, Path scenario, InetSocketAddress remote, List<String> options, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                remote.getAddress().getHostAddress() + ":" + remote.getPort(),
                "-sf", scenario.toAbsolutePath().toString(),
                "-m", "1",
                "-t", "u1",
                "-i", "127.0.0.1",
                "-p", Integer.toString(freeUdpPort()),
                "-nostdin",
                "-timeout", Math.max(1, timeout.minus(GRACE).toSeconds()) + "s",
                "-timeout_error",
                "-trace_err"));
        command.addAll(options);
        Path screen = workDir.resolve("sipp-screen.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(screen.toFile()).start();
        boolean finished = false;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return new Result(finished ? process.exitValue() : -1, !finished, printable(command), collectOutput(workDir));
    }

    /** The command line with the value of -ap (the password) masked. */
    private static String printable(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        for (int i = 0; i + 1 < shown.size(); i++) {
            if (shown.get(i).equals("-ap")) {
                shown.set(i + 1, "<password>");
            }
        }
        return String.join(" ", shown);
    }

    private static String collectOutput(Path workDir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".log"))
                    .sorted().toList()) {
                out.append("==> ").append(file.getFileName()).append(" <==\n")
                        .append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return out.toString();
    }

    /** A UDP port free right now on 127.0.0.1, for SIPp's local socket. */
    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /**
     * What a SIPp run gave.
     *
     * @param exitCode SIPp's exit code (0: all calls succeeded), -1 if it was killed
     * @param timedOut true if it had to be killed
     * @param command  the command line, for failure messages
     * @param output   SIPp's screen output and logs
     */
    public record Result(int exitCode, boolean timedOut, String command, String output) {

        /** True if SIPp ran to the end and reported success. */
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** A description for assertion messages. */
        public String describe() {
            return "sipp exit " + exitCode + (timedOut ? " (killed after timeout)" : "") + "\n" + command + "\n"
                    + output;
        }
    }
}
