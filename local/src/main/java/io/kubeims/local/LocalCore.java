package io.kubeims.local;

import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.ConfigurationWarning;
import io.kubeims.config.InvalidImsCoreException;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import io.kubeims.hssclient.HssClientSettings;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.HssProvisioningException;
import io.kubeims.hssclient.PutResult;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A whole IMS core on this machine: the HSS and the S-, I- and P-CSCF as child JVMs of the packaged applications,
 * each configured by core-config's {@link Placement.Local local placement} from the manifests' ImsCore, with the
 * manifests' subscribers provisioned into the HSS through its API. What {@code bin/kube-ims up} runs, and what the
 * end-to-end tests start.
 *
 * <pre>{@code
 * try (LocalCore core = LocalCore.start(LocalOptions.forRepository(root).withPcscfSipPort(15060))) {
 *     InetSocketAddress pcscf = core.pcscfAddress();     // register UEs here, UDP or TCP
 *     core.hssClient().get("alice@ims.example.com");     // the HSS's view
 * }                                                      // stops P, I, S-CSCF, then the HSS
 * }</pre>
 *
 * Start order: HSS (ready, then subscribers provisioned), then S-, I- and P-CSCF together, each awaited on
 * {@code /q/health/ready}; stop in the reverse order. Children also end when this JVM ends without stopping them
 * (a kill -9 included): each watches its launcher ({@link io.kubeims.local.watch.ParentWatch}).
 */
public final class LocalCore implements AutoCloseable {

    /** util-linux setsid(1), where it may be. */
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    /** The start order; {@link #close()} stops in the reverse. */
    private static final List<NetworkFunction> START_ORDER = List.of(NetworkFunction.HSS, NetworkFunction.SCSCF,
            NetworkFunction.ICSCF, NetworkFunction.PCSCF);

    /**
     * A function that exited while the core was running (not during {@link #close()}).
     *
     * @param function the function
     * @param exitCode its exit code
     * @param logTail  the last lines of its log
     */
    public record FunctionExit(NetworkFunction function, int exitCode, String logTail) {
    }

    private final LocalOptions options;
    private final LocalManifests manifests;
    private final CoreConfiguration configuration;
    private final RunDirectory run;
    private final Map<NetworkFunction, FunctionProcess> processes = new EnumMap<>(NetworkFunction.class);
    private final CompletableFuture<FunctionExit> unexpectedExit = new CompletableFuture<>();
    /** Stops the children gracefully when this JVM ends (SIGTERM, Ctrl-C, exit) without {@link #close()}. */
    private final Thread stopOnExit = new Thread(this::close, "kube-ims-local-stop");
    private volatile HssProvisioningClient hssClient;
    private volatile boolean closing;
    private boolean closed;

    private LocalCore(LocalOptions options, LocalManifests manifests, CoreConfiguration configuration,
            RunDirectory run) {
        this.options = options;
        this.manifests = manifests;
        this.configuration = configuration;
        this.run = run;
    }

    /**
     * Reads the manifests, derives the configuration, checks the ports, and starts the functions of
     * {@link LocalOptions#functions()}; returns when all are ready and the subscribers are in the HSS.
     *
     * @throws InvalidManifestException a manifest cannot be used (nothing was started)
     * @throws io.kubeims.config.InvalidPlacementException the P-CSCF port or port base collides (nothing started)
     * @throws PortInUseException       a port is taken (nothing was started)
     * @throws LocalStartException      a function did not become ready, the HSS refused a subscriber, an application
     *                                  is not built, the data directory is in use (what had started is stopped)
     */
    public static LocalCore start(LocalOptions options) throws LocalStartException, InterruptedException {
        Objects.requireNonNull(options, "options");
        options.progress().accept("reading the manifests in " + options.manifests());
        LocalManifests manifests = ManifestReader.read(options.manifests());
        manifests.notes().forEach(options.progress());
        CoreConfiguration configuration = derive(options, manifests);
        for (ConfigurationWarning warning : configuration.warnings()) {
            options.progress().accept("warning: " + manifests.imsCoreFile() + ": " + warning.field() + ": "
                    + warning.message());
        }
        requireApplications(options);
        LocalPorts.requireFree(started(options).stream().map(configuration::function).toList());
        RunDirectory run = RunDirectory.prepare(options.dataDirectory(), configuration);
        LocalCore core = new LocalCore(options, manifests, configuration, run);
        Runtime.getRuntime().addShutdownHook(core.stopOnExit);
        try {
            core.startFunctions();
            return core;
        } catch (LocalStartException | InterruptedException | RuntimeException e) {
            boolean stopped = core.closing;
            core.close();
            if (stopped) {
                throw new LocalStartException("the local core was stopped while it started", e);
            }
            throw e;
        }
    }

    // ---- what runs ----

    /** The ImsCore's home domain. */
    public String domain() {
        return configuration.function(NetworkFunction.HSS).property("kubeims.hss.realm").orElseThrow();
    }

    /** The ImsCore's name. */
    public String coreName() {
        return manifests.imsCore().getMetadata().getName();
    }

    /** The functions started. */
    public synchronized Set<NetworkFunction> functions() {
        return Collections.unmodifiableSet(EnumSet.copyOf(processes.keySet()));
    }

    /** Where UEs register: the P-CSCF's SIP address (UDP and TCP). */
    public InetSocketAddress pcscfAddress() {
        return new InetSocketAddress(Placement.Local.LOOPBACK, sipPort(NetworkFunction.PCSCF));
    }

    /** The SIP port of a CSCF. */
    public int sipPort(NetworkFunction function) {
        if (!function.isCscf()) {
            throw new IllegalArgumentException("the HSS has no SIP port");
        }
        return Integer.parseInt(configuration.function(function).property("kubeims.cscf.sip.port").orElseThrow());
    }

    /** The SIP URI of a CSCF, e.g. {@code sip:127.0.0.1:5060}. */
    public String sipUri(NetworkFunction function) {
        return "sip:" + Placement.Local.LOOPBACK + ":" + sipPort(function);
    }

    /** A function's HTTP root (health, metrics; the provisioning API for the HSS). */
    public URI httpUri(NetworkFunction function) {
        return URI.create("http://" + Placement.Local.LOOPBACK + ":" + configuration.placement().httpPort(function));
    }

    /** The Diameter address of the HSS, I-CSCF or S-CSCF. */
    public InetSocketAddress diameterAddress(NetworkFunction function) {
        return new InetSocketAddress(Placement.Local.LOOPBACK, configuration.placement().diameterPort(function));
    }

    /** A client of the HSS provisioning API with this run's token. */
    public HssProvisioningClient hssClient() {
        if (hssClient == null) {
            throw new IllegalStateException("the HSS is not running in this core");
        }
        return hssClient;
    }

    /** The subscribers provisioned, in manifest order (identities and schemes, no credential). */
    public List<TestSubscriber> subscribers() {
        return manifests.testSubscribers();
    }

    /** The manifests as read. */
    public LocalManifests manifests() {
        return manifests;
    }

    /** The configuration every function was started with. */
    public CoreConfiguration configuration() {
        return configuration;
    }

    /** The state directory of this run. */
    public Path dataDirectory() {
        return run.root();
    }

    /** The directory of the generated properties and the logs. */
    public Path runDirectory() {
        return run.runDirectory();
    }

    /** A function's console log. */
    public Path log(NetworkFunction function) {
        return run.log(function);
    }

    /** A function's generated {@code application.properties}. */
    public Path properties(NetworkFunction function) {
        return run.properties(function);
    }

    /** The file holding the HSS API token (owner-only). */
    public Path hssApiTokenFile() {
        return run.tokenFile();
    }

    /** The child JVMs, by function. */
    public synchronized Map<NetworkFunction, ProcessHandle> processes() {
        Map<NetworkFunction, ProcessHandle> handles = new EnumMap<>(NetworkFunction.class);
        processes.forEach((function, process) -> handles.put(function, process.handle()));
        return handles;
    }

    /** Completes when a function exits while the core runs (it is not restarted); never during {@link #close()}. */
    public CompletableFuture<FunctionExit> unexpectedExit() {
        return unexpectedExit;
    }

    /**
     * Stops the functions in the reverse start order (P-, I-, S-CSCF, HSS): each gets a SIGTERM and
     * {@link LocalOptions#stopTimeout()} to finish, then is killed. Idempotent; logs and stores stay.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closing = true;
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or is about to; this close does the work first
            }
        }
        boolean interrupted = false;
        List<NetworkFunction> order = new ArrayList<>(START_ORDER);
        Collections.reverse(order);
        for (NetworkFunction function : order) {
            FunctionProcess process = processes.get(function);
            if (process == null) {
                continue;
            }
            try {
                options.progress().accept("stopping the " + label(function));
                process.stop(options.stopTimeout());
            } catch (InterruptedException e) {
                interrupted = true;
                try {
                    process.kill();
                } catch (InterruptedException again) {
                    // killed already; nothing more to wait for
                }
            }
        }
        run.close();
        closed = true;
        options.progress().accept("stopped");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalCore[" + coreName() + ", " + domain() + ", functions=" + processes.keySet() + ", data="
                + run.root() + "]";
    }

    // ---- start ----

    private void startFunctions() throws LocalStartException, InterruptedException {
        Set<NetworkFunction> wanted = options.functions();
        if (wanted.contains(NetworkFunction.HSS)) {
            FunctionProcess hss = launch(NetworkFunction.HSS);
            hss.awaitReady(options.readyTimeout());
            options.progress().accept("the HSS is ready after " + seconds(hss.sinceStart()) + ": "
                    + httpUri(NetworkFunction.HSS) + ", Diameter "
                    + Placement.Local.LOOPBACK + ":" + diameterAddress(NetworkFunction.HSS).getPort());
            hssClient = new HssProvisioningClient(HssClientSettings.defaults(httpUri(NetworkFunction.HSS)),
                    run::token);
            provision();
        }
        List<FunctionProcess> cscfs = new ArrayList<>();
        for (NetworkFunction function : START_ORDER) {
            if (function.isCscf() && wanted.contains(function)) {
                cscfs.add(launch(function));
            }
        }
        for (FunctionProcess cscf : cscfs) {
            cscf.awaitReady(options.readyTimeout());
            options.progress().accept("the " + label(cscf.function()) + " is ready after "
                    + seconds(cscf.sinceStart()) + ": " + sipUri(cscf.function()));
        }
        for (FunctionProcess process : List.copyOf(processes.values())) {
            process.onExit().thenAccept(code -> {
                if (!closing) {
                    unexpectedExit.complete(new FunctionExit(process.function(), code, process.tail()));
                }
            });
        }
    }

    private synchronized FunctionProcess launch(NetworkFunction function) throws LocalStartException {
        if (closing) {
            throw new LocalStartException("the local core was stopped while it started");
        }
        Path application = function.isCscf() ? options.cscfApplication() : options.hssApplication();
        List<String> command = new ArrayList<>();
        // a session of its own: Ctrl-C in the launcher's terminal reaches the launcher only, which then stops the
        // functions in order (setsid execs in place, so the pid stays the JVM's)
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
        command.add(options.java().toString());
        command.addAll(options.jvmOptions());
        // the child ends when this JVM is gone, however it ends
        command.add("-javaagent:" + run.agentJar() + "=" + ProcessHandle.current().pid());
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-Dquarkus.config.locations=" + run.properties(function));
        command.add("-jar");
        command.add(application.toString());
        FunctionProcess process = new FunctionProcess(function, command, run.runDirectory(), run.log(function),
                httpUri(function));
        options.progress().accept("starting the " + label(function) + " (log: " + run.log(function) + ")");
        process.start();
        processes.put(function, process);
        return process;
    }

    private void provision() throws LocalStartException {
        for (SubscriberManifest subscriber : manifests.subscribers()) {
            try {
                PutResult result = hssClient.put(subscriber.body());
                options.progress().accept((result.created() ? "provisioned " : "updated ")
                        + subscriber.summary().privateIdentity() + " (" + subscriber.summary().authSchemeName()
                        + ")");
            } catch (HssProvisioningException e) {
                throw new LocalStartException("the HSS refused Subscriber " + subscriber.summary().name() + " of "
                        + subscriber.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private static CoreConfiguration derive(LocalOptions options, LocalManifests manifests) {
        Placement.Local placement = new Placement.Local(options.dataDirectory().toString(), options.pcscfSipPort(),
                options.portBase());
        try {
            return CoreConfiguration.derive(manifests.imsCore(), placement);
        } catch (InvalidImsCoreException e) {
            String prefix = e.field() + ": ";
            String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            throw new InvalidManifestException(manifests.imsCoreFile(), "ImsCore "
                    + manifests.imsCore().getMetadata().getName(), e.field(), reason);
        }
    }

    private static void requireApplications(LocalOptions options) throws LocalStartException {
        List<Path> needed = new ArrayList<>();
        if (options.functions().contains(NetworkFunction.HSS)) {
            needed.add(options.hssApplication());
        }
        if (options.functions().stream().anyMatch(NetworkFunction::isCscf)) {
            needed.add(options.cscfApplication());
        }
        for (Path application : needed) {
            if (!Files.isRegularFile(application)) {
                throw new LocalStartException(application + " is missing: build it with bin/kube-ims up (it builds"
                        + " what is missing) or mvn -B -DskipTests package -pl hss-image,cscf-image -am");
            }
        }
    }

    private static List<NetworkFunction> started(LocalOptions options) {
        return START_ORDER.stream().filter(options.functions()::contains).toList();
    }

    /** The name of a function in messages: HSS, P-CSCF, I-CSCF, S-CSCF. */
    static String label(NetworkFunction function) {
        return switch (function) {
            case HSS -> "HSS";
            case PCSCF -> "P-CSCF";
            case ICSCF -> "I-CSCF";
            case SCSCF -> "S-CSCF";
        };
    }

    /** A duration as the progress lines show it. */
    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
