package io.kubeims.e2e;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.config.NetworkFunction;
import io.kubeims.hssclient.AkaCredentials;
import io.kubeims.hssclient.DigestCredentials;
import io.kubeims.hssclient.HssCredentials;
import io.kubeims.hssclient.HssSubscriber;
import io.kubeims.local.LocalCore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registration benchmark behind {@code e2e/bench-registration} (not a test): a whole local core (embedded
 * stores), MD5 and AKA subscribers provisioned through the HSS API, SIPp registration load (UDP, CSV injection, one
 * full REGISTER->401->REGISTER->200 per call) through P-, I- and S-CSCF at increasing rates; per step: successful
 * registrations/s, failure %, p50/p99 of the whole exchange, CPU of the four JVMs per registration; per run: heap
 * and store bytes per registered contact. Writes a Markdown report.
 *
 * <p>Arguments ({@code --name value}): md5-subscribers, aka-subscribers, rates, aka-rates, step-seconds,
 * aka-step-seconds, runs, out, work, jvm (child JVM options, space separated).
 */
public final class RegistrationBenchmark {

    private static final String DOMAIN = "ims.example.com";
    /** Bytes SIPp 3.6.1 cannot carry through its scenario text (STACK.md). */
    private static final List<Integer> SIPP_UNSAFE = List.of(0x00, 0x0a, 0x0d, 0x5b, 0x5c, 0x5d);
    static final long CLOCK_TICKS = 100;   // USER_HZ on Linux
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Map<String, String> options;
    private final Path work;
    private final StringBuilder report = new StringBuilder();

    private RegistrationBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "e2e/target/bench")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new RegistrationBenchmark(options).run();
        System.exit(0);
    }

    /** One load step's figures. */
    record Step(String scheme, int rate, long successful, long failed, double seconds, double p50, double p99,
            double cpuMsPerRegistration, Map<NetworkFunction, Double> cpuMsByFunction, String load) {

        double perSecond() {
            return successful / seconds;
        }

        double failurePercent() {
            return successful + failed == 0 ? 0 : 100.0 * failed / (successful + failed);
        }
    }

    private void run() throws Exception {
        int md5Subscribers = Integer.parseInt(options.getOrDefault("md5-subscribers", "30000"));
        int akaSubscribers = Integer.parseInt(options.getOrDefault("aka-subscribers", "5000"));
        int[] rates = ints(options.getOrDefault("rates", "200,500,1000,1500"));
        int[] akaRates = ints(options.getOrDefault("aka-rates", "200,500"));
        int stepSeconds = Integer.parseInt(options.getOrDefault("step-seconds", "20"));
        int akaStepSeconds = Integer.parseInt(options.getOrDefault("aka-step-seconds", "10"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results/registration.md")).toAbsolutePath();
        List<String> jvm = List.of(options.getOrDefault("jvm", "-Xmx1g").split(" "));
        deleteRecursively(work);
        Files.createDirectories(work);
        SippLoad sipp = SippLoad.require();

        say("load before start: " + loadAverage());
        try (LocalCore core = E2eCore.start(work.resolve("core"), jvm)) {
            byte[] k = sippSafeKey();
            byte[] op = sippSafeKey();
            String amf = "b9b9";
            Instant provisioning = Instant.now();
            provision(core, md5Subscribers, "bm", n -> new DigestCredentials("pw-" + n));
            provision(core, akaSubscribers, "ak", n -> AkaCredentials.withOp(HexFormat.of().formatHex(k),
                    HexFormat.of().formatHex(op), amf));
            double provisionSeconds = Duration.between(provisioning, Instant.now()).toMillis() / 1000.0;
            say(String.format(Locale.ROOT, "provisioned %d subscribers in %.1f s", md5Subscribers + akaSubscribers,
                    provisionSeconds));
            Users md5Users = new Users("bm", md5Subscribers, n -> "password=pw-" + n);
            String akaKeys = "aka_K=0x" + HexFormat.of().formatHex(k) + " aka_OP=0x" + HexFormat.of().formatHex(op)
                    + " aka_AMF=0x" + amf;
            Users akaUsers = new Users("ak", akaSubscribers, n -> akaKeys);
            Path md5Scenario = SippRegistrationTest.scenario(Files.createDirectories(work.resolve("md5")),
                    "bench-register.xml", "[field2]");
            Path akaScenario = md5Scenario;

            int warmup = Integer.parseInt(options.getOrDefault("warmup-calls", "3000"));
            if (warmup > 0) {
                step(core, sipp, "MD5", md5Scenario, md5Users, 150, Math.min(warmup, md5Subscribers), "warmup");
            }
            Map<NetworkFunction, Long> heapBefore = heapUsed(core);
            Map<NetworkFunction, Path> storeDirectories = storeDirectories(core);
            Map<NetworkFunction, Long> storeBefore = storeBytes(storeDirectories);
            List<List<Step>> all = new ArrayList<>();
            // the warm-up's users are registered too
            long registered = Math.min(md5Subscribers, warmup);
            Map<NetworkFunction, Long> heapAfter = null;
            Map<NetworkFunction, Long> storeAfter = null;
            for (int runNumber = 1; runNumber <= runs; runNumber++) {
                List<Step> steps = new ArrayList<>();
                for (int rate : rates) {
                    int calls = Math.min(md5Subscribers, rate * stepSeconds);
                    Step step = step(core, sipp, "MD5", md5Scenario, md5Users, rate, calls, "run" + runNumber);
                    if (runNumber == 1) {
                        registered = Math.min(md5Subscribers, registered + step.successful());
                    }
                    steps.add(step);
                }
                if (runNumber == 1) {
                    heapAfter = heapUsed(core);
                    storeAfter = storeBytes(storeDirectories);
                }
                for (int rate : akaRates) {
                    int calls = Math.min(akaSubscribers, rate * akaStepSeconds);
                    steps.add(step(core, sipp, "AKA", akaScenario, akaUsers, rate, calls, "run" + runNumber));
                }
                all.add(steps);
            }
            int profileRate = Integer.parseInt(options.getOrDefault("profile-rate", "0"));
            if (profileRate > 0) {
                profile(core, sipp, md5Scenario, md5Users, profileRate, stepSeconds);
            }
            core.close();   // the embedded stores write their files out when they stop
            Map<NetworkFunction, Long> storeAtStop = storeBytes(storeDirectories);
            say("store files at stop: " + storeAtStop);
            write(out, all, md5Subscribers, akaSubscribers, provisionSeconds, registered, heapBefore, heapAfter,
                    storeBefore, storeAfter, storeAtStop, jvm, stepSeconds, akaStepSeconds);
        }
        say("report: " + out);
    }

    private Step step(LocalCore core, SippLoad sipp, String scheme, Path scenario, Users slices, int rate,
            int calls, String name) throws Exception {
        Path stepWork = Files.createDirectories(work.resolve(name + "-" + scheme.toLowerCase(Locale.ROOT) + "-"
                + rate));
        Path users = slices.slice(stepWork, calls);
        String loadBefore = loadAverage();
        Map<NetworkFunction, Long> cpuBefore = cpuTicks(core);
        long started = System.nanoTime();
        SippLoad.Result result = sipp.run(stepWork, scenario, core.pcscfAddress(), calls, Math.max(100, rate * 2),
                rate, List.of("-inf", users.toString(), "-auth_uri", DOMAIN, "-trace_rtt", "-rtt_freq", "50",
                        "-max_recv_loops", "5000", "-max_sched_loops", "5000"),
                Duration.ofSeconds(calls / rate + 60));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<NetworkFunction, Long> cpuAfter = cpuTicks(core);
        String loadAfter = loadAverage();
        long successful = result.successful();
        long failed = result.failed() + Math.max(0, calls - successful - result.failed());
        double[] rtts = rtts(stepWork);
        Map<NetworkFunction, Double> byFunction = new EnumMap<>(NetworkFunction.class);
        double cpuMs = 0;
        for (NetworkFunction function : cpuBefore.keySet()) {
            double ms = (cpuAfter.get(function) - cpuBefore.get(function)) * 1000.0 / CLOCK_TICKS;
            byFunction.put(function, successful == 0 ? 0 : ms / successful);
            cpuMs += ms;
        }
        // seconds: from the first call to the last answer, SIPp's own end-of-run wait excluded where it shows
        double elapsed = Math.max(1e-3, Math.min(seconds, elapsedSeconds(result, seconds)));
        Step step = new Step(scheme, rate, successful, failed, elapsed, percentile(rtts, 50), percentile(rtts, 99),
                successful == 0 ? 0 : cpuMs / successful, byFunction, loadBefore + " -> " + loadAfter);
        say(String.format(Locale.ROOT, "%s %s %5d/s: %6d ok, %5d failed (%.3f %%), %7.1f reg/s, p50 %.1f ms,"
                + " p99 %.1f ms, CPU %.2f ms/reg %s, load %s", name, scheme, rate, successful, failed,
                step.failurePercent(), step.perSecond(), step.p50(), step.p99(), step.cpuMsPerRegistration(),
                byFunction, step.load()));
        if (failed > 0) {
            String errors = result.errors();
            say("  errors (tail): " + (errors.length() > 1500 ? errors.substring(errors.length() - 1500) : errors));
        }
        return step;
    }

    /**
     * One more MD5 step at {@code rate} with JFR recording on every function's JVM (jcmd JFR.start), then per JVM
     * the hottest frames of jdk.ExecutionSample: by own time (top frame) and, for our code, inclusive.
     */
    private void profile(LocalCore core, SippLoad sipp, Path scenario, Users users, int rate, int seconds)
            throws Exception {
        Path profiles = Files.createDirectories(work.resolve("profiles"));
        Map<NetworkFunction, Path> recordings = new EnumMap<>(NetworkFunction.class);
        for (Map.Entry<NetworkFunction, ProcessHandle> process : core.processes().entrySet()) {
            Path file = profiles.resolve(process.getKey().id() + ".jfr");
            jcmd(Long.toString(process.getValue().pid()), "JFR.start name=bench settings=default filename=" + file);
            recordings.put(process.getKey(), file);
        }
        step(core, sipp, "MD5", scenario, users, rate, rate * seconds, "profiled");
        for (Map.Entry<NetworkFunction, ProcessHandle> process : core.processes().entrySet()) {
            jcmd(Long.toString(process.getValue().pid()), "JFR.stop name=bench");
        }
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        for (Map.Entry<NetworkFunction, Path> recording : recordings.entrySet()) {
            Path text = profiles.resolve(recording.getKey().id() + "-samples.txt");
            Process print = new ProcessBuilder(jfr.toString(), "print", "--events", "jdk.ExecutionSample",
                    "--stack-depth", "40", recording.getValue().toString()).redirectErrorStream(true)
                    .redirectOutput(text.toFile()).start();
            print.waitFor(300, TimeUnit.SECONDS);
            Map<String, Integer> self = new java.util.HashMap<>();
            Map<String, Integer> inclusive = new java.util.HashMap<>();
            int samples = 0;
            boolean inStack = false;
            boolean first = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            try (java.io.BufferedReader lines = Files.newBufferedReader(text, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("stackTrace = [")) {
                        inStack = true;
                        first = true;
                        seen.clear();
                        samples++;
                    } else if (inStack && trimmed.startsWith("]")) {
                        inStack = false;
                    } else if (inStack && !trimmed.isEmpty() && !trimmed.equals("...")) {
                        String frame = trimmed.replaceFirst("\\s+line:.*$", "");
                        if (first) {
                            self.merge(frame, 1, Integer::sum);
                            first = false;
                        }
                        if (frame.startsWith("io.kubeims.") && seen.add(frame)) {
                            inclusive.merge(frame, 1, Integer::sum);
                        }
                    }
                }
            }
            int total = samples;
            say(String.format(Locale.ROOT, "profile %s: %d execution samples; hottest by own time:",
                    recording.getKey().id(), total));
            self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12).forEach(e -> say(
                    String.format(Locale.ROOT, "  %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, total),
                            e.getKey())));
            say("  our code, inclusive:");
            inclusive.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12).forEach(e -> say(
                    String.format(Locale.ROOT, "  %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, total),
                            e.getKey())));
        }
    }

    static double elapsedSeconds(SippLoad.Result result, double fallback) {
        String elapsed = result.stats().get("ElapsedTime(C)");   // e.g. 00:00:20:123456
        if (elapsed == null) {
            return fallback;
        }
        String[] parts = elapsed.split(":");
        if (parts.length < 4) {
            return fallback;
        }
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2])
                + Integer.parseInt(parts[3]) / Math.pow(10, parts[3].length());
    }

    private interface CredentialsOf {
        HssCredentials of(int n);
    }

    private static void provision(LocalCore core, int count, String prefix, CredentialsOf credentials)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String impi = user(prefix, n) + "@" + DOMAIN;
                HssSubscriber subscriber = new HssSubscriber(impi, List.of(new PublicIdentitySpec("sip:" + impi)),
                        false, credentials.of(n), List.of());
                puts.add(pool.submit(() -> core.hssClient().put(subscriber)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String user(String prefix, int n) {
        return String.format(Locale.ROOT, "%s%06d", prefix, n);
    }

    /** Subscribers of one scheme and where the next step's slice of them starts. */
    private final class Users {
        private final String prefix;
        private final int count;
        private final java.util.function.IntFunction<String> credentials;
        private int next = 1;

        Users(String prefix, int count, java.util.function.IntFunction<String> credentials) {
            this.prefix = prefix;
            this.count = count;
            this.credentials = credentials;
        }

        /**
         * The injection file of a step: {@code calls} users (distinct as long as calls <= count) following the last
         * step's, each line: user part; IMPI; the [authentication] keyword with that user's credentials.
         */
        Path slice(Path directory, int calls) throws IOException {
            StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
            for (int i = 0; i < calls; i++) {
                int n = next;
                next = next % count + 1;
                String user = user(prefix, n);
                csv.append(user).append(';').append(user).append('@').append(DOMAIN)
                        .append(";[authentication username=").append(user).append('@').append(DOMAIN).append(' ')
                        .append(credentials.apply(n)).append("]\n");
            }
            Path file = directory.resolve("users.csv");
            Files.writeString(file, csv, StandardCharsets.ISO_8859_1);
            return file;
        }
    }

    private static byte[] sippSafeKey() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        for (int i = 0; i < key.length; i++) {
            int octet;
            do {
                octet = random.nextInt(256);
            } while (SIPP_UNSAFE.contains(octet));
            key[i] = (byte) octet;
        }
        return key;
    }

    static Map<NetworkFunction, Long> cpuTicks(LocalCore core) throws IOException {
        Map<NetworkFunction, Long> ticks = new EnumMap<>(NetworkFunction.class);
        for (Map.Entry<NetworkFunction, ProcessHandle> process : core.processes().entrySet()) {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.getValue().pid()), "stat"));
            // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(process.getKey(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
        return ticks;
    }

    /**
     * Heap in use per JVM after a full GC, measured once the SIP transactions of the last step are gone (RFC 3261
     * timer J: 64*T1 = 32 s for non-INVITE server transactions over UDP), so what remains is registration state.
     */
    private Map<NetworkFunction, Long> heapUsed(LocalCore core) throws Exception {
        say("idle 40 s before measuring the heap (SIP transactions of the last step expire)");
        Thread.sleep(40_000);
        Map<NetworkFunction, Long> used = new EnumMap<>(NetworkFunction.class);
        for (Map.Entry<NetworkFunction, ProcessHandle> process : core.processes().entrySet()) {
            String pid = Long.toString(process.getValue().pid());
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            Matcher matcher = HEAP_USED.matcher(info);
            long kb = 0;
            if (matcher.find()) {   // the first "used" is the whole heap's
                kb = Long.parseLong(matcher.group(1));
            }
            used.put(process.getKey(), kb * 1024);
        }
        return used;
    }

    private static String jcmd(String pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static Map<NetworkFunction, Path> storeDirectories(LocalCore core) {
        Map<NetworkFunction, Path> directories = new EnumMap<>(NetworkFunction.class);
        for (NetworkFunction function : core.functions()) {
            directories.put(function, Path.of(core.configuration().placement().dataDirectory(function)));
        }
        return directories;
    }

    /** Bytes of the files under each function's store directory. */
    private static Map<NetworkFunction, Long> storeBytes(Map<NetworkFunction, Path> directories) throws IOException {
        Map<NetworkFunction, Long> bytes = new EnumMap<>(NetworkFunction.class);
        for (Map.Entry<NetworkFunction, Path> directory : directories.entrySet()) {
            long total = 0;
            if (Files.isDirectory(directory.getValue())) {
                try (Stream<Path> files = Files.walk(directory.getValue())) {
                    total = files.filter(Files::isRegularFile).mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException gone) {
                            return 0;
                        }
                    }).sum();
                }
            }
            bytes.put(directory.getKey(), total);
        }
        return bytes;
    }

    /** Every response-time value SIPp wrote with -trace_rtt (ms). */
    static double[] rtts(Path directory) throws IOException {
        List<Double> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    String[] fields = line.split(";");
                    if (fields.length >= 2) {
                        try {
                            values.add(Double.parseDouble(fields[1].trim()));
                        } catch (NumberFormatException header) {
                            // the header line
                        }
                    }
                }
            }
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted;
    }

    static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private void write(Path out, List<List<Step>> runs, int md5Subscribers, int akaSubscribers,
            double provisionSeconds, long registered, Map<NetworkFunction, Long> heapBefore,
            Map<NetworkFunction, Long> heapAfter, Map<NetworkFunction, Long> storeBefore,
            Map<NetworkFunction, Long> storeAfter, Map<NetworkFunction, Long> storeAtStop, List<String> jvm, int stepSeconds, int akaStepSeconds)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Registration benchmark (e2e/bench-registration)\n\n");
        md.append("Generated ").append(Instant.now()).append(" by `e2e/bench-registration`: a whole local core "
                + "(HSS, S-, I-, P-CSCF as 4 JVMs, embedded stores, child JVM options `").append(String.join(" ", jvm))
                .append("`) and SIPp 3.6.1 over UDP on the same ").append(Runtime.getRuntime().availableProcessors())
                .append("-core machine. Each call is one full IMS registration through P->I->S-CSCF and the HSS: "
                        + "REGISTER (empty credentials) -> 401 (UAR, MAR) -> REGISTER (answer) -> 200 (UAR, SAR). "
                        + "Steps of ").append(stepSeconds).append(" s (MD5) and ").append(akaStepSeconds)
                .append(" s (AKA), each user at most once per step, ").append(runs.size())
                .append(" runs on one core; the table holds the median of the runs.\n\n");
        md.append(String.format(Locale.ROOT, "Subscribers: %d MD5 + %d AKA, provisioned through the HSS API in "
                + "%.1f s.%n%n", md5Subscribers, akaSubscribers, provisionSeconds));
        md.append("| scheme | offered reg/s | successful reg/s | failures % | p50 ms | p99 ms | CPU ms/reg (4 JVMs) |"
                + " CPU ms/reg P / I / S / HSS |\n|---|---|---|---|---|---|---|---|\n");
        int stepCount = runs.get(0).size();
        for (int i = 0; i < stepCount; i++) {
            int index = i;
            List<Step> same = runs.stream().map(steps -> steps.get(index)).toList();
            Step first = same.get(0);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f | %.1f | %.1f | %.2f | %.2f / %.2f / %.2f "
                    + "/ %.2f |%n", first.scheme(), first.rate(), median(same.stream().map(Step::perSecond).toList()),
                    median(same.stream().map(Step::failurePercent).toList()),
                    median(same.stream().map(Step::p50).toList()), median(same.stream().map(Step::p99).toList()),
                    median(same.stream().map(Step::cpuMsPerRegistration).toList()),
                    median(same.stream().map(s -> s.cpuMsByFunction().getOrDefault(NetworkFunction.PCSCF, 0.0))
                            .toList()),
                    median(same.stream().map(s -> s.cpuMsByFunction().getOrDefault(NetworkFunction.ICSCF, 0.0))
                            .toList()),
                    median(same.stream().map(s -> s.cpuMsByFunction().getOrDefault(NetworkFunction.SCSCF, 0.0))
                            .toList()),
                    median(same.stream().map(s -> s.cpuMsByFunction().getOrDefault(NetworkFunction.HSS, 0.0))
                            .toList())));
        }
        md.append("\nEvery run:\n\n| run | scheme | offered | ok | failed | reg/s | p50 ms | p99 ms | CPU ms/reg |"
                + " load average (1/5/15 min) before -> after |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < runs.size(); r++) {
            for (Step s : runs.get(r)) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %.0f | %.1f | %.1f | %.2f | %s |%n",
                        r + 1, s.scheme(), s.rate(), s.successful(), s.failed(), s.perSecond(), s.p50(), s.p99(),
                        s.cpuMsPerRegistration(), s.load()));
            }
        }
        md.append(String.format(Locale.ROOT, "%nMemory after run 1's MD5 steps, %d registered contacts (one per user"
                + " registered; GC.run then GC.heap_info, and the embedded stores' files):%n%n", registered));
        md.append("| function | heap before | heap after | heap per 10k contacts | store files before | after run 1 |"
                + " at stop | store file bytes per contact (at stop - before) |\n|---|---|---|---|---|---|---|---|\n");
        long heapTotal = 0;
        long storeTotal = 0;
        for (NetworkFunction function : heapBefore.keySet()) {
            long heapDelta = heapAfter.get(function) - heapBefore.get(function);
            long storeDelta = storeAtStop.getOrDefault(function, 0L) - storeBefore.getOrDefault(function, 0L);
            heapTotal += heapDelta;
            storeTotal += storeDelta;
            md.append(String.format(Locale.ROOT, "| %s | %.1f MB | %.1f MB | %.2f MB | %.2f MB | %.2f MB | %.2f MB |"
                    + " %.0f |%n", function.id(), heapBefore.get(function) / 1e6, heapAfter.get(function) / 1e6,
                    registered == 0 ? 0 : heapDelta * 10_000.0 / registered / 1e6,
                    storeBefore.getOrDefault(function, 0L) / 1e6, storeAfter.getOrDefault(function, 0L) / 1e6,
                    storeAtStop.getOrDefault(function, 0L) / 1e6,
                    registered == 0 ? 0 : (double) storeDelta / registered));
        }
        md.append(String.format(Locale.ROOT, "| all | | | %.2f MB | | | | %.0f |%n", registered == 0 ? 0
                : heapTotal * 10_000.0 / registered / 1e6, registered == 0 ? 0 : (double) storeTotal / registered));
        md.append("\nLog of this run:\n\n```\n").append(report).append("```\n");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private void say(String line) {
        System.out.println("[bench] " + line);
        report.append(line).append('\n');
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static int[] ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
