package io.kubeims.cscf.app;

import io.kubeims.cscf.icscf.IcscfSettings;
import io.kubeims.cscf.icscf.InvalidIcscfSettingsException;
import io.kubeims.cscf.icscf.ScscfCandidate;
import io.kubeims.cscf.pcscf.InvalidPcscfSettingsException;
import io.kubeims.cscf.pcscf.PcscfSettings;
import io.kubeims.cscf.pcscf.RouteEnforcement;
import io.kubeims.cscf.scscf.regevent.InvalidRegEventSettingsException;
import io.kubeims.cscf.scscf.regevent.RegEventSettings;
import io.kubeims.cscf.scscf.registrar.InvalidScscfSettingsException;
import io.kubeims.cscf.scscf.registrar.ScscfSettings;
import io.kubeims.cscf.scscf.session.InvalidSessionSettingsException;
import io.kubeims.cscf.scscf.session.SessionSettings;
import io.kubeims.cscf.scscf.thirdparty.InvalidThirdPartySettingsException;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistrationSettings;
import io.kubeims.cscf.sip.InvalidSipSettingsException;
import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.CscfStoreSettings;
import io.kubeims.cscf.store.InvalidCscfStoreSettingsException;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.node.InvalidCxNodeSettingsException;
import io.kubeims.protocol.enumdns.EnumResolverSettings;
import io.kubeims.protocol.enumdns.EnumSuffix;
import io.kubeims.protocol.enumdns.InvalidEnumSettingsException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/** Reads {@link CscfConfig} into {@link CscfSettings}, refusing the first unusable key by its full name. */
final class CscfConfigReader {

    private static final String PREFIX = "kubeims.cscf.";
    /** An IMS home domain: at least two DNS labels (as the ImsCore CRD requires of spec.domain). */
    private static final Pattern HOME_DOMAIN =
            Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
    private static final Pattern HOST_NAME =
            Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
    private static final Pattern HOST_PORT =
            Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp");
    private static final int MAX_WORKERS = 256;
    private static final int MAX_QUEUE = 100_000;

    private final CscfConfig config;
    private final SipFactories sip = SipFactories.create();

    CscfConfigReader(CscfConfig config) {
        this.config = config;
    }

    CscfSettings read() {
        CscfConfig.Role role = config.role();
        String homeDomain = homeDomain();
        boolean cx = role != CscfConfig.Role.PCSCF;
        Optional<CscfSettings.Pcscf> pcscf = role == CscfConfig.Role.PCSCF ? Optional.of(pcscf(homeDomain))
                : Optional.empty();
        Optional<CscfSettings.Scscf> scscf = role == CscfConfig.Role.SCSCF ? Optional.of(scscf(homeDomain))
                : Optional.empty();
        // Route entries name the pool (Path, Service-Route): the node recognises them as its own whatever the aliases
        List<String> ownUris = new ArrayList<>();
        pcscf.ifPresent(p -> ownUris.add(p.pathUri()));
        scscf.ifPresent(s -> ownUris.addAll(List.of(s.registrar().serviceRoute(), s.registrar().serverName())));
        return new CscfSettings(role, homeDomain, sipNode(role, ownUris), workers(),
                cx ? Optional.of(diameter(role, homeDomain)) : Optional.empty(), store(),
                role == CscfConfig.Role.ICSCF ? Optional.of(icscf(homeDomain)) : Optional.empty(), pcscf, scscf);
    }

    private String homeDomain() {
        String domain = config.homeDomain().strip();
        if (!HOME_DOMAIN.matcher(domain).matches() || domain.length() > 253) {
            throw invalid("home-domain", "'" + domain + "' is not a home network domain (e.g. ims.example.com)");
        }
        return domain;
    }

    // ---- SIP ----

    private SipNodeSettings sipNode(CscfConfig.Role role, List<String> ownUris) {
        CscfConfig.Sip settings = config.sip();
        String bind = settings.bindAddress().strip();
        if (!isIpLiteral(bind)) {
            throw invalid("sip.bind-address", "'" + bind + "' is not an IP address");
        }
        String host;
        String hostKey;
        if (isWildcard(bind)) {
            // jain-sip binds the address it writes into Via: a wildcard cannot be a sent-by, the advertised one can
            host = settings.advertisedHost().map(String::strip).filter(h -> !h.isEmpty()).orElseThrow(() -> invalid(
                    "sip.advertised-host", "is required when kubeims.cscf.sip.bind-address is a wildcard ("
                            + bind + "): the address written into Via and bound (e.g. the pod IP)"));
            hostKey = "sip.advertised-host";
        } else {
            host = bind;
            hostKey = "sip.bind-address";
            Optional<String> advertised = settings.advertisedHost().map(String::strip);
            if (advertised.isPresent() && !advertised.get().isEmpty() && !advertised.get().equals(bind)) {
                throw invalid("sip.advertised-host", "'" + advertised.get() + "' differs from"
                        + " kubeims.cscf.sip.bind-address " + bind + ": jain-sip advertises the address it binds;"
                        + " bind 0.0.0.0 to advertise another");
            }
        }
        Set<String> transports = new TreeSet<>();
        for (String transport : settings.transports()) {
            transports.add(transport.strip().toLowerCase(Locale.ROOT));
        }
        if (!transports.equals(TRANSPORTS)) {
            throw invalid("sip.transports", transports + " refused: this version listens on udp and tcp together"
                    + " (no TLS, SCTP or WebSocket); write udp,tcp");
        }
        try {
            List<String> aliases = new ArrayList<>(settings.aliases().orElse(List.of()));
            for (String uri : ownUris) {
                hostPort(uri).filter(alias -> aliases.stream().noneMatch(alias::equalsIgnoreCase))
                        .ifPresent(aliases::add);
            }
            return SipNodeSettings.of(role.name().toLowerCase(Locale.ROOT), host, settings.port())
                    .withAliases(aliases);
        } catch (InvalidSipSettingsException e) {
            String key = switch (e.field()) {
                case "port" -> "sip.port";
                case "aliases" -> "sip.aliases";
                default -> hostKey;
            };
            throw invalid(key, e.getMessage());
        }
    }

    private CscfSettings.Workers workers() {
        CscfConfig.Workers workers = config.workers();
        if (workers.threads() < 1 || workers.threads() > MAX_WORKERS) {
            throw invalid("workers.threads", "must be 1.." + MAX_WORKERS + ", was " + workers.threads());
        }
        if (workers.queueSize() < 1 || workers.queueSize() > MAX_QUEUE) {
            throw invalid("workers.queue-size", "must be 1.." + MAX_QUEUE + ", was " + workers.queueSize());
        }
        requireWithin("workers.shutdown-timeout", workers.shutdownTimeout(), Duration.ZERO, Duration.ofMinutes(5));
        return new CscfSettings.Workers(workers.threads(), workers.queueSize(), workers.shutdownTimeout());
    }

    // ---- Diameter ----

    private CscfSettings.Diameter diameter(CscfConfig.Role role, String homeDomain) {
        CscfConfig.Diameter diameter = config.diameter();
        String realm = diameter.realm().map(String::strip).orElse(homeDomain);
        requireDiameterIdentity("diameter.realm", realm);
        String originHost = diameter.originHost().map(String::strip)
                .orElse(role.name().toLowerCase(Locale.ROOT) + "." + homeDomain);
        requireDiameterIdentity("diameter.origin-host", originHost);
        String bind = diameter.bindAddress().strip();
        if (!isIpLiteral(bind)) {
            throw invalid("diameter.bind-address", "'" + bind + "' is not an IP address");
        }
        requirePort("diameter.port", diameter.port(), true);
        String hssHost = diameter.hssHost().map(String::strip).orElse("hss." + realm);
        requireDiameterIdentity("diameter.hss-host", hssHost);
        String hssAddress = diameter.hssAddress().map(String::strip).filter(a -> !a.isEmpty()).orElseThrow(() ->
                invalid("diameter.hss-address", "is required for the " + role.name() + ": the HSS's IP address or"
                        + " host name (e.g. its Service)"));
        if (!isIpLiteral(hssAddress) && !HOST_NAME.matcher(hssAddress).matches()) {
            throw invalid("diameter.hss-address", "'" + hssAddress + "' is neither an IP address nor a host name");
        }
        requirePort("diameter.hss-port", diameter.hssPort(), false);
        requireWithin("diameter.request-timeout", diameter.requestTimeout(), Duration.ofMillis(1),
                Duration.ofMinutes(5));
        requireWithin("diameter.start-timeout", diameter.startTimeout(), Duration.ofMillis(1), Duration.ofMinutes(5));
        return new CscfSettings.Diameter(originHost, realm, bind, diameter.port(), hssHost, hssAddress,
                diameter.hssPort(), diameter.requestTimeout(), diameter.startTimeout());
    }

    /** A DiameterIdentity as jdiameter takes it (RFC 6733 4.3.1), checked by the Cx node's own rules. */
    private static void requireDiameterIdentity(String key, String value) {
        try {
            new CxPeerAddress(value, "127.0.0.1", 1);
        } catch (InvalidCxNodeSettingsException e) {
            throw invalid(key, "'" + value + "' is not a Diameter identity (letters, digits, '-' and '.')");
        }
    }

    // ---- store ----

    private CscfSettings.Store store() {
        CscfConfig.Store store = config.store();
        CscfCacheNames names;
        try {
            names = CscfCacheNames.prefixed(store.cachePrefix());
        } catch (InvalidCscfStoreSettingsException e) {
            throw invalid("store.cache-prefix", e.getMessage());
        }
        CscfStoreSettings defaults = CscfStoreSettings.defaults();
        CscfStoreSettings tuning;
        try {
            tuning = new CscfStoreSettings(config.scscf().challengeLifetime(), defaults.expiryBucket(),
                    defaults.expiryShards(), defaults.expiryRetention(), defaults.expiryClaimLease());
        } catch (InvalidCscfStoreSettingsException e) {
            throw invalid("scscf.challenge-lifetime", e.getMessage());
        }
        requireWithin("store.probe-timeout", store.probeTimeout(), Duration.ofMillis(1), Duration.ofMinutes(1));
        if (store.mode() == CscfConfig.StoreMode.EMBEDDED) {
            Optional<Path> directory;
            try {
                directory = store.dataDir().map(String::strip).filter(d -> !d.isEmpty()).map(Path::of);
            } catch (InvalidPathException e) {
                throw invalid("store.data-dir", "'" + store.dataDir().orElse("") + "' is not a path");
            }
            return new CscfSettings.Store(store.mode(), directory, Optional.empty(), names, tuning,
                    store.probeTimeout());
        }
        CscfConfig.HotRod hotRod = store.hotrod();
        Optional<String> uri = hotRod.uri().map(String::strip).filter(u -> !u.isEmpty());
        List<String> servers = hotRod.servers().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (uri.isEmpty() && servers.isEmpty()) {
            throw invalid("store.hotrod.uri", "kubeims.cscf.store.mode=hotrod needs kubeims.cscf.store.hotrod.uri"
                    + " or kubeims.cscf.store.hotrod.servers");
        }
        if (uri.isPresent() && !uri.get().startsWith("hotrod://") && !uri.get().startsWith("hotrods://")) {
            throw invalid("store.hotrod.uri", "must start with hotrod:// or hotrods://");
        }
        for (String server : servers) {
            if (!HOST_PORT.matcher(server).matches()) {
                throw invalid("store.hotrod.servers", "'" + server + "' is not host:port");
            }
        }
        Optional<String> username = hotRod.username().map(String::strip).filter(u -> !u.isEmpty());
        Optional<String> password = hotRod.password().filter(p -> !p.isEmpty());
        if (password.isPresent() && username.isEmpty()) {
            throw invalid("store.hotrod.password", "is set without kubeims.cscf.store.hotrod.username");
        }
        return new CscfSettings.Store(store.mode(), Optional.empty(), Optional.of(new CscfSettings.HotRodServer(uri,
                servers, username, password, hotRod.saslMechanism())), names, tuning, store.probeTimeout());
    }

    // ---- roles ----

    private IcscfSettings icscf(String homeDomain) {
        CscfConfig.Icscf icscf = config.icscf();
        List<ScscfCandidate> pool = new ArrayList<>();
        try {
            for (String serverName : icscf.scscfPool().orElse(List.of())) {
                sipUri("icscf.scscf-pool", serverName, false);
                pool.add(new ScscfCandidate(serverName, Set.of()));
            }
            return new IcscfSettings(homeDomain, pool, icscf.retryAfter());
        } catch (InvalidIcscfSettingsException e) {
            String key = e.setting().startsWith("scscfPool") ? "icscf.scscf-pool"
                    : e.setting().equals("retryAfter") ? "icscf.retry-after" : "home-domain";
            throw invalid(key, e.getMessage());
        }
    }

    private CscfSettings.Pcscf pcscf(String homeDomain) {
        CscfConfig.Pcscf pcscf = config.pcscf();
        String icscfUri = pcscf.icscfUri().map(String::strip).orElseThrow(() -> invalid("pcscf.icscf-uri",
                "is required: the SIP URI of the home network's I-CSCF (pool), e.g. sip:icscf.example.com:5070;lr"));
        sipUri("pcscf.icscf-uri", icscfUri, false);
        String pathUri = pcscf.pathUri().map(String::strip).orElseThrow(() -> invalid("pcscf.path-uri",
                "is required: this P-CSCF pool's Path entry, e.g. sip:term@pcscf.example.com:5060;lr"));
        sipUri("pcscf.path-uri", pathUri, true);
        // the user part is the P-CSCF's to write (term-<flow token>, RFC 5626 5.2): one given (e.g. term) is dropped
        pathUri = withoutUser(pathUri);
        String visited = pcscf.visitedNetworkId().map(String::strip).orElse(homeDomain);
        if (!TOKEN.matcher(visited).matches()) {
            throw invalid("pcscf.visited-network-id", "'" + visited + "' is not a token (RFC 3455 4.3)");
        }
        String origIoi = pcscf.origIoi().map(String::strip).filter(o -> !o.isEmpty()).orElse(visited);
        Path keyFile = pcscf.flowTokenKeyFile().map(String::strip).filter(f -> !f.isEmpty()).map(f -> {
            try {
                return Path.of(f);
            } catch (InvalidPathException e) {
                throw invalid("pcscf.flow-token-key-file", "'" + f + "' is not a path");
            }
        }).orElseThrow(() -> invalid("pcscf.flow-token-key-file", "is required: the file holding the flow-token"
                + " key, the same in every P-CSCF replica (a mounted Secret; local mode generates it)"));
        RouteEnforcement enforcement;
        try {
            enforcement = RouteEnforcement.parse(pcscf.routeEnforcement());
        } catch (InvalidPcscfSettingsException e) {
            throw invalid("pcscf.route-enforcement", e.getMessage());
        }
        CscfSettings.Pcscf settings = new CscfSettings.Pcscf(icscfUri, pathUri, visited, origIoi, keyFile,
                enforcement);
        try {
            // the handlers' own rules, checked now with a stand-in key: the real one is read when the role starts
            settings.handlerSettings(homeDomain, new byte[PcscfRole.MIN_KEY_BYTES]);
        } catch (InvalidPcscfSettingsException e) {
            throw invalid(pcscfKey(e.setting()), e.getMessage());
        }
        return settings;
    }

    /** The key of a {@link PcscfSettings} field. */
    static String pcscfKey(String setting) {
        return switch (setting) {
            case "homeDomain" -> "home-domain";
            case "icscfUri" -> "pcscf.icscf-uri";
            case "pathUri" -> "pcscf.path-uri";
            case "visitedNetworkId" -> "pcscf.visited-network-id";
            case "origIoi" -> "pcscf.orig-ioi";
            default -> "pcscf.flow-token-key-file";
        };
    }

    private CscfSettings.Scscf scscf(String homeDomain) {
        CscfConfig.Scscf scscf = config.scscf();
        String serverName = scscf.serverName().map(String::strip).orElseThrow(() -> invalid("scscf.server-name",
                "is required: this S-CSCF pool's SIP URI as the HSS knows it, e.g. sip:scscf.example.com:6060"));
        sipUri("scscf.server-name", serverName, false);
        String serviceRoute = scscf.serviceRoute().map(String::strip).orElseThrow(() -> invalid(
                "scscf.service-route", "is required: e.g. sip:orig@scscf.example.com:6060;lr (RFC 3608)"));
        sipUri("scscf.service-route", serviceRoute, true);
        if (scscf.minExpires() < 1) {
            throw invalid("scscf.min-expires", "must be at least 1 s, was " + scscf.minExpires());
        }
        if (scscf.defaultExpires() < scscf.minExpires()) {
            throw invalid("scscf.default-expires", scscf.defaultExpires() + " is below kubeims.cscf.scscf.min-expires "
                    + scscf.minExpires());
        }
        if (scscf.maxExpires() < scscf.defaultExpires()) {
            throw invalid("scscf.max-expires", scscf.maxExpires() + " is below kubeims.cscf.scscf.default-expires "
                    + scscf.defaultExpires());
        }
        if (scscf.maxAuthAttempts() < 1 || scscf.maxAuthAttempts() > 10) {
            throw invalid("scscf.max-auth-attempts", "must be 1..10, was " + scscf.maxAuthAttempts());
        }
        // the registrar and the reg event authorisation compare the host of the topmost Path: a port is ignored
        List<String> trusted = new ArrayList<>();
        for (String pcscf : scscf.trustedPcscfs().orElse(List.of())) {
            String entry = pcscf.strip().toLowerCase(Locale.ROOT);
            if (!HOST_PORT.matcher(entry).matches()) {
                throw invalid("scscf.trusted-pcscfs", "'" + pcscf + "' is not host or host:port");
            }
            String host = hostOf(entry);
            if (!trusted.contains(host)) {
                trusted.add(host);
            }
        }
        boolean pcscfRequired = scscf.pcscfRequired().orElse(!trusted.isEmpty());
        if (pcscfRequired && trusted.isEmpty()) {
            throw invalid("scscf.trusted-pcscfs", "must name at least one P-CSCF while"
                    + " kubeims.cscf.scscf.pcscf-required is true");
        }
        requireWholeSeconds("scscf.retry-after", scscf.retryAfter(), Duration.ofSeconds(1), Duration.ofHours(1));
        ScscfSettings registrar;
        try {
            registrar = new ScscfSettings(homeDomain, serverName, serviceRoute,
                    Duration.ofSeconds(scscf.minExpires()), Duration.ofSeconds(scscf.defaultExpires()),
                    Duration.ofSeconds(scscf.maxExpires()), scscf.maxAuthAttempts(), scscf.challengeLifetime(),
                    Set.copyOf(trusted), pcscfRequired, scscf.defaultAuthScheme(), scscf.retryAfter());
        } catch (InvalidScscfSettingsException e) {
            throw invalid(scscfKey(e.setting()), e.getMessage());
        }
        CscfConfig.RegEvent regEvent = scscf.regEvent();
        if (regEvent.minExpires() < 1) {
            throw invalid("scscf.reg-event.min-expires", "must be at least 1 s, was " + regEvent.minExpires());
        }
        if (regEvent.maxExpires() < regEvent.minExpires()) {
            throw invalid("scscf.reg-event.max-expires", regEvent.maxExpires() + " is below"
                    + " kubeims.cscf.scscf.reg-event.min-expires " + regEvent.minExpires());
        }
        if (regEvent.defaultExpires() < regEvent.minExpires() || regEvent.defaultExpires() > regEvent.maxExpires()) {
            throw invalid("scscf.reg-event.default-expires", regEvent.defaultExpires() + " is not between"
                    + " kubeims.cscf.scscf.reg-event.min-expires " + regEvent.minExpires() + " and max-expires "
                    + regEvent.maxExpires());
        }
        String notifierContact = regEvent.notifierContact().map(String::strip).filter(c -> !c.isEmpty())
                .orElse(serverName);
        sipUri("scscf.reg-event.notifier-contact", notifierContact, false);
        requireWithin("scscf.reg-event.notify-timeout", regEvent.notifyTimeout(), Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        RegEventSettings regEventSettings;
        try {
            regEventSettings = new RegEventSettings(Duration.ofSeconds(regEvent.minExpires()),
                    Duration.ofSeconds(regEvent.maxExpires()), Duration.ofSeconds(regEvent.defaultExpires()), trusted,
                    notifierContact, regEvent.notifyTimeout());
        } catch (InvalidRegEventSettingsException e) {
            throw invalid(regEventKey(e.setting()), e.getMessage());
        }
        Duration asTimeout = scscf.thirdParty().responseTimeout();
        requireWithin("scscf.third-party.response-timeout", asTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        ThirdPartyRegistrationSettings thirdParty;
        try {
            thirdParty = new ThirdPartyRegistrationSettings(serverName, homeDomain, asTimeout);
        } catch (InvalidThirdPartySettingsException e) {
            throw invalid(e.setting().equals("homeDomain") ? "home-domain" : e.setting().equals("scscfUri")
                    ? "scscf.server-name" : "scscf.third-party.response-timeout", e.getMessage());
        }
        Optional<EnumResolverSettings> enumLookup = enumLookup(scscf.enumLookup());
        Optional<String> breakout = scscf.breakoutUri().map(String::strip).filter(u -> !u.isEmpty());
        breakout.ifPresent(uri -> sipUri("scscf.breakout-uri", uri, false));
        Optional<String> icscfUri = scscf.icscfUri().map(String::strip).filter(u -> !u.isEmpty());
        icscfUri.ifPresent(uri -> sipUri("scscf.icscf-uri", uri, false));
        requireWithin("scscf.as-response-timeout", scscf.asResponseTimeout(), Duration.ofMillis(100),
                Duration.ofMinutes(5));
        SessionSettings session;
        try {
            session = new SessionSettings(homeDomain, serverName, icscfUri, breakout, scscf.asResponseTimeout(),
                    SessionSettings.DEFAULT_ODI_LIFETIME);
        } catch (InvalidSessionSettingsException e) {
            throw invalid(switch (e.setting()) {
                case "homeDomain" -> "home-domain";
                case "serverName" -> "scscf.server-name";
                case "icscfUri" -> "scscf.icscf-uri";
                case "breakoutUri" -> "scscf.breakout-uri";
                default -> "scscf.as-response-timeout";
            }, e.getMessage());
        }
        Optional<Path> odiKeyFile;
        try {
            odiKeyFile = scscf.odiKeyFile().map(String::strip).filter(f -> !f.isEmpty()).map(Path::of);
        } catch (InvalidPathException e) {
            throw invalid("scscf.odi-key-file", "is not a file path: " + e.getMessage());
        }
        return new CscfSettings.Scscf(registrar, regEventSettings, thirdParty, enumLookup, breakout, session,
                odiKeyFile);
    }

    /** The key of a {@link ScscfSettings} field. */
    private static String scscfKey(String setting) {
        return switch (setting) {
            case "homeDomain" -> "home-domain";
            case "serverName" -> "scscf.server-name";
            case "serviceRoute" -> "scscf.service-route";
            case "minExpires" -> "scscf.min-expires";
            case "defaultExpires" -> "scscf.default-expires";
            case "maxExpires" -> "scscf.max-expires";
            case "maxAuthAttempts" -> "scscf.max-auth-attempts";
            case "challengeLifetime" -> "scscf.challenge-lifetime";
            case "trustedPcscfs" -> "scscf.trusted-pcscfs";
            case "pcscfRequired" -> "scscf.pcscf-required";
            case "defaultAuthScheme" -> "scscf.default-auth-scheme";
            default -> "scscf.retry-after";
        };
    }

    /** The key of a {@link RegEventSettings} field. */
    private static String regEventKey(String setting) {
        return switch (setting) {
            case "minExpires" -> "scscf.reg-event.min-expires";
            case "maxExpires" -> "scscf.reg-event.max-expires";
            case "defaultExpires" -> "scscf.reg-event.default-expires";
            case "trustedPcscfHosts" -> "scscf.trusted-pcscfs";
            case "notifierContact" -> "scscf.reg-event.notifier-contact";
            default -> "scscf.reg-event.notify-timeout";
        };
    }

    private static Optional<EnumResolverSettings> enumLookup(CscfConfig.EnumLookup lookup) {
        EnumSuffix suffix;
        try {
            suffix = new EnumSuffix(lookup.suffix().strip());
        } catch (InvalidEnumSettingsException e) {
            throw invalid("scscf.enum.suffix", e.getMessage());
        }
        Optional<String> server = lookup.server().map(String::strip).filter(s -> !s.isEmpty());
        if (server.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EnumResolverSettings.forServer(server.get()).withSuffix(suffix));
        } catch (InvalidEnumSettingsException e) {
            throw invalid("scscf.enum.server", e.getMessage());
        }
    }

    // ---- checks ----

    /** A sip: URI with a host (jain-sip's parser); with {@code lr} when it is a Route, Path or Service-Route entry. */
    private void sipUri(String key, String value, boolean looseRoute) {
        URI uri;
        try {
            uri = sip.addresses().createURI(value);
        } catch (ParseException | RuntimeException e) {
            throw invalid(key, "'" + value + "' is not a SIP URI");
        }
        if (!(uri instanceof SipURI sipUri) || sipUri.isSecure() || sipUri.getHost() == null) {
            throw invalid(key, "'" + value + "' is not a sip: URI with a host (sips needs TLS, not served)");
        }
        if (looseRoute && !sipUri.hasLrParam()) {
            throw invalid(key, "'" + value + "' lacks the lr parameter (RFC 3261 19.1.1: loose routing)");
        }
    }

    private static void requirePort(String key, int port, boolean zeroProbes) {
        if (port < (zeroProbes ? 0 : 1) || port > 65535) {
            throw invalid(key, "must be " + (zeroProbes ? "0 (a free port)" : "1") + "..65535, was " + port);
        }
    }

    private static void requireWithin(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, "must be " + min + " to " + max + ", was " + value);
        }
    }

    private static void requireWholeSeconds(String key, Duration value, Duration min, Duration max) {
        requireWithin(key, value, min, max);
        if (value.toMillis() % 1000 != 0) {
            throw invalid(key, "must be whole seconds (a header value), was " + value);
        }
    }

    /** The SIP URI (already checked) without its user part. */
    private String withoutUser(String uri) {
        try {
            SipURI parsed = (SipURI) sip.addresses().createURI(uri);
            if (parsed.getUser() == null) {
                return uri;
            }
            ((gov.nist.javax.sip.address.SipUri) parsed).removeUser();
            return parsed.toString();
        } catch (ParseException e) {
            throw new IllegalStateException("a SIP URI checked before no longer parses: " + uri, e);
        }
    }

    /** The host of {@code host} or {@code host:port} (IPv6 literals in brackets). */
    static String hostOf(String hostPort) {
        if (hostPort.startsWith("[")) {
            return hostPort.substring(0, hostPort.indexOf(']') + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 ? hostPort.substring(0, colon) : hostPort;
    }

    /** {@code host:port} of a SIP URI already checked (port 5060 when it names none), unless its host is IPv6. */
    private Optional<String> hostPort(String uri) {
        try {
            SipURI sipUri = (SipURI) sip.addresses().createURI(uri);
            String host = sipUri.getHost();
            if (host == null || host.contains(":") || host.contains("[")) {
                return Optional.empty();
            }
            return Optional.of(host.toLowerCase(Locale.ROOT) + ":" + (sipUri.getPort() > 0 ? sipUri.getPort() : 5060));
        } catch (ParseException | ClassCastException e) {
            return Optional.empty();
        }
    }

    static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
    }

    /** An IPv4 dotted quad or an IPv6 literal (no name lookup). */
    static boolean isIpLiteral(String address) {
        if (address.indexOf(':') >= 0) {
            return address.matches("[0-9A-Fa-f:.]+");
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InvalidCscfConfigException invalid(String key, String reason) {
        return new InvalidCscfConfigException(PREFIX + key, reason);
    }
}
