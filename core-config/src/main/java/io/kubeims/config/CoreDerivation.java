package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives the four function configurations of one core in one placement. Every function reaches another by its
 * pool (Service) name, never a pod: the S-CSCF's Server-Name and Service-Route, the P-CSCF's I-CSCF and Path, the
 * HSS's S-CSCF pool for RTR/PPR.
 */
final class CoreDerivation {

    /** Variables carrying the Hot Rod credentials from a Secret; the properties only refer to them. */
    static final String HOT_ROD_USERNAME_VARIABLE = "KUBEIMS_HOTROD_USERNAME";
    static final String HOT_ROD_PASSWORD_VARIABLE = "KUBEIMS_HOTROD_PASSWORD";
    static final String HTTP_PORT_KEY = "quarkus.http.port";
    static final String HTTP_HOST_KEY = "quarkus.http.host";

    private enum StoreKind { EMBEDDED, MEMORY, OPERATOR_INFINISPAN, EXTERNAL }

    private final CoreSpec spec;
    private final CoreNames names;
    private final Placement placement;
    private final boolean local;
    private final int pcscfSipPort;
    private final List<ConfigurationWarning> warnings = new ArrayList<>();

    CoreDerivation(ImsCore core, Placement placement) {
        this.names = placement.names(core);
        this.spec = CoreSpec.of(core);
        this.placement = placement;
        this.local = placement instanceof Placement.Local;
        this.pcscfSipPort = placement.pcscfSipPort(spec.pcscfSipPort);
        warnings.addAll(spec.warnings);
        warnAboutReplicas();
        requireDistinctPorts();
    }

    CoreConfiguration derive() {
        Map<NetworkFunction, FunctionConfiguration> functions = new EnumMap<>(NetworkFunction.class);
        functions.put(NetworkFunction.HSS, hss());
        functions.put(NetworkFunction.PCSCF, pcscf());
        functions.put(NetworkFunction.ICSCF, icscf());
        functions.put(NetworkFunction.SCSCF, scscf());
        return new CoreConfiguration(names, placement, functions, warnings);
    }

    // ---- the functions ----

    private FunctionConfiguration hss() {
        Draft hss = new Draft(NetworkFunction.HSS);
        hss.put(HssKeys.REALM, spec.domain);
        hss.put(HssKeys.DIAMETER_ORIGIN_HOST, placement.diameterOriginHost(NetworkFunction.HSS, names, spec.domain));
        hss.put(HssKeys.DIAMETER_BIND_ADDRESS, placement.bindAddress());
        hss.put(HssKeys.DIAMETER_PORT, placement.diameterPort(NetworkFunction.HSS));
        // the Server-Name offered in UAA/LIA and the pool RTR/PPR go to: the S-CSCF Service, never a pod
        hss.put(HssKeys.CX_SCSCF_POOL, scscfServerName());
        String tokenFile = placement.hssApiTokenFile();
        hss.put(HssKeys.API_TOKEN_FILE, tokenFile);
        hss.secretFiles.add(new SecretFile(tokenFile, names.hssApiTokenSecretName(),
                Placement.Kubernetes.HSS_API_TOKEN_KEY));
        hss.port("diameter", FunctionPort.Protocol.TCP, placement.diameterPort(NetworkFunction.HSS));
        store(hss, HssKeys.STORE, "hss");
        return hss.build();
    }

    private FunctionConfiguration pcscf() {
        Draft pcscf = cscf(NetworkFunction.PCSCF, pcscfSipPort);
        // TS 24.229 5.2.2.1: REGISTER goes to the I-CSCF of the home network; Path (RFC 3327) names the P-CSCF pool
        pcscf.put(CscfKeys.PCSCF_ICSCF_URI, "sip:" + reachable(NetworkFunction.ICSCF) + ":" + placement.sipPort(NetworkFunction.ICSCF)
                + ";lr");
        pcscf.put(CscfKeys.PCSCF_PATH_URI, "sip:term@" + reachable(NetworkFunction.PCSCF) + ":" + pcscfSipPort
                + ";lr");
        // TS 24.229 5.2.2.1: P-Visited-Network-ID; the P-CSCF is in the home network here
        pcscf.put(CscfKeys.PCSCF_VISITED_NETWORK_ID, spec.domain);
        // RFC 5626 5.2: one flow-token key for every replica, so that any of them can use a token another minted
        generatedKey(pcscf, GeneratedKey.PCSCF_FLOW_TOKEN);
        return pcscf.build();
    }

    private FunctionConfiguration icscf() {
        Draft icscf = cscf(NetworkFunction.ICSCF, placement.sipPort(NetworkFunction.ICSCF));
        icscf.put(CscfKeys.ICSCF_SCSCF_POOL, scscfServerName());
        return icscf.build();
    }

    private FunctionConfiguration scscf() {
        Draft scscf = cscf(NetworkFunction.SCSCF, placement.sipPort(NetworkFunction.SCSCF));
        scscf.put(CscfKeys.SCSCF_SERVER_NAME, scscfServerName());
        // RFC 3608: the UE's later requests come back to the pool, marked as originating
        scscf.put(CscfKeys.SCSCF_SERVICE_ROUTE, "sip:orig@" + reachable(NetworkFunction.SCSCF) + ":"
                + placement.sipPort(NetworkFunction.SCSCF) + ";lr");
        scscf.put(CscfKeys.SCSCF_TRUSTED_PCSCFS, reachable(NetworkFunction.PCSCF) + ":" + pcscfSipPort);
        // seed 000: a REGISTER straight to the Service-Route address, not through the P-CSCF, is refused
        scscf.put(CscfKeys.SCSCF_PCSCF_REQUIRED, true);
        spec.enumLookup.ifPresent(lookup -> {
            scscf.put(CscfKeys.SCSCF_ENUM_SERVER, lookup.server());
            scscf.put(CscfKeys.SCSCF_ENUM_SUFFIX, lookup.suffix());
        });
        spec.breakoutUri.ifPresent(uri -> scscf.put(CscfKeys.SCSCF_BREAKOUT_URI, uri));
        // TS 24.229 5.4.3.2: an originating request to a home-domain target goes on to the I-CSCF (LIR there)
        scscf.put(CscfKeys.SCSCF_ICSCF_URI, "sip:" + reachable(NetworkFunction.ICSCF) + ":"
                + placement.sipPort(NetworkFunction.ICSCF) + ";lr");
        // the ODI in the Route towards an AS is signed: any replica of the pool resumes the iFC evaluation
        generatedKey(scscf, GeneratedKey.SCSCF_ODI);
        return scscf.build();
    }

    /** The function reads {@code key} from a file: the Secret the operator generates, or the file local mode writes. */
    private void generatedKey(Draft function, GeneratedKey key) {
        SecretFile file = key.secretFile(placement, names);
        function.put(key.configKey(), file.path());
        function.secretFiles.add(file);
    }

    /** What every CSCF role has: role, domain, SIP listener, Diameter towards the HSS (I/S), store, HTTP. */
    private Draft cscf(NetworkFunction role, int sipPort) {
        Draft cscf = new Draft(role);
        cscf.put(CscfKeys.ROLE, role.id());
        cscf.put(CscfKeys.HOME_DOMAIN, spec.domain);
        cscf.put(CscfKeys.SIP_BIND_ADDRESS, placement.bindAddress());
        cscf.put(CscfKeys.SIP_ADVERTISED_HOST, placement.advertisedHost());
        cscf.put(CscfKeys.SIP_PORT, sipPort);
        cscf.put(CscfKeys.SIP_TRANSPORTS, "udp,tcp");
        if (!local) {
            // Route entries name the pool (Service-Route, Path): a replica must recognise them as its own
            cscf.put(CscfKeys.SIP_ALIASES, reachable(role) + ":" + sipPort);
        }
        cscf.port("sip-udp", FunctionPort.Protocol.UDP, sipPort);
        cscf.port("sip-tcp", FunctionPort.Protocol.TCP, sipPort);
        if (role != NetworkFunction.PCSCF) {
            cscf.put(CscfKeys.DIAMETER_ORIGIN_HOST, placement.diameterOriginHost(role, names, spec.domain));
            cscf.put(CscfKeys.DIAMETER_REALM, spec.domain);
            cscf.put(CscfKeys.DIAMETER_BIND_ADDRESS, placement.bindAddress());
            cscf.put(CscfKeys.DIAMETER_PORT, placement.diameterPort(role));
            cscf.put(CscfKeys.DIAMETER_HSS_HOST, placement.diameterOriginHost(NetworkFunction.HSS, names,
                    spec.domain));
            cscf.put(CscfKeys.DIAMETER_HSS_ADDRESS, reachable(NetworkFunction.HSS));
            cscf.put(CscfKeys.DIAMETER_HSS_PORT, placement.diameterPort(NetworkFunction.HSS));
            cscf.port("diameter", FunctionPort.Protocol.TCP, placement.diameterPort(role));
        }
        cscf.environment(placement.replicaEnvironment(role));
        store(cscf, CscfKeys.STORE, "cscf");
        return cscf;
    }

    // ---- store ----

    private StoreKind storeKind(NetworkFunction function) {
        if (function == NetworkFunction.ICSCF) {
            return StoreKind.MEMORY;   // the I-CSCF keeps no state (TS 23.228 4.6.2.2: it only routes)
        }
        return switch (spec.storeType) {
            case EMBEDDED -> StoreKind.EMBEDDED;
            case INFINISPAN -> local ? StoreKind.EMBEDDED : StoreKind.OPERATOR_INFINISPAN;
            case EXTERNAL -> StoreKind.EXTERNAL;
        };
    }

    /** The store keys under {@code prefix}; credentials only as references to variables from a Secret. */
    private void store(Draft function, String prefix, String store) {
        StoreKind kind = storeKind(function.function);
        function.put(prefix + "cache-prefix", names.cachePrefix(store));
        switch (kind) {
            case MEMORY -> function.put(prefix + "mode", "embedded");
            case EMBEDDED -> {
                String directory = placement.dataDirectory(function.function);
                function.put(prefix + "mode", "embedded");
                function.put(prefix + "data-dir", directory);
                function.dataDirectory = Optional.of(directory);
            }
            case OPERATOR_INFINISPAN -> {
                function.put(prefix + "mode", "hotrod");
                function.put(prefix + "hotrod.servers", names.infinispanHost() + ":" + Placement.HOT_ROD_PORT);
                hotRodCredentials(function, prefix, names.infinispanCredentialsSecretName());
            }
            case EXTERNAL -> {
                CoreSpec.ExternalStore external = spec.external.orElseThrow();
                function.put(prefix + "mode", "hotrod");
                function.put(prefix + "hotrod.uri", external.uri());
                external.credentialsSecret().ifPresent(secret -> hotRodCredentials(function, prefix, secret));
            }
        }
    }

    private static void hotRodCredentials(Draft function, String prefix, String secret) {
        EnvironmentVariable username = new EnvironmentVariable(HOT_ROD_USERNAME_VARIABLE,
                new EnvironmentVariable.SecretKey(secret, "username"));
        EnvironmentVariable password = new EnvironmentVariable(HOT_ROD_PASSWORD_VARIABLE,
                new EnvironmentVariable.SecretKey(secret, "password"));
        function.put(prefix + "hotrod.username", username.reference());
        function.put(prefix + "hotrod.password", password.reference());
        function.environment(List.of(username, password));
    }

    // ---- checks ----

    private void warnAboutReplicas() {
        for (NetworkFunction function : NetworkFunction.values()) {
            int replicas = spec.replicas(function);
            if (replicas <= 1) {
                continue;
            }
            String field = "spec." + function.id() + ".replicas";
            if (local) {
                warnings.add(new ConfigurationWarning(field, replicas + " replicas asked; local mode runs one"
                        + " process per function"));
            } else if (storeKind(function) == StoreKind.EMBEDDED) {
                warnings.add(new ConfigurationWarning(field, replicas + " replicas with an embedded registration"
                        + " store: each replica keeps its own state, so a request reaching another replica misses"
                        + " it; set spec.registrationStore.type to infinispan or external"));
            }
        }
        if (local && spec.storeType == RegistrationStoreSpec.Type.INFINISPAN) {
            warnings.add(new ConfigurationWarning("spec.registrationStore.type", "infinispan: local mode deploys no"
                    + " Infinispan Server, every function uses an embedded store"));
        }
    }

    /** One machine shares one port space; in Kubernetes only the P-CSCF's own HTTP port can clash. */
    private void requireDistinctPorts() {
        Map<Integer, String> taken = new LinkedHashMap<>();
        if (local) {
            taken.put(placement.sipPort(NetworkFunction.ICSCF), "the I-CSCF's SIP port");
            taken.put(placement.sipPort(NetworkFunction.SCSCF), "the S-CSCF's SIP port");
            for (NetworkFunction function : List.of(NetworkFunction.HSS, NetworkFunction.ICSCF,
                    NetworkFunction.SCSCF)) {
                taken.put(placement.diameterPort(function), "the " + label(function) + "'s Diameter port");
            }
            for (NetworkFunction function : NetworkFunction.values()) {
                taken.put(placement.httpPort(function), "the " + label(function) + "'s HTTP port");
            }
        } else {
            taken.put(placement.httpPort(NetworkFunction.PCSCF), "the P-CSCF's HTTP port");
        }
        String other = taken.get(pcscfSipPort);
        if (other == null) {
            return;
        }
        String reason = pcscfSipPort + " is " + other + (local ? " in local mode" : "");
        if (placement instanceof Placement.Local localPlacement && localPlacement.pcscfSipPort().isPresent()) {
            throw new InvalidPlacementException("pcscfSipPort", reason);
        }
        throw new InvalidImsCoreException("spec.pcscf.sipService.port", reason);
    }

    // ---- names ----

    private String reachable(NetworkFunction function) {
        return placement.reachableHost(function, names);
    }

    /** The S-CSCF pool's SIP URI: its Server-Name for the HSS and the I-CSCF. */
    private String scscfServerName() {
        return "sip:" + reachable(NetworkFunction.SCSCF) + ":" + placement.sipPort(NetworkFunction.SCSCF);
    }

    private static String label(NetworkFunction function) {
        return switch (function) {
            case HSS -> "HSS";
            case PCSCF -> "P-CSCF";
            case ICSCF -> "I-CSCF";
            case SCSCF -> "S-CSCF";
        };
    }

    /** One function's configuration while it is being derived. */
    private final class Draft {
        final NetworkFunction function;
        final Map<String, String> properties = new TreeMap<>();
        final Map<String, EnvironmentVariable> environment = new LinkedHashMap<>();
        final List<SecretFile> secretFiles = new ArrayList<>();
        final List<FunctionPort> ports = new ArrayList<>();
        Optional<String> dataDirectory = Optional.empty();

        Draft(NetworkFunction function) {
            this.function = function;
        }

        void put(String key, Object value) {
            properties.put(key, String.valueOf(value));
        }

        void port(String name, FunctionPort.Protocol protocol, int port) {
            ports.add(new FunctionPort(name, protocol, port));
        }

        void environment(List<EnvironmentVariable> variables) {
            for (EnvironmentVariable variable : variables) {
                environment.put(variable.name(), variable);
            }
        }

        FunctionConfiguration build() {
            put(HTTP_PORT_KEY, placement.httpPort(function));
            if (local) {
                // health, metrics and the HSS API stay on the loopback address like everything else (Quarkus: 0.0.0.0)
                put(HTTP_HOST_KEY, placement.bindAddress());
            }
            port("http", FunctionPort.Protocol.TCP, placement.httpPort(function));
            return new FunctionConfiguration(function, new TreeMap<>(properties), List.copyOf(environment.values()),
                    secretFiles, ports, dataDirectory);
        }
    }
}
