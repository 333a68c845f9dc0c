package io.kubeims.local;

import io.kubeims.config.NetworkFunction;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One network function as a child JVM: its command, its log file (console output, truncated per start), readiness by
 * {@code GET /q/health/ready}, a graceful stop (SIGTERM, so Quarkus drains and closes its stores) bounded by a kill.
 */
final class FunctionProcess {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;

    private final NetworkFunction function;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path log;
    private final URI readiness;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private volatile long startedAt;

    FunctionProcess(NetworkFunction function, List<String> command, Path workingDirectory, Path log, URI httpRoot) {
        this.function = function;
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.readiness = httpRoot.resolve("/q/health/ready");
    }

    NetworkFunction function() {
        return function;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM, its output going to {@link #log()}. */
    void start() throws LocalStartException {
        startedAt = System.nanoTime();
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new LocalStartException("cannot start the " + LocalCore.label(function) + " (" + command.get(0)
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the function answers 200 on {@code /q/health/ready}.
     *
     * @throws LocalStartException if it exits first or is not ready in time (it is killed then), with its log's end
     */
    void awaitReady(Duration timeout) throws LocalStartException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            Process running = process;
            if (!running.isAlive()) {
                throw new LocalStartException("the " + LocalCore.label(function) + " exited with code "
                        + running.exitValue() + " while starting; the end of " + log + ":\n" + tail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server comes up late in a Quarkus start
            }
            Thread.sleep(POLL.toMillis());
        }
        kill();
        throw new LocalStartException("the " + LocalCore.label(function) + " was not ready within " + timeout
                + " (" + readiness + "); the end of " + log + ":\n" + tail());
    }

    /** Time since {@link #start()}. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Completes when the process exits, with its exit code. */
    CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** SIGTERM, then SIGKILL after {@code timeout}; also ends anything the JVM started. */
    void stop(Duration timeout) throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy();
        if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly();
            running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    void kill() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
            running.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log. */
    String tail() {
        return tail(log, TAIL_LINES);
    }

    /** The last {@code count} lines of a log file (read from its last 64 KiB). */
    static String tail(Path file, int count) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, TAIL_BYTES));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // fill
            }
            List<String> lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
