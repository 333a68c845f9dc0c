package io.kubeims.local;

import io.kubeims.config.InvalidPlacementException;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bin/kube-ims up}: starts a {@link LocalCore} from the manifests, prints where the P-CSCF is and which test
 * subscribers exist (never a credential), and runs until stopped: SIGINT/SIGTERM stop the functions in reverse order
 * (a shutdown hook); a function that dies on its own stops the rest and ends the launcher with code 1.
 * The repository root comes from {@code -Dkubeims.repository} (set by {@code bin/kube-ims}), relative paths of the
 * arguments from the working directory.
 *
 * <p>Exit codes: 0 stopped on request, 1 could not start or a function died, 2 bad arguments or manifests.
 */
public final class KubeImsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: kube-ims up [--manifests DIR] [--pcscf-port N] [--data-dir DIR] [--port-base N] [--only LIST]
              Starts the HSS, S-CSCF, I-CSCF and P-CSCF on 127.0.0.1 from the manifests, provisions their
              subscribers into the HSS, and runs until stopped (Ctrl-C).
              --manifests DIR   ImsCore, Subscribers, Secrets, IfcProfiles (default: deploy/examples)
              --pcscf-port N    the P-CSCF's SIP port, UDP and TCP (default: spec.pcscf.sipService.port, 5060)
              --data-dir DIR    stores, HSS API token, generated properties, logs (default: .kube-ims)
              --port-base N     moves the other ports (Diameter 3868-3870, HTTP 8080-8083, SIP 5070 and 6060)
                                to N..N+8
              --only LIST       starts only some of hss,scscf,icscf,pcscf (comma-separated)
            exit codes: 0 stopped, 1 could not start or a function died, 2 bad arguments or manifests""";

    /** Thrown for arguments that cannot be used; exits with {@value #USAGE}. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Path repository;
    private final Path workingDirectory;

    /**
     * @param out              progress and the summary
     * @param err              errors
     * @param repository       the repository root (defaults: manifests, data directory, applications)
     * @param workingDirectory what relative arguments are relative to
     */
    KubeImsCommand(PrintStream out, PrintStream err, Path repository, Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.repository = repository.toAbsolutePath().normalize();
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("kubeims.repository", "."));
        System.exit(new KubeImsCommand(System.out, System.err, repository, Path.of("")).run(args));
    }

    /** Runs a command; for {@code up}, returns only when a function died or the start failed. */
    int run(String[] args) {
        LocalOptions options;
        try {
            options = parse(List.of(args));
        } catch (UsageException e) {
            err.println("kube-ims: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options == null) {
            out.println(USAGE_TEXT);
            return OK;
        }
        LocalCore core;
        try {
            core = LocalCore.start(options);
        } catch (InvalidManifestException e) {
            err.println("kube-ims: invalid manifest: " + e.getMessage());
            return USAGE;
        } catch (InvalidPlacementException e) {
            err.println("kube-ims: " + e.getMessage());
            return USAGE;
        } catch (LocalStartException e) {
            err.println("kube-ims: cannot start: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            err.println("kube-ims: interrupted while starting");
            return FAILED;
        }
        // SIGINT/SIGTERM: LocalCore's own shutdown hook stops the functions in reverse order
        printSummary(core);
        LocalCore.FunctionExit exit = core.unexpectedExit().join();
        err.println("kube-ims: the " + LocalCore.label(exit.function()) + " exited with code " + exit.exitCode()
                + "; the end of " + core.log(exit.function()) + ":\n" + exit.logTail());
        core.close();
        return FAILED;
    }

    /** @return the options of {@code up}, or null for help */
    LocalOptions parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("a command is required");
        }
        String command = args.get(0);
        if (List.of("help", "-h", "--help").contains(command)) {
            return null;
        }
        if (!command.equals("up")) {
            throw new UsageException("unknown command '" + command + "'");
        }
        LocalOptions options = LocalOptions.forRepository(repository).withProgress(line -> out.println("kube-ims: "
                + line));
        List<String> rest = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            // --flag=value as two arguments
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                rest.add(arg.substring(0, equals));
                rest.add(arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        for (int i = 0; i < rest.size(); i += 2) {
            String flag = rest.get(i);
            if (List.of("help", "-h", "--help").contains(flag)) {
                return null;
            }
            if (i + 1 >= rest.size()) {
                throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '"
                        + flag + "'");
            }
            String value = rest.get(i + 1);
            options = switch (flag) {
                case "--manifests" -> options.withManifests(workingDirectory.resolve(value));
                case "--data-dir" -> options.withDataDirectory(workingDirectory.resolve(value));
                case "--pcscf-port" -> options.withPcscfSipPort(port(flag, value, 1, 65535));
                case "--port-base" -> options.withPortBase(port(flag, value, 1024,
                        65536 - Placement.Local.PORT_BLOCK));
                case "--only" -> options.withFunctions(functions(value));
                default -> throw new UsageException("unknown option '" + flag + "'");
            };
        }
        return options;
    }

    private static int port(String flag, String value, int min, int max) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= min && port <= max) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " must be a number " + min + ".." + max + ", was '" + value + "'");
    }

    private static Set<NetworkFunction> functions(String list) {
        Set<NetworkFunction> functions = EnumSet.noneOf(NetworkFunction.class);
        for (String id : list.split(",")) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            NetworkFunction function = null;
            for (NetworkFunction candidate : NetworkFunction.values()) {
                if (candidate.id().equals(wanted)) {
                    function = candidate;
                }
            }
            if (function == null) {
                throw new UsageException("--only: '" + id.trim() + "' is not one of hss, scscf, icscf, pcscf");
            }
            functions.add(function);
        }
        return functions;
    }

    private void printSummary(LocalCore core) {
        StringBuilder text = new StringBuilder();
        text.append("\nkube-ims: local core ").append(core.coreName()).append(" (").append(core.domain())
                .append(") is up\n");
        Set<NetworkFunction> running = core.functions();
        if (running.contains(NetworkFunction.PCSCF)) {
            text.append(String.format(Locale.ROOT, "  %-8s %-26s UDP and TCP: register UEs here%n", "P-CSCF",
                    core.sipUri(NetworkFunction.PCSCF)));
        }
        for (NetworkFunction cscf : List.of(NetworkFunction.ICSCF, NetworkFunction.SCSCF)) {
            if (running.contains(cscf)) {
                text.append(String.format(Locale.ROOT, "  %-8s %-26s Diameter %s%n", LocalCore.label(cscf),
                        core.sipUri(cscf), core.diameterAddress(cscf).getPort()));
            }
        }
        if (running.contains(NetworkFunction.HSS)) {
            text.append(String.format(Locale.ROOT, "  %-8s %-26s Diameter %s, API token in %s%n", "HSS",
                    core.httpUri(NetworkFunction.HSS), core.diameterAddress(NetworkFunction.HSS).getPort(),
                    core.hssApiTokenFile()));
        }
        text.append("  logs     ").append(core.runDirectory()).append("/<function>.log\n");
        if (running.contains(NetworkFunction.HSS)) {
            text.append("Test subscribers (credentials: their Secrets in ").append(core.manifests().directory())
                    .append("):\n");
            for (TestSubscriber subscriber : core.subscribers()) {
                text.append(String.format(Locale.ROOT, "  %-24s %-11s %s%n", subscriber.privateIdentity(),
                        subscriber.authSchemeName(), String.join(", ", subscriber.publicIdentities())));
            }
        }
        text.append("Stop with Ctrl-C.");
        out.println(text);
        out.flush();
    }
}
