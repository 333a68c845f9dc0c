package io.kubeims.config;

import io.kubeims.api.v1alpha1.common.ValidationPatterns;
import io.kubeims.api.v1alpha1.imscore.BreakoutSpec;
import io.kubeims.api.v1alpha1.imscore.EnumSpec;
import io.kubeims.api.v1alpha1.imscore.FunctionSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.ImsCoreSpec;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.api.v1alpha1.imscore.SipServiceSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ImsCore spec checked and with its defaults applied: every rule of the CRD schema again (local mode reads
 * manifests no API server has seen) plus the combinations the schema cannot express. Warnings collect what works but
 * is probably not meant.
 */
final class CoreSpec {

    private static final Pattern HOME_DOMAIN = Pattern.compile(ValidationPatterns.HOME_DOMAIN);
    private static final Pattern HOST_PORT = Pattern.compile(ValidationPatterns.HOST_PORT);
    private static final Pattern DNS_DOMAIN = Pattern.compile(ValidationPatterns.DNS_DOMAIN);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(ValidationPatterns.DNS_SUBDOMAIN);
    private static final Pattern SIP_URI = Pattern.compile(ValidationPatterns.SIP_URI);
    private static final Pattern HOT_ROD_URI = Pattern.compile("^hotrods?://[^\\s]+$");
    /** RFC 1035 2.3.4: a domain name of at most 255 octets on the wire, 253 characters written. */
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_INFINISPAN_REPLICAS = 16;

    /** An existing Infinispan Server: its Hot Rod URI and the Secret with its credentials, if any. */
    record ExternalStore(String uri, Optional<String> credentialsSecret) {
    }

    /** ENUM server (host or host:port) and suffix. */
    record EnumLookup(String server, String suffix) {
    }

    final String domain;
    final Map<NetworkFunction, Integer> replicas;
    final RegistrationStoreSpec.Type storeType;
    final Optional<ExternalStore> external;
    final int pcscfSipPort;
    final Optional<EnumLookup> enumLookup;
    final Optional<String> breakoutUri;
    final List<ConfigurationWarning> warnings = new ArrayList<>();

    private CoreSpec(ImsCoreSpec spec) {
        this.domain = domain(spec.getDomain());
        this.replicas = new EnumMap<>(NetworkFunction.class);
        replicas.put(NetworkFunction.HSS, replicas("spec.hss", spec.getHss()));
        replicas.put(NetworkFunction.PCSCF, replicas("spec.pcscf", spec.getPcscf()));
        replicas.put(NetworkFunction.ICSCF, replicas("spec.icscf", spec.getIcscf()));
        replicas.put(NetworkFunction.SCSCF, replicas("spec.scscf", spec.getScscf()));
        RegistrationStoreSpec store = spec.getRegistrationStore();
        this.storeType = store == null ? RegistrationStoreSpec.Type.EMBEDDED : store.effectiveType();
        this.external = external(store);
        this.pcscfSipPort = pcscfSipPort(spec.getPcscf() == null ? null : spec.getPcscf().getSipService());
        this.enumLookup = enumLookup(spec.getEnumLookup());
        this.breakoutUri = breakout(spec.getBreakout());
    }

    /**
     * @throws InvalidImsCoreException naming the first field that cannot work
     */
    static CoreSpec of(ImsCore core) {
        if (core == null || core.getSpec() == null) {
            throw new InvalidImsCoreException("spec", "is required");
        }
        return new CoreSpec(core.getSpec());
    }

    int replicas(NetworkFunction function) {
        return replicas.get(function);
    }

    void warn(String field, String message) {
        warnings.add(new ConfigurationWarning(field, message));
    }

    private static String domain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new InvalidImsCoreException("spec.domain", "is required");
        }
        if (domain.length() > MAX_DOMAIN || !HOME_DOMAIN.matcher(domain).matches()) {
            throw new InvalidImsCoreException("spec.domain", "'" + domain + "' is not a home network domain: at least"
                    + " two DNS labels of letters, digits and '-', e.g. ims.example.com (TS 23.003 13.2)");
        }
        return domain;
    }

    private static int replicas(String field, FunctionSpec function) {
        if (function == null) {
            return 1;
        }
        int replicas = function.effectiveReplicas();
        if (replicas < 1 || replicas > FunctionSpec.MAX_REPLICAS) {
            throw new InvalidImsCoreException(field + ".replicas", "must be 1.." + FunctionSpec.MAX_REPLICAS
                    + ", was " + replicas);
        }
        return replicas;
    }

    private Optional<ExternalStore> external(RegistrationStoreSpec store) {
        if (store == null) {
            return Optional.empty();
        }
        RegistrationStoreSpec.Type type = store.effectiveType();
        Integer infinispanReplicas = store.getInfinispanReplicas();
        if (infinispanReplicas != null) {
            if (infinispanReplicas < 1 || infinispanReplicas > MAX_INFINISPAN_REPLICAS) {
                throw new InvalidImsCoreException("spec.registrationStore.infinispanReplicas", "must be 1.."
                        + MAX_INFINISPAN_REPLICAS + ", was " + infinispanReplicas);
            }
            if (type != RegistrationStoreSpec.Type.INFINISPAN) {
                warn("spec.registrationStore.infinispanReplicas", "ignored: the store type is not infinispan");
            }
        }
        RegistrationStoreSpec.External external = store.getExternal();
        if (type != RegistrationStoreSpec.Type.EXTERNAL) {
            if (external != null) {
                warn("spec.registrationStore.external", "ignored: the store type is not external");
            }
            return Optional.empty();
        }
        if (external == null) {
            throw new InvalidImsCoreException("spec.registrationStore.external", "is required when type is external");
        }
        String uri = external.getUri();
        if (uri == null || uri.isBlank()) {
            throw new InvalidImsCoreException("spec.registrationStore.external.uri", "is required");
        }
        // the URI is not repeated in these messages: a user may have put a password into it
        if (!HOT_ROD_URI.matcher(uri).matches()) {
            throw new InvalidImsCoreException("spec.registrationStore.external.uri",
                    "must be a Hot Rod URI, hotrod://host:port or hotrods://host:port");
        }
        String authority = uri.substring(uri.indexOf("://") + 3);
        for (char end : new char[] {'/', '?', '#'}) {
            int at = authority.indexOf(end);
            if (at >= 0) {
                authority = authority.substring(0, at);
            }
        }
        if (authority.contains("@")) {
            throw new InvalidImsCoreException("spec.registrationStore.external.uri", "carries credentials: put them"
                    + " in a Secret named by spec.registrationStore.external.credentialsSecret");
        }
        Optional<String> secret = Optional.empty();
        if (external.getCredentialsSecret() != null) {
            String name = external.getCredentialsSecret().getName();
            if (name == null || !DNS_SUBDOMAIN.matcher(name).matches()) {
                throw new InvalidImsCoreException("spec.registrationStore.external.credentialsSecret.name",
                        "'" + name + "' is not a Secret name");
            }
            secret = Optional.of(name);
        }
        return Optional.of(new ExternalStore(uri, secret));
    }

    private static int pcscfSipPort(SipServiceSpec service) {
        if (service == null) {
            return new SipServiceSpec().effectivePort();
        }
        int port = service.effectivePort();
        if (port < 1 || port > 65535) {
            throw new InvalidImsCoreException("spec.pcscf.sipService.port", "must be 1..65535, was " + port);
        }
        Integer nodePort = service.getNodePort();
        if (nodePort != null) {
            if (service.effectiveType() == SipServiceSpec.Type.CLUSTER_IP) {
                throw new InvalidImsCoreException("spec.pcscf.sipService.nodePort",
                        "can only be set when type is NodePort or LoadBalancer");
            }
            if (nodePort < 30000 || nodePort > 32767) {
                throw new InvalidImsCoreException("spec.pcscf.sipService.nodePort", "must be 30000..32767, was "
                        + nodePort);
            }
        }
        return port;
    }

    private static Optional<EnumLookup> enumLookup(EnumSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        String server = spec.getServer();
        if (server == null || server.isBlank()) {
            throw new InvalidImsCoreException("spec.enum.server", "is required");
        }
        if (!HOST_PORT.matcher(server).matches() || !portInRange(server)) {
            throw new InvalidImsCoreException("spec.enum.server", "'" + server + "' is not host or host:port");
        }
        String suffix = spec.effectiveSuffix();
        if (!DNS_DOMAIN.matcher(suffix).matches() || suffix.length() > MAX_DOMAIN) {
            throw new InvalidImsCoreException("spec.enum.suffix", "'" + suffix + "' is not a DNS domain");
        }
        return Optional.of(new EnumLookup(server, suffix));
    }

    private static Optional<String> breakout(BreakoutSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        String uri = spec.getGatewayUri();
        if (uri == null || uri.isBlank()) {
            throw new InvalidImsCoreException("spec.breakout.gatewayUri", "is required");
        }
        if (!SIP_URI.matcher(uri).matches()) {
            throw new InvalidImsCoreException("spec.breakout.gatewayUri", "'" + uri + "' is not a sip: or sips: URI");
        }
        return Optional.of(uri);
    }

    private static boolean portInRange(String hostPort) {
        int close = hostPort.lastIndexOf(']');
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || colon < close) {
            return true;
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }
}
