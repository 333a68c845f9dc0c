package io.kubeims.hss.cx;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A loopback packet capture with tshark (Wireshark) and its decoding as Diameter. A test calling {@link #require()}
 * is skipped when tshark is not installed, or fails when system property {@code kubeims.require-tools} is "true"
 * (the policy of ims-protocol's SippRunner). Every wait is bounded; {@link #close()} kills the capture.
 */
final class TsharkCapture implements AutoCloseable {

    static final String REQUIRE_TOOLS = "kubeims.require-tools";
    static final String MISSING = "tshark is not installed: `echo \"wireshark-common wireshark-common/install-setuid "
            + "boolean false\" | debconf-set-selections && apt-get install -y tshark`";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final Path tshark;
    private final Path file;
    private final Path log;
    private final int port;
    private Process process;

    private TsharkCapture(Path tshark, Path directory, int port) {
        this.tshark = tshark;
        this.file = directory.resolve("cx-" + port + ".pcapng");
        this.log = directory.resolve("tshark-" + port + ".log");
        this.port = port;
    }

    /** The tshark executable, or the test is skipped (or failed, when tools are required). */
    static Path require() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_TOOLS))) {
                fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        return found.get();
    }

    private static Optional<Path> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "tshark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts capturing TCP port {@code port} on the loopback interface and waits until tshark captures. */
    static TsharkCapture start(Path tshark, Path directory, int port) throws IOException, InterruptedException {
        TsharkCapture capture = new TsharkCapture(tshark, directory, port);
        capture.process = new ProcessBuilder(tshark.toString(), "-n", "-i", "lo", "-f", "tcp port " + port,
                "-w", capture.file.toString())
                .redirectErrorStream(true).redirectOutput(capture.log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!capture.process.isAlive()) {
                fail("tshark exited before capturing: " + Files.readString(capture.log));
            }
            if (Files.exists(capture.log) && Files.readString(capture.log).contains("Capturing on")) {
                return capture;
            }
            Thread.sleep(20);
        }
        capture.close();
        fail("tshark did not start capturing within " + START_TIMEOUT + ": " + Files.readString(capture.log));
        return capture;
    }

    /** Runs tshark on the capture file so far with {@code arguments}, port {@code port} decoded as Diameter. */
    String decode(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", file.toString(),
                "-d", "tcp.port==" + port + ",diameter"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(file.getParent(), "decode-", ".txt");
        Path errors = Files.createTempFile(file.getParent(), "decode-", ".err");
        Process decoder = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        if (!decoder.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            decoder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("tshark " + command + " did not finish within " + RUN_TIMEOUT);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        String diagnostics = Files.readString(errors, StandardCharsets.UTF_8);
        // reading a file still being written may end in a cut-short packet: tolerated, the caller polls again
        if (decoder.exitValue() != 0 && !diagnostics.contains("cut short")) {
            fail("tshark " + command + " exited " + decoder.exitValue() + ": " + diagnostics);
        }
        return text;
    }

    Path file() {
        return file;
    }

    /** Stops the capture (SIGTERM lets tshark finish the file), bounded; kills it when it does not stop. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
