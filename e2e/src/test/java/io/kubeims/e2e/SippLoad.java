package io.kubeims.e2e;

import io.kubeims.protocol.digest.SippRunner;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs SIPp (3.6.1, {@code sip-tester}) for many calls of one scenario over UDP from 127.0.0.1: call count, rate,
 * concurrency limit, an injection file, and the final statistics ({@code -trace_stat}) and scenario logs
 * ({@code -trace_logs}) read back. The tool policy is {@link SippRunner#require()}'s: skipped without sipp, failed
 * under {@code -Dkubeims.require-tools=true}.
 */
final class SippLoad {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path executable;

    private SippLoad(Path executable) {
        this.executable = executable;
    }

    /** Applies the tool policy, then finds the same sipp SippRunner would run. */
    static SippLoad require() {
        SippRunner.require();
        String configured = System.getProperty(SippRunner.SIPP_PATH);
        if (configured != null && !configured.isBlank()) {
            return new SippLoad(Path.of(configured));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return new SippLoad(Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "sipp")).filter(Files::isExecutable).findFirst().orElseThrow());
    }

    /**
     * One SIPp run.
     *
     * @param work     SIPp's working directory (its stat, log and error files land here)
     * @param scenario the scenario XML
     * @param remote   where to send (the P-CSCF)
     * @param calls    {@code -m}
     * @param limit    {@code -l}, simultaneous calls
     * @param rate     {@code -r}, calls per second
     * @param options  further options (e.g. {@code -s}, {@code -au}, {@code -ap}, {@code -auth_uri}, {@code -inf})
     * @param timeout  bound of the whole run (SIPp gets a slightly shorter one of its own)
     */
    Result run(Path work, Path scenario, InetSocketAddress remote, int calls, int limit, int rate,
            List<String> options, Duration timeout) throws IOException, InterruptedException {
        return start(work, scenario, remote, freeUdpPort(), calls, limit, rate, options, timeout).await();
    }

    /**
     * Starts one SIPp run in the background: a UE that must send from the port it registered from (the P-CSCF's flow,
     * RFC 5626), or a callee / AS that waits for requests on a given port ({@code remote} null: SIPp as a server).
     *
     * @param localPort {@code -p}, SIPp's UDP port on 127.0.0.1
     * @see #run(Path, Path, InetSocketAddress, int, int, int, List, Duration)
     */
    Running start(Path work, Path scenario, InetSocketAddress remote, int localPort, int calls, int limit,
            int rate, List<String> options, Duration timeout) throws IOException {
        Files.createDirectories(work);
        Path stats = work.resolve("stats.csv");
        Path logs = work.resolve("logs.log");
        Path errors = work.resolve("errors.log");
        Path screen = work.resolve("screen.txt");
        for (Path previous : List.of(stats, logs, errors, screen)) {
            Files.deleteIfExists(previous);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (remote != null) {
            command.add(remote.getAddress().getHostAddress() + ":" + remote.getPort());
        }
        command.addAll(List.of("-sf", scenario.toAbsolutePath().toString(),
                "-m", Integer.toString(calls), "-l", Integer.toString(limit), "-r", Integer.toString(rate),
                "-t", "u1", "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-nostdin", "-timeout", Math.max(1, timeout.minus(GRACE).toSeconds()) + "s", "-timeout_error",
                "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                "-trace_logs", "-log_file", logs.toString(),
                "-trace_err", "-error_file", errors.toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(screen.toFile()).start();
        return new Running(process, printable(command), localPort, timeout, stats, logs, errors, screen);
    }

    /** A SIPp run under way. */
    static final class Running {
        private final Process process;
        private final String command;
        private final int localPort;
        private final long deadline;
        private final Path stats;
        private final Path logs;
        private final Path errors;
        private final Path screen;

        private Running(Process process, String command, int localPort, Duration timeout, Path stats, Path logs,
                Path errors, Path screen) {
            this.process = process;
            this.command = command;
            this.localPort = localPort;
            this.deadline = System.nanoTime() + timeout.toNanos();
            this.stats = stats;
            this.logs = logs;
            this.errors = errors;
            this.screen = screen;
        }

        /**
         * Returns once SIPp holds its UDP port (so a request sent to it now is received), or fails with its screen
         * when it exits first or does not bind within 10 s.
         */
        Running awaitListening() throws IOException, InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IOException("sipp exited with " + process.exitValue() + " before listening:\n"
                            + command + "\n" + read(screen));
                }
                try (DatagramSocket probe = new DatagramSocket(null)) {
                    probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), localPort));
                } catch (IOException bound) {
                    return this;
                }
                Thread.sleep(50);
            }
            throw new IOException("sipp did not bind 127.0.0.1:" + localPort + " within 10 s:\n" + command);
        }

        /** Waits for the end of the run (the process killed at the timeout) and reads what it wrote. */
        Result await() throws IOException, InterruptedException {
            boolean finished = false;
            try {
                finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            return new Result(finished ? process.exitValue() : -1, !finished, command, lastStats(stats),
                    read(logs), read(errors), read(screen));
        }

        /** Stops it now (a test that failed before its peer ran). */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    /** The last line of SIPp's statistics file, by column name (e.g. {@code SuccessfulCall(C)}). */
    private static Map<String, String> lastStats(Path stats) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.exists(stats)) {
            return values;
        }
        List<String> lines = Files.readAllLines(stats, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            return values;
        }
        String[] names = lines.get(0).split(";");
        String[] last = lines.get(lines.size() - 1).split(";");
        for (int i = 0; i < Math.min(names.length, last.length); i++) {
            values.put(names[i].trim(), last[i].trim());
        }
        return values;
    }

    private static String printable(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        for (int i = 0; i + 1 < shown.size(); i++) {
            if (shown.get(i).equals("-ap")) {
                shown.set(i + 1, "<password>");
            }
        }
        return String.join(" ", shown);
    }

    /** A UDP port free on the loopback now (racy: the caller binds it soon). */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /**
     * What a run gave.
     *
     * @param exitCode SIPp's exit code (0: every call succeeded), -1 when killed
     * @param timedOut true when it had to be killed
     * @param command  the command line (password masked)
     * @param stats    the final statistics by column name
     * @param logs     what the scenario's {@code <log>} actions wrote
     * @param errors   SIPp's error log (unexpected messages)
     * @param screen   SIPp's screen output
     */
    record Result(int exitCode, boolean timedOut, String command, Map<String, String> stats, String logs,
            String errors, String screen) {

        long successful() {
            return Long.parseLong(stats.getOrDefault("SuccessfulCall(C)", "0"));
        }

        long failed() {
            return Long.parseLong(stats.getOrDefault("FailedCall(C)", "0"));
        }

        /** Lines of the scenario log starting with {@code tag} and a space, without the tag. */
        List<String> logged(String tag) {
            return logs.lines().filter(line -> line.startsWith(tag + " ")).map(line -> line.substring(tag.length()
                    + 1).strip()).toList();
        }

        String describe() {
            String tail = errors.length() > 6000 ? errors.substring(errors.length() - 6000) : errors;
            return "sipp exit " + exitCode + (timedOut ? " (killed)" : "") + ", successful " + successful()
                    + ", failed " + failed() + "\n" + command + "\n" + screen + "\nerrors:\n" + tail;
        }
    }
}
