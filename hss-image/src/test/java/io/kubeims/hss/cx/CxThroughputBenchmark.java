package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.store.EmbeddedHssStorage;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Benchmark (not a test): MAR (Digest-AKAv1-MD5, one vector) and SAR (REGISTRATION with User-Data) per second from
 * one jdiameter client over one loopback connection to an HSS on embedded storage, with a bounded number of
 * requests in flight. Runs each phase several times and writes the medians to a results file.
 *
 * <p>Run: {@code bin/bench-hss} (arguments: results file, runs, seconds per run, requests in flight).
 */
public final class CxThroughputBenchmark {

    private static final int SUBSCRIBERS = 1_000;
    /**
     * Per command before the measured runs. With 3 s, JFR showed C2 still compiling (seconds of compiler time per
     * 10 s) through the first two runs on 2 shared cores, each run faster than the one before.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    /**
     * INFO, as the HSS runs in production (Quarkus' default level): outside Quarkus jboss-logmanager has no level
     * configured and would build and queue every per-transaction DEBUG line. Held so that the level sticks.
     */
    private static final org.jboss.logmanager.Logger ROOT_LOG = org.jboss.logmanager.Logger.getLogger("");

    /** One measured phase; {@code loadAverage} is the machine's 1-minute load average at its end (other work). */
    record Run(String command, long completed, long failed, double seconds, long p50Micros, long p99Micros,
               double loadAverage) {
        double perSecond() {
            return completed / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/results/hss-cx.md");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Duration duration = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        ROOT_LOG.setLevel(java.util.logging.Level.INFO);

        Path data = Files.createTempDirectory("hss-bench-");
        List<Run> mar = new ArrayList<>();
        List<Run> sar = new ArrayList<>();
        try (HssCore hss = HssTestBed.embeddedCore("hss.ims.example.com", data);
             CxNode scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, hss, new RecordingScscfHandler())) {
            List<Subscriber> subscribers = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("bench"));
                hss.storage().subscribers().put(s);
                subscribers.add(s);
            }
            IntFunction<CxHssRequest<?>> marFor = i -> {
                Subscriber s = subscribers.get(i % SUBSCRIBERS);
                return new MultimediaAuthRequest(s.privateIdentity(), s.defaultPublicIdentity().identity(),
                        HssTestBed.SCSCF_POOL, 1, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
            };
            IntFunction<CxHssRequest<?>> sarFor = i -> {
                Subscriber s = subscribers.get(i % SUBSCRIBERS);
                return new ServerAssignmentRequest(s.privateIdentity(),
                        List.of(s.defaultPublicIdentity().identity()), HssTestBed.SCSCF_POOL,
                        i < SUBSCRIBERS ? ServerAssignmentType.REGISTRATION : ServerAssignmentType.RE_REGISTRATION,
                        UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE);
            };
            // warm-up: JIT, connection, caches
            measure(scscf, "MAR", marFor, WARM_UP, inFlight);
            measure(scscf, "SAR", sarFor, WARM_UP, inFlight);
            for (int r = 0; r < runs; r++) {
                mar.add(measure(scscf, "MAR", marFor, duration, inFlight));
                sar.add(measure(scscf, "SAR", sarFor, duration, inFlight));
                System.out.printf(Locale.ROOT, "run %d: %s%n        %s%n", r + 1, mar.get(r), sar.get(r));
            }
        } finally {
            HssTestBed.deleteTree(data);
        }
        write(results, runs, duration, inFlight, mar, sar);
        System.out.println("results written to " + results.toAbsolutePath());
    }

    private static Run measure(CxNode client, String command, IntFunction<CxHssRequest<?>> request, Duration duration,
                               int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long capacity = 2_000_000;
        long[] latencies = new long[(int) capacity];
        AtomicInteger recorded = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long sent = System.nanoTime();
            client.send(request.apply(i++)).whenComplete((CxAnswer answer, Throwable error) -> {
                long took = System.nanoTime() - sent;
                if (error == null && answer.result().isSuccess()) {
                    completed.incrementAndGet();
                    int slot = recorded.getAndIncrement();
                    if (slot < capacity) {
                        latencies[slot] = took;
                    }
                } else {
                    failed.incrementAndGet();
                }
                window.release();
            });
        }
        window.acquire(inFlight); // drain
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = (int) Math.min(recorded.get(), capacity);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Run(command, completed.get(), failed.get(), seconds, percentile(sorted, 0.50) / 1000,
                percentile(sorted, 0.99) / 1000, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Run median(List<Run> runs) {
        List<Run> byRate = new ArrayList<>(runs);
        byRate.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        return byRate.get(byRate.size() / 2);
    }

    private static void write(Path file, int runs, Duration duration, int inFlight, List<Run> mar, List<Run> sar)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# HSS Cx throughput (MAR AKA, SAR REGISTRATION)\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s on %d cores, Java %s. One jdiameter client, one TCP "
                        + "connection over loopback, %d requests in flight, %d subscribers, embedded storage "
                        + "(file stores; SQN ceiling, leased %d SEQ ahead, and registration changes forced to disk). "
                        + "%d runs of %d s after a %d s warm-up per command; median run by rate.%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                inFlight, SUBSCRIBERS, EmbeddedHssStorage.SQN_LEASE, runs, duration.toSeconds(),
                WARM_UP.toSeconds()));
        out.append("| command | median req/s | p50 ms | p99 ms | failed | all runs req/s |\n|---|---|---|---|---|---|\n");
        for (List<Run> list : List.of(mar, sar)) {
            Run m = median(list);
            StringBuilder all = new StringBuilder();
            for (Run r : list) {
                all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", r.perSecond()));
            }
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d | %s |%n", m.command(), m.perSecond(),
                    m.p50Micros() / 1000.0, m.p99Micros() / 1000.0, m.failed(), all));
        }
        out.append("\nEvery run (the machine's 1-minute load average at the end of each phase shows other work on "
                + "the same cores):\n\n| run | MAR req/s | MAR p50 ms | MAR p99 ms | SAR req/s | SAR p50 ms | SAR p99 ms "
                + "| load MAR / SAR |\n|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < mar.size(); r++) {
            Run a = mar.get(r);
            Run b = sar.get(r);
            out.append(String.format(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1f / %.1f |%n",
                    r + 1, a.perSecond(), a.p50Micros() / 1000.0, a.p99Micros() / 1000.0, b.perSecond(),
                    b.p50Micros() / 1000.0, b.p99Micros() / 1000.0, a.loadAverage(), b.loadAverage()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
    }
}
