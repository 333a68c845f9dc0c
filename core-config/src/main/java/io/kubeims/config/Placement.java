package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where the functions of a core run, which decides addresses, ports, Diameter identities and data paths:
 * <ul>
 * <li>{@link Kubernetes}: one Deployment and Service per function in the ImsCore's namespace; functions reach each
 * other by Service DNS name (pools, never pods); pods bind {@code 0.0.0.0} and advertise their {@code POD_IP}, and
 * the replicas of a pool take their Diameter Origin-Host from {@code POD_NAME} (both from the downward API).</li>
 * <li>{@link Local}: every function a process on 127.0.0.1 with a port of its own, state under one data
 * directory.</li>
 * </ul>
 * The SIP ports are the same in both: P-CSCF {@code spec.pcscf.sipService.port} (5060 by default), I-CSCF 5070,
 * S-CSCF 6060, so what runs locally is what runs in the cluster.
 */
public sealed interface Placement permits Placement.Kubernetes, Placement.Local {

    /** SIP port of the I-CSCF. */
    int ICSCF_SIP_PORT = 5070;
    /** SIP port of the S-CSCF, also in its Server-Name (the HSS's default pool is sip:scscf.&lt;realm&gt;:6060). */
    int SCSCF_SIP_PORT = 6060;
    /** The Diameter port (RFC 6733 section 11.4). */
    int DIAMETER_PORT = 3868;
    /** Hot Rod port of an Infinispan Server. */
    int HOT_ROD_PORT = 11222;

    /** Kubernetes with the usual cluster domain. */
    static Kubernetes kubernetes() {
        return new Kubernetes(CoreNames.DEFAULT_CLUSTER_DOMAIN);
    }

    /** One machine, state under {@code dataDirectory} (absolute), the P-CSCF on the spec's SIP port. */
    static Local local(String dataDirectory) {
        return new Local(dataDirectory, OptionalInt.empty());
    }

    /** One machine, state under {@code dataDirectory} (absolute), the P-CSCF on {@code pcscfSipPort}. */
    static Local local(String dataDirectory, int pcscfSipPort) {
        return new Local(dataDirectory, OptionalInt.of(pcscfSipPort));
    }

    /** The names of {@code core}'s objects as this placement sees them (its cluster domain). */
    CoreNames names(ImsCore core);

    /** The address sockets bind to. */
    String bindAddress();

    /** The host a replica writes into Via, Record-Route and Contact: an address of its own. */
    String advertisedHost();

    /** The host by which other functions reach {@code function} (its pool, never one replica). */
    String reachableHost(NetworkFunction function, CoreNames names);

    /**
     * The Diameter Origin-Host of a replica of {@code function} (HSS, I-CSCF, S-CSCF).
     *
     * @throws IllegalArgumentException for the P-CSCF, which speaks no Diameter (yet: Rx is not served)
     */
    String diameterOriginHost(NetworkFunction function, CoreNames names, String domain);

    /**
     * The Diameter port {@code function} listens on (a CSCF's jdiameter node listens too: RTR/PPR may connect).
     *
     * @throws IllegalArgumentException for the P-CSCF
     */
    int diameterPort(NetworkFunction function);

    /** The Quarkus HTTP port (health, metrics, the HSS API) of {@code function}. */
    int httpPort(NetworkFunction function);

    /** The P-CSCF's SIP port, given the spec's. */
    int pcscfSipPort(int specPort);

    /**
     * The SIP port of the I-CSCF ({@value #ICSCF_SIP_PORT}) or the S-CSCF ({@value #SCSCF_SIP_PORT}) unless a local
     * port base moves them.
     *
     * @throws IllegalArgumentException for the HSS (no SIP) and the P-CSCF (see {@link #pcscfSipPort(int)})
     */
    default int sipPort(NetworkFunction function) {
        return switch (function) {
            case ICSCF -> ICSCF_SIP_PORT;
            case SCSCF -> SCSCF_SIP_PORT;
            default -> throw new IllegalArgumentException("the " + function.id()
                    + " has no fixed SIP port (HSS: none; P-CSCF: pcscfSipPort)");
        };
    }

    /** The directory of a function's embedded store. */
    String dataDirectory(NetworkFunction function);

    /** The file holding the HSS provisioning API token (a mounted Secret, or a file local mode writes). */
    String hssApiTokenFile();

    /** The per-replica variables {@link #advertisedHost()} and {@link #diameterOriginHost} refer to. */
    List<EnvironmentVariable> replicaEnvironment(NetworkFunction function);

    /**
     * Kubernetes placement: functions in the ImsCore's namespace, reached by Service DNS name.
     *
     * @param clusterDomain the cluster's DNS domain, usually {@code cluster.local}
     */
    record Kubernetes(String clusterDomain) implements Placement {

        /** Downward-API variable holding the pod's IP ({@code status.podIP}). */
        public static final String POD_IP_VARIABLE = "POD_IP";
        /** Downward-API variable holding the pod's name ({@code metadata.name}). */
        public static final String POD_NAME_VARIABLE = "POD_NAME";
        /** Where the operator mounts a function's data volume; each function writes under its own directory. */
        public static final String DATA_ROOT = "/var/lib/kube-ims";
        /** Where the HSS API token Secret is mounted. */
        public static final String HSS_API_TOKEN_MOUNT = "/var/run/secrets/kube-ims/hss-api";
        /** The key of the token in its Secret, also the file name in the mount. */
        public static final String HSS_API_TOKEN_KEY = "token";
        /** Container port of every function's Quarkus HTTP server. */
        public static final int HTTP_PORT = 8080;

        /** @throws InvalidPlacementException when the cluster domain is missing */
        public Kubernetes {
            if (clusterDomain == null || clusterDomain.isBlank()) {
                throw new InvalidPlacementException("clusterDomain", "is required (usually cluster.local)");
            }
        }

        @Override
        public CoreNames names(ImsCore core) {
            if (core != null && core.getMetadata() != null && core.getMetadata().getNamespace() == null) {
                throw new InvalidImsCoreException("metadata.namespace",
                        "is required in Kubernetes: the functions live in the ImsCore's namespace");
            }
            return CoreNames.of(core, clusterDomain);
        }

        @Override
        public String bindAddress() {
            return "0.0.0.0";
        }

        @Override
        public String advertisedHost() {
            return "${" + POD_IP_VARIABLE + "}";
        }

        @Override
        public String reachableHost(NetworkFunction function, CoreNames names) {
            return names.serviceHost(function);
        }

        /**
         * The HSS: its Service name (CSCFs connect to the Service and expect that peer). A CSCF replica:
         * {@code <pod>.<service host>}, so the HSS finds the replicas of pool H as the peers ending in ".H".
         */
        @Override
        public String diameterOriginHost(NetworkFunction function, CoreNames names, String domain) {
            requireDiameter(function);
            if (function == NetworkFunction.HSS) {
                return names.serviceHost(function);
            }
            return "${" + POD_NAME_VARIABLE + "}." + names.serviceHost(function);
        }

        @Override
        public int diameterPort(NetworkFunction function) {
            requireDiameter(function);
            return DIAMETER_PORT;
        }

        @Override
        public int httpPort(NetworkFunction function) {
            return HTTP_PORT;
        }

        @Override
        public int pcscfSipPort(int specPort) {
            return specPort;
        }

        @Override
        public String dataDirectory(NetworkFunction function) {
            return DATA_ROOT + "/" + function.id();
        }

        @Override
        public String hssApiTokenFile() {
            return HSS_API_TOKEN_MOUNT + "/" + HSS_API_TOKEN_KEY;
        }

        /** CSCFs: {@code POD_IP}; the I-CSCF and S-CSCF also {@code POD_NAME}; the HSS none. */
        @Override
        public List<EnvironmentVariable> replicaEnvironment(NetworkFunction function) {
            EnvironmentVariable podIp = new EnvironmentVariable(POD_IP_VARIABLE,
                    new EnvironmentVariable.PodField("status.podIP"));
            EnvironmentVariable podName = new EnvironmentVariable(POD_NAME_VARIABLE,
                    new EnvironmentVariable.PodField("metadata.name"));
            return switch (function) {
                case HSS -> List.of();
                case PCSCF -> List.of(podIp);
                case ICSCF, SCSCF -> List.of(podIp, podName);
            };
        }
    }

    /**
     * Local placement: every function a process on 127.0.0.1. SIP: P-CSCF {@code pcscfSipPort} or the spec's, I-CSCF
     * 5070, S-CSCF 6060; Diameter: HSS 3868, I-CSCF 3869, S-CSCF 3870; HTTP: HSS 8080, P-CSCF 8081, I-CSCF 8082,
     * S-CSCF 8083. With a {@code portBase} B (several cores or tests on one machine) those nine ports are the block
     * B..B+8 instead: Diameter HSS B, I-CSCF B+1, S-CSCF B+2; HTTP HSS B+3, P-CSCF B+4, I-CSCF B+5, S-CSCF B+6; SIP
     * I-CSCF B+7, S-CSCF B+8 (the P-CSCF's SIP port is still {@code pcscfSipPort} or the spec's).
     *
     * @param dataDirectory absolute directory holding every function's store and the HSS API token file
     * @param pcscfSipPort  the P-CSCF's SIP port when not the spec's (e.g. 5060 is taken on this machine)
     * @param portBase      the first of {@value #PORT_BLOCK} consecutive ports replacing the fixed ones, if any
     */
    record Local(String dataDirectory, OptionalInt pcscfSipPort, OptionalInt portBase) implements Placement {

        /** Everything listens on the loopback address. */
        public static final String LOOPBACK = "127.0.0.1";
        /** How many consecutive ports a {@code portBase} takes. */
        public static final int PORT_BLOCK = 9;

        /** The fixed ports, the P-CSCF on {@code pcscfSipPort} if present, else the spec's. */
        public Local(String dataDirectory, OptionalInt pcscfSipPort) {
            this(dataDirectory, pcscfSipPort, OptionalInt.empty());
        }

        /** @throws InvalidPlacementException for a missing or relative directory or a port out of range */
        public Local {
            if (dataDirectory == null || dataDirectory.isBlank()) {
                throw new InvalidPlacementException("dataDirectory", "is required");
            }
            try {
                if (!Path.of(dataDirectory).isAbsolute()) {
                    throw new InvalidPlacementException("dataDirectory", "'" + dataDirectory
                            + "' must be absolute (every process must find the same directory)");
                }
            } catch (InvalidPathException e) {
                throw new InvalidPlacementException("dataDirectory", "'" + dataDirectory + "' is not a path");
            }
            if (pcscfSipPort == null) {
                pcscfSipPort = OptionalInt.empty();
            }
            if (pcscfSipPort.isPresent() && (pcscfSipPort.getAsInt() < 1 || pcscfSipPort.getAsInt() > 65535)) {
                throw new InvalidPlacementException("pcscfSipPort", "must be 1..65535, was "
                        + pcscfSipPort.getAsInt());
            }
            if (portBase == null) {
                portBase = OptionalInt.empty();
            }
            if (portBase.isPresent() && (portBase.getAsInt() < 1024 || portBase.getAsInt() > 65536 - PORT_BLOCK)) {
                throw new InvalidPlacementException("portBase", "must be 1024.." + (65536 - PORT_BLOCK) + ", was "
                        + portBase.getAsInt());
            }
        }

        /** This placement with the nine fixed ports moved to {@code base}..{@code base}+8. */
        public Local withPortBase(int base) {
            return new Local(dataDirectory, pcscfSipPort, OptionalInt.of(base));
        }

        @Override
        public CoreNames names(ImsCore core) {
            return CoreNames.of(core);
        }

        @Override
        public String bindAddress() {
            return LOOPBACK;
        }

        @Override
        public String advertisedHost() {
            return LOOPBACK;
        }

        @Override
        public String reachableHost(NetworkFunction function, CoreNames names) {
            return LOOPBACK;
        }

        /**
         * {@code hss.<domain>} and {@code icscf.<domain>}; the S-CSCF {@code scscf.127.0.0.1}: its Server-Name host is
         * 127.0.0.1, and the HSS finds a pool's replicas as the peers ending in "." + that host.
         */
        @Override
        public String diameterOriginHost(NetworkFunction function, CoreNames names, String domain) {
            requireDiameter(function);
            if (function == NetworkFunction.SCSCF) {
                return function.id() + "." + LOOPBACK;
            }
            return function.id() + "." + domain;
        }

        @Override
        public int diameterPort(NetworkFunction function) {
            requireDiameter(function);
            int first = portBase.orElse(DIAMETER_PORT);
            return switch (function) {
                case ICSCF -> first + 1;
                case SCSCF -> first + 2;
                default -> first;
            };
        }

        @Override
        public int httpPort(NetworkFunction function) {
            int first = portBase.isPresent() ? portBase.getAsInt() + 3 : 8080;
            return switch (function) {
                case HSS -> first;
                case PCSCF -> first + 1;
                case ICSCF -> first + 2;
                case SCSCF -> first + 3;
            };
        }

        @Override
        public int sipPort(NetworkFunction function) {
            int fixed = Placement.super.sipPort(function);
            if (portBase.isEmpty()) {
                return fixed;
            }
            return portBase.getAsInt() + (function == NetworkFunction.ICSCF ? 7 : 8);
        }

        @Override
        public int pcscfSipPort(int specPort) {
            return pcscfSipPort.orElse(specPort);
        }

        @Override
        public String dataDirectory(NetworkFunction function) {
            return Path.of(dataDirectory).resolve(function.id()).toString();
        }

        @Override
        public String hssApiTokenFile() {
            return Path.of(dataDirectory).resolve("secrets").resolve("hss-api-token").toString();
        }

        /** None: every address and identity is fixed. */
        @Override
        public List<EnvironmentVariable> replicaEnvironment(NetworkFunction function) {
            return List.of();
        }
    }

    private static void requireDiameter(NetworkFunction function) {
        if (function == NetworkFunction.PCSCF) {
            throw new IllegalArgumentException("the P-CSCF has no Diameter interface");
        }
    }
}
