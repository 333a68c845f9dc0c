package io.kubeims.operator.benchmark;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.HssClientSettings;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.testing.ExampleManifests;
import io.kubeims.hssclient.testing.HssProcess;
import io.kubeims.operator.testing.HssTestResource;
import io.kubeims.operator.testing.IndexedMockServerTestResource;
import io.kubeims.operator.testing.InjectHss;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.kubeims.operator.testing.ClusterFixtures.digestSubscriber;
import static io.kubeims.operator.testing.ClusterFixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark (not a test; tag {@code benchmark}, excluded from the default run): N Subscriber resources (default
 * 10,000, each with its own Secret, all using one IfcProfile) created at once on the fabric8 mock API server, with the
 * operator provisioning them into a real HSS (child JVM, embedded store) on loopback. Measures the time from the
 * first create until every Subscriber reports Provisioned=True (watched by an informer, not polled), then the time
 * to delete them all (finalizers: DELETE in the HSS). Several runs; writes the figures and the median to a file.
 *
 * <p>Run: {@code bin/bench-operator [runs] [subscribers]}.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@QuarkusTestResource(IndexedMockServerTestResource.class)
@QuarkusTestResource(HssTestResource.class)
class OperatorProvisioningBenchmark {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final int CREATING_THREADS = 32;

    @Inject
    KubernetesClient client;

    @InjectHss
    HssProcess hss;

    @ConfigProperty(name = "kubeims.operator.hss.max-in-flight")
    int maxInFlight;

    /** One run's figures. */
    record Run(int subscribers, Duration creating, Duration provisioned, Duration deleted, double load,
            Duration operatorCpu, Duration hssCpu) {
        double perSecond() {
            return subscribers / (provisioned.toMillis() / 1000.0);
        }
    }

    @Test
    void provisionSubscribersCreatedAtOnce() throws Exception {
        int runs = Integer.getInteger("kubeims.bench.runs", 3);
        int subscribers = Integer.getInteger("kubeims.bench.subscribers", 10_000);
        Path output = Path.of(System.getProperty("kubeims.bench.output",
                "../benchmarks/results/operator-provisioning.md"));

        IfcProfile profile = ExampleManifests.read("ifcprofile-default.yaml").copyOf(IfcProfile.class,
                "default-services");
        client.resource(profile).create();
        // Warm-up: the JIT, the informers and the HSS see a first small batch.
        int warmup = Integer.getInteger("kubeims.bench.warmup", 3_000);
        run("warmup", warmup);
        List<Run> measured = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run run = run("r" + i, subscribers);
            measured.add(run);
            System.out.printf(Locale.ROOT, "run %d: %d subscribers provisioned in %.1f s (%.0f/s; CPU s: operator JVM"
                            + " %.1f, HSS %.1f), deleted in %.1f s%n", i, run.subscribers(),
                    run.provisioned().toMillis() / 1000.0, run.perSecond(), run.operatorCpu().toMillis() / 1000.0,
                    run.hssCpu().toMillis() / 1000.0, run.deleted().toMillis() / 1000.0);
        }
        write(output, measured, warmup);
    }

    private Run run(String prefix, int count) throws Exception {
        // The Secrets exist beforehand, as they would in a Git repository applied in order.
        ExecutorService creators = Executors.newFixedThreadPool(CREATING_THREADS);
        try {
            all(creators, count, i -> client.resource(secret(name(prefix, i) + "-credentials",
                    Map.of("password", "bench-password-" + i))).create());

            Set<String> provisioned = ConcurrentHashMap.newKeySet();
            CountDownLatch allProvisioned = new CountDownLatch(1);
            SharedIndexInformer<Subscriber> watch = client.resources(Subscriber.class)
                    .inform(new ProvisionedWatcher(prefix, count, provisioned, allProvisioned));
            try {
                long start = System.nanoTime();
                long cpuBefore = processCpuNanos();
                Duration hssCpuBefore = hss.cpuTime();
                all(creators, count, i -> client.resource(digestSubscriber(name(prefix, i),
                        name(prefix, i) + "-credentials", "default-services")).create());
                Duration creating = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(allProvisioned.await(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                        "only " + provisioned.size() + " of " + count + " provisioned within " + RUN_TIMEOUT);
                Duration provisionedAfter = Duration.ofNanos(System.nanoTime() - start);
                Duration operatorCpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
                Duration hssCpu = hss.cpuTime().minus(hssCpuBefore);
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                checkInHss(prefix, count);

                long deleting = System.nanoTime();
                all(creators, count, i -> client.resources(Subscriber.class).withName(name(prefix, i)).delete());
                awaitGone(prefix);
                Duration deleted = Duration.ofNanos(System.nanoTime() - deleting);
                checkGoneFromHss(prefix, count);
                all(creators, count, i -> client.secrets().withName(name(prefix, i) + "-credentials").delete());
                return new Run(count, creating, provisionedAfter, deleted, load, operatorCpu, hssCpu);
            } finally {
                watch.close();
            }
        } finally {
            creators.shutdownNow();
        }
    }

    /** CPU time of this JVM: the operator, the mock API server and the creating clients together. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every one of them is in the HSS (a sample of 100 read back through the API). */
    private void checkInHss(String prefix, int count) throws Exception {
        HssProvisioningClient api = new HssProvisioningClient(HssClientSettings.defaults(hss.baseUri()), hss::token);
        for (int i = 0; i < count; i += Math.max(1, count / 100)) {
            assertEquals(name(prefix, i) + "@ims.example.com",
                    api.get(name(prefix, i) + "@ims.example.com").orElseThrow().privateIdentity());
        }
    }

    /** The finalizers deleted them from the HSS (a sample of 100). */
    private void checkGoneFromHss(String prefix, int count) throws Exception {
        HssProvisioningClient api = new HssProvisioningClient(HssClientSettings.defaults(hss.baseUri()), hss::token);
        for (int i = 0; i < count; i += Math.max(1, count / 100)) {
            assertTrue(api.get(name(prefix, i) + "@ims.example.com").isEmpty(), name(prefix, i) + " left in the HSS");
        }
    }

    private void awaitGone(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long left = client.resources(Subscriber.class).list().getItems().stream()
                    .filter(s -> s.getMetadata().getName().startsWith(prefix + "-")).count();
            if (left == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("Subscribers " + prefix + "-* not all deleted within " + RUN_TIMEOUT);
    }

    private interface Indexed {
        void accept(int i) throws Exception;
    }

    /** Runs {@code action} for 0..count-1 on the pool and waits for all. */
    private static void all(ExecutorService pool, int count, Indexed action) throws Exception {
        List<Future<?>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(pool.submit(() -> {
                action.accept(index);
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String name(String prefix, int i) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, i);
    }

    /** Counts Subscribers of one run whose Provisioned condition is True; opens the latch at {@code count}. */
    private record ProvisionedWatcher(String prefix, int count, Set<String> provisioned, CountDownLatch done)
            implements ResourceEventHandler<Subscriber> {

        @Override
        public void onAdd(Subscriber subscriber) {
            see(subscriber);
        }

        @Override
        public void onUpdate(Subscriber before, Subscriber after) {
            see(after);
        }

        @Override
        public void onDelete(Subscriber subscriber, boolean finalStateUnknown) {
            // deletions come after the measurement
        }

        private void see(Subscriber subscriber) {
            if (!subscriber.getMetadata().getName().startsWith(prefix + "-") || subscriber.getStatus() == null) {
                return;
            }
            Condition condition = subscriber.getStatus().getConditions().stream()
                    .filter(c -> "Provisioned".equals(c.getType())).findFirst().orElse(null);
            if (condition != null && "True".equals(condition.getStatus())) {
                provisioned.add(subscriber.getMetadata().getName());
                if (provisioned.size() >= count) {
                    done.countDown();
                }
            }
        }
    }

    private void write(Path output, List<Run> runs, int warmup) throws IOException {
        List<Run> byTime = runs.stream().sorted((a, b) -> a.provisioned().compareTo(b.provisioned())).toList();
        Run median = byTime.get(byTime.size() / 2);
        StringBuilder md = new StringBuilder();
        md.append("# Operator: Subscriber provisioning into the HSS\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %d cores, Java %s. %d Subscriber resources (each with "
                        + "its own Secret, created beforehand; all using one IfcProfile of 2 iFCs) created at once by %d "
                        + "client threads on the fabric8 mock API server (CRUD mode, in the operator's JVM, with an index "
                        + "by name for its lookups: see IndexedCrudDispatcher); the "
                        + "operator (quarkus-operator-sdk 7.4.0, INFO logging) provisions them into a real HSS (child JVM, "
                        + "embedded store, loopback HTTP) with at most %d HSS requests in flight. Time from the first "
                        + "create until an informer has seen Provisioned=True on every one. A warm-up run of %d first "
                        + "(without it the JIT, still compiling, made the first run about twice as slow); "
                        + "%d measured runs; median by time.%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                median.subscribers(), CREATING_THREADS, maxInFlight, warmup, runs.size()));
        md.append("| | median | all runs |\n|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| all Provisioned after (s) | %.1f | %s |%n",
                median.provisioned().toMillis() / 1000.0, joined(runs, r -> r.provisioned().toMillis() / 1000.0)));
        md.append(String.format(Locale.ROOT, "| Subscribers provisioned per second | %.0f | %s |%n",
                median.perSecond(), joined(runs, Run::perSecond)));
        md.append(String.format(Locale.ROOT, "| creating the resources took (s) | %.1f | %s |%n",
                median.creating().toMillis() / 1000.0, joined(runs, r -> r.creating().toMillis() / 1000.0)));
        md.append(String.format(Locale.ROOT, "| all deleted (finalizer, HSS DELETE) after (s) | %.1f | %s |%n",
                median.deleted().toMillis() / 1000.0, joined(runs, r -> r.deleted().toMillis() / 1000.0)));
        md.append(String.format(Locale.ROOT, "| CPU s of the operator's JVM (operator + mock API server + clients) "
                + "until all Provisioned | %.1f | %s |%n", median.operatorCpu().toMillis() / 1000.0,
                joined(runs, r -> r.operatorCpu().toMillis() / 1000.0)));
        md.append(String.format(Locale.ROOT, "| CPU s of the HSS until all Provisioned | %.1f | %s |%n",
                median.hssCpu().toMillis() / 1000.0, joined(runs, r -> r.hssCpu().toMillis() / 1000.0)));
        md.append(String.format(Locale.ROOT, "| 1-minute load average at the end | %.1f | %s |%n%n", median.load(),
                joined(runs, Run::load)));
        md.append("Target (issue 6): all 10,000 Provisioned in under 60 s.\n");
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        System.out.println(md);
    }

    private static String joined(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        StringBuilder text = new StringBuilder();
        for (Run run : runs) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, value.applyAsDouble(run) >= 100 ? "%.0f" : "%.1f",
                            value.applyAsDouble(run)));
        }
        return text.toString();
    }

}
