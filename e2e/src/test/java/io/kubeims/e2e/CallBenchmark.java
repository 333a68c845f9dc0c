package io.kubeims.e2e;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.config.NetworkFunction;
import io.kubeims.hssclient.DigestCredentials;
import io.kubeims.hssclient.HssSubscriber;
import io.kubeims.local.LocalCore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The call benchmark behind {@code e2e/bench-calls} (not a test): a whole local core (SessionCore: BIND, test
 * manifests, embedded stores), caller and callee subscribers (MD5) provisioned through the HSS API and registered by
 * SIPp (callers from one port, callees from another), one SIPp callee answering every call on the callees' port, and
 * SIPp caller load at increasing rates: each call RFC 3665 3.1 (INVITE, 180, 200, ACK, 200 ms, BYE, 200) through
 * P -> S -> I -> S -> P and back. Per step: successful calls/s, failure %, INVITE->180 p50/p99 (SIPp response time
 * "ringing", -trace_rtt), CPU ms per call of each JVM (/proc utime+stime). Writes a Markdown report.
 *
 * <p>Arguments ({@code --name value}): pairs, rates, step-seconds, runs, warmup-calls, out, work, jvm.
 */
public final class CallBenchmark {

    private static final String DOMAIN = SessionCore.DOMAIN;
    private static final double FAILURE_LIMIT_PERCENT = 0.1;

    private final Map<String, String> options;
    private final Path work;
    private final StringBuilder report = new StringBuilder();

    private CallBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "e2e/target/bench-calls")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new CallBenchmark(options).run();
        System.exit(0);
    }

    /** One load step's figures. */
    record Step(int rate, long successful, long failed, double seconds, double p50, double p99, double cpuMsPerCall,
            Map<NetworkFunction, Double> cpuMsByFunction, String load) {

        double perSecond() {
            return successful / seconds;
        }

        double failurePercent() {
            return successful + failed == 0 ? 0 : 100.0 * failed / (successful + failed);
        }
    }

    private void run() throws Exception {
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "1000"));
        int[] rates = RegistrationBenchmark.ints(options.getOrDefault("rates", "50,100,200,300,500,700"));
        int stepSeconds = Integer.parseInt(options.getOrDefault("step-seconds", "20"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup-calls", "2000"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results/calls.md")).toAbsolutePath();
        List<String> jvm = List.of(options.getOrDefault("jvm", "-Xmx1g").split(" "));
        RegistrationBenchmark.deleteRecursively(work);
        Files.createDirectories(work);
        SippLoad sipp = SippLoad.require();

        say("load before start: " + RegistrationBenchmark.loadAverage());
        try (SessionCore session = SessionCore.start(work.resolve("session"), jvm)) {
            LocalCore core = session.core();
            Instant provisioning = Instant.now();
            provision(core, "ca", pairs);
            provision(core, "cb", pairs);
            say(String.format(Locale.ROOT, "provisioned %d subscribers in %.1f s", 2 * pairs,
                    Duration.between(provisioning, Instant.now()).toMillis() / 1000.0));
            int callerPort = SippLoad.freeUdpPort();
            int calleePort = SippLoad.freeUdpPort();
            String route = register(session, sipp, "ca", pairs, callerPort);
            register(session, sipp, "cb", pairs, calleePort);
            say("registered " + pairs + " callers from 127.0.0.1:" + callerPort + " and " + pairs
                    + " callees from 127.0.0.1:" + calleePort + "; Service-Route " + route);

            // one callee for the whole benchmark: answers every call on the callees' port
            Path calleeWork = work.resolve("callee");
            SippLoad.Running callee = sipp.start(calleeWork,
                    SessionScenarios.write(calleeWork, SessionScenarios.CALLEE_ANSWERS), null, calleePort,
                    100_000_000, 100_000, 1, List.of("-s", "callee", "-max_recv_loops", "5000",
                            "-max_sched_loops", "5000"), Duration.ofHours(6)).awaitListening();
            try {
                Path calls = SessionScenarios.injection(work.resolve("calls"), callList(pairs));
                Path scenario = SessionScenarios.write(work.resolve("calls"), SessionScenarios.CALLER,
                        Map.of(SessionScenarios.SERVICE_ROUTE, route));
                if (warmup > 0) {
                    step(core, sipp, scenario, calls, callerPort, 100, warmup, "warmup");
                }
                List<List<Step>> all = new ArrayList<>();
                for (int runNumber = 1; runNumber <= runs; runNumber++) {
                    List<Step> steps = new ArrayList<>();
                    for (int rate : rates) {
                        steps.add(step(core, sipp, scenario, calls, callerPort, rate, rate * stepSeconds,
                                "run" + runNumber));
                    }
                    all.add(steps);
                }
                write(out, all, pairs, jvm, stepSeconds);
            } finally {
                callee.kill();
            }
        }
        say("report: " + out);
    }

    private static List<List<String>> callList(int pairs) {
        List<List<String>> lines = new ArrayList<>();
        for (int n = 1; n <= pairs; n++) {
            lines.add(List.of(user("ca", n), "sip:" + user("cb", n) + "@" + DOMAIN));
        }
        return lines;
    }

    private Step step(LocalCore core, SippLoad sipp, Path scenario, Path calls, int callerPort, int rate,
            int count, String name) throws Exception {
        Path stepWork = Files.createDirectories(work.resolve(name + "-" + rate));
        String loadBefore = RegistrationBenchmark.loadAverage();
        Map<NetworkFunction, Long> cpuBefore = RegistrationBenchmark.cpuTicks(core);
        long started = System.nanoTime();
        SippLoad.Result result = sipp.start(stepWork, scenario, core.pcscfAddress(), callerPort, count,
                Math.max(100, rate * 3), rate, List.of("-inf", calls.toString(), "-trace_rtt", "-rtt_freq", "50",
                        "-max_recv_loops", "5000", "-max_sched_loops", "5000"),
                Duration.ofSeconds(count / rate + 60)).await();
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<NetworkFunction, Long> cpuAfter = RegistrationBenchmark.cpuTicks(core);
        String loadAfter = RegistrationBenchmark.loadAverage();
        long successful = result.successful();
        long failed = result.failed() + Math.max(0, count - successful - result.failed());
        double[] rtts = RegistrationBenchmark.rtts(stepWork);
        Map<NetworkFunction, Double> byFunction = new EnumMap<>(NetworkFunction.class);
        double cpuMs = 0;
        for (NetworkFunction function : cpuBefore.keySet()) {
            double ms = (cpuAfter.get(function) - cpuBefore.get(function)) * 1000.0
                    / RegistrationBenchmark.CLOCK_TICKS;
            byFunction.put(function, successful == 0 ? 0 : ms / successful);
            cpuMs += ms;
        }
        double elapsed = Math.max(1e-3, Math.min(seconds, RegistrationBenchmark.elapsedSeconds(result, seconds)));
        Step step = new Step(rate, successful, failed, elapsed, RegistrationBenchmark.percentile(rtts, 50),
                RegistrationBenchmark.percentile(rtts, 99), successful == 0 ? 0 : cpuMs / successful, byFunction,
                loadBefore + " -> " + loadAfter);
        say(String.format(Locale.ROOT, "%s %5d/s: %7d ok, %5d failed (%.3f %%), %7.1f calls/s, INVITE->180 p50 %.1f"
                + " ms, p99 %.1f ms, CPU %.2f ms/call %s, load %s", name, rate, successful, failed,
                step.failurePercent(), step.perSecond(), step.p50(), step.p99(), step.cpuMsPerCall(), byFunction,
                step.load()));
        if (failed > 0) {
            String errors = result.errors();
            say("  errors (tail): " + (errors.length() > 1500 ? errors.substring(errors.length() - 1500) : errors));
        }
        return step;
    }

    private static void provision(LocalCore core, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String user = user(prefix, n);
                HssSubscriber subscriber = new HssSubscriber(user + "@" + DOMAIN,
                        List.of(new PublicIdentitySpec("sip:" + user + "@" + DOMAIN)), false,
                        new DigestCredentials(SessionCore.password(user)), List.of());
                puts.add(pool.submit(() -> core.hssClient().put(subscriber)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Registers users prefix000001.. from {@code port}; returns their (common) Service-Route. */
    private String register(SessionCore session, SippLoad sipp, String prefix, int count, int port)
            throws Exception {
        List<String> users = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            users.add(user(prefix, n));
        }
        Map<String, String> routes = session.register(sipp, work.resolve("register-" + prefix), port, users, 200);
        return routes.values().iterator().next();
    }

    private static String user(String prefix, int n) {
        return String.format(Locale.ROOT, "%s%06d", prefix, n);
    }

    private void write(Path out, List<List<Step>> runs, int pairs, List<String> jvm, int stepSeconds)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Call benchmark (e2e/bench-calls)\n\n");
        md.append("Generated ").append(Instant.now()).append(" by `e2e/bench-calls`: a whole local core (HSS, S-, I-,"
                + " P-CSCF as 4 JVMs, embedded stores, child JVM options `").append(String.join(" ", jvm))
                .append("`) and SIPp 3.6.1 over UDP on the same ").append(Runtime.getRuntime().availableProcessors())
                .append("-core machine. ").append(pairs).append(" caller and ").append(pairs)
                .append(" callee subscribers (MD5), all registered; each call is RFC 3665 3.1 through "
                        + "P -> S (orig) -> I (LIR) -> S (term) -> P to one SIPp callee that rings and answers "
                        + "(100 ms), ACK, 200 ms, BYE, 200, in-dialog requests along the Record-Route. Steps of ")
                .append(stepSeconds).append(" s, ").append(runs.size()).append(" runs; the table holds the median of "
                        + "the runs. INVITE->180: SIPp response time from sending the INVITE to receiving the 180. "
                        + "CPU: utime+stime of each JVM per successful call (the P- and S-CSCF handle each call "
                        + "twice, originating and terminating).\n\n");
        md.append("| offered calls/s | successful calls/s | failures % | INVITE->180 p50 ms | p99 ms |"
                + " CPU ms/call (4 JVMs) | CPU ms/call P / I / S / HSS |\n|---|---|---|---|---|---|---|\n");
        int stepCount = runs.get(0).size();
        double best = 0;
        for (int i = 0; i < stepCount; i++) {
            int index = i;
            List<Step> same = runs.stream().map(steps -> steps.get(index)).toList();
            double perSecond = RegistrationBenchmark.median(same.stream().map(Step::perSecond).toList());
            double failures = RegistrationBenchmark.median(same.stream().map(Step::failurePercent).toList());
            if (failures < FAILURE_LIMIT_PERCENT) {
                best = Math.max(best, perSecond);
            }
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.3f | %.1f | %.1f | %.2f | %.2f / %.2f / %.2f / %.2f"
                    + " |%n", same.get(0).rate(), perSecond, failures,
                    RegistrationBenchmark.median(same.stream().map(Step::p50).toList()),
                    RegistrationBenchmark.median(same.stream().map(Step::p99).toList()),
                    RegistrationBenchmark.median(same.stream().map(Step::cpuMsPerCall).toList()),
                    median(same, NetworkFunction.PCSCF), median(same, NetworkFunction.ICSCF),
                    median(same, NetworkFunction.SCSCF), median(same, NetworkFunction.HSS)));
        }
        md.append(String.format(Locale.ROOT, "%nHighest successful rate with failures < %.1f %%: **%.0f calls/s**.%n",
                FAILURE_LIMIT_PERCENT, best));
        md.append("\nEvery run:\n\n| run | offered | ok | failed | calls/s | p50 ms | p99 ms | CPU ms/call |"
                + " load average (1/5/15 min) before -> after |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < runs.size(); r++) {
            for (Step s : runs.get(r)) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.0f | %.1f | %.1f | %.2f | %s |%n",
                        r + 1, s.rate(), s.successful(), s.failed(), s.perSecond(), s.p50(), s.p99(),
                        s.cpuMsPerCall(), s.load()));
            }
        }
        md.append("\nLog of this run:\n\n```\n").append(report).append("```\n");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private static double median(List<Step> steps, NetworkFunction function) {
        return RegistrationBenchmark.median(steps.stream().map(s -> s.cpuMsByFunction().getOrDefault(function, 0.0))
                .toList());
    }

    private void say(String line) {
        System.out.println("[bench] " + line);
        report.append(line).append('\n');
    }
}
