package io.kubeims.cscf.app;

import io.kubeims.cscf.icscf.IcscfSettings;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.CscfStoreSettings;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.enumdns.EnumResolverSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code kubeims.cscf.*} configuration checked as a whole and turned into the settings of the pieces a CSCF is
 * made of: the SIP node, the Cx node (I-/S-CSCF), the store, the worker executor and the role's own settings. Only
 * the active role's section is read; the others may be absent.
 *
 * @param role       the role this process plays
 * @param homeDomain the home network domain
 * @param sip        the SIP node (port 0: probe a free one)
 * @param workers    the bounded worker executor
 * @param diameter   the Cx client towards the HSS, for the I-CSCF and S-CSCF
 * @param store      the CSCF state backend
 * @param icscf      the I-CSCF's settings when the role is I-CSCF
 * @param pcscf      the P-CSCF's settings when the role is P-CSCF
 * @param scscf      the S-CSCF's settings when the role is S-CSCF
 */
public record CscfSettings(CscfConfig.Role role, String homeDomain, SipNodeSettings sip, Workers workers,
                           Optional<Diameter> diameter, Store store, Optional<IcscfSettings> icscf,
                           Optional<Pcscf> pcscf, Optional<Scscf> scscf) {

    /**
     * Reads and checks the configuration.
     *
     * @throws InvalidCscfConfigException naming the first key that is missing, malformed or contradicts another
     */
    public static CscfSettings from(CscfConfig config) {
        return new CscfConfigReader(config).read();
    }

    /** The role's short name: {@code pcscf}, {@code icscf} or {@code scscf}. */
    public String roleName() {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The bounded executor of role work.
     *
     * @param threads         worker threads
     * @param queueSize       tasks waiting for a thread before submissions are refused
     * @param shutdownTimeout how long shutdown lets work finish
     */
    public record Workers(int threads, int queueSize, Duration shutdownTimeout) {
    }

    /**
     * The Cx client of an I-CSCF or S-CSCF.
     *
     * @param originHost     this replica's Origin-Host
     * @param realm          Origin-Realm and Destination-Realm
     * @param bindAddress    IP address of the Diameter listener
     * @param port           its port; 0 probes a free one when started
     * @param hssHost        the HSS's Origin-Host
     * @param hssAddress     the HSS's IP address, or a name to resolve at start
     * @param hssPort        the HSS's port
     * @param requestTimeout how long a request waits for its answer
     * @param startTimeout   how long start waits for the HSS connection
     */
    public record Diameter(String originHost, String realm, String bindAddress, int port, String hssHost,
                           String hssAddress, int hssPort, Duration requestTimeout, Duration startTimeout) {

        /**
         * The Cx node settings once the HSS's address is an IP literal and the port is known.
         *
         * @throws io.kubeims.cx.node.InvalidCxNodeSettingsException when jdiameter could not use a value
         */
        public CxNodeSettings nodeSettings(String hssIpAddress, int listenPort) {
            return CxNodeSettings.cscf(originHost, realm, bindAddress, listenPort,
                            new CxPeerAddress(hssHost, hssIpAddress, hssPort))
                    .requestTimeout(requestTimeout).startTimeout(startTimeout).build();
        }
    }

    /**
     * Where the CSCF state lives.
     *
     * @param mode          embedded or Hot Rod
     * @param dataDirectory embedded: the file stores' directory; memory only when empty
     * @param hotRod        Hot Rod: the server and login
     * @param names         the cache names
     * @param tuning        challenge lifetime and expiry index settings
     * @param probeTimeout  how long a readiness read may take
     */
    public record Store(CscfConfig.StoreMode mode, Optional<Path> dataDirectory, Optional<HotRodServer> hotRod,
                        CscfCacheNames names, CscfStoreSettings tuning, Duration probeTimeout) {
    }

    /**
     * An Infinispan Server and the login to it. {@link #toString()} shows neither the password nor credentials a URI
     * may carry.
     *
     * @param uri           a Hot Rod URI, preferred over servers
     * @param servers       {@code host:port} of each server
     * @param username      SASL user name
     * @param password      its password
     * @param saslMechanism SASL mechanism, when not the client's default
     */
    public record HotRodServer(Optional<String> uri, List<String> servers, Optional<String> username,
                               Optional<String> password, Optional<String> saslMechanism) {

        public HotRodServer {
            servers = List.copyOf(servers);
        }

        /** Where to connect, for logs: the URI without user info, or the servers. */
        public String location() {
            return uri.map(HotRodServer::withoutUserInfo).orElse(String.join(",", servers));
        }

        @Override
        public String toString() {
            return "HotRodServer[" + location() + (username.isPresent() ? ", user " + username.get() : "")
                    + (password.isPresent() ? ", password ****" : "") + "]";
        }

        static String withoutUserInfo(String uri) {
            int scheme = uri.indexOf("://");
            int at = uri.indexOf('@');
            int slash = uri.indexOf('/', scheme + 3);
            if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
                return uri;
            }
            return uri.substring(0, scheme + 3) + "****@" + uri.substring(at + 1);
        }
    }

    /**
     * The P-CSCF's settings (TS 24.229 5.2), for the P-CSCF role's wiring.
     *
     * @param icscfUri         where REGISTER goes: the I-CSCF pool
     * @param pathUri          the P-CSCF's Path entry (RFC 3327), its pool
     * @param visitedNetworkId the P-Visited-Network-ID it adds
     */
    public record Pcscf(String icscfUri, String pathUri, String visitedNetworkId) {
    }

    /**
     * The S-CSCF's settings (TS 24.229 5.4), for the S-CSCF role's wiring.
     *
     * @param serverName          this pool's Server-Name
     * @param serviceRoute        the Service-Route of a 200 OK to REGISTER
     * @param minExpires          shortest registration accepted, seconds
     * @param defaultExpires      registration time when the UE asks none, seconds
     * @param maxExpires          longest registration granted, seconds
     * @param maxAuthAttempts     failed responses to a challenge sequence before 403
     * @param challengeLifetime   how long a nonce may be answered
     * @param trustedPcscfs       host or host:port of the Path URIs of trusted P-CSCFs, lower case
     * @param defaultAuthScheme   SIP-Auth-Scheme asked of the HSS when the UE names none
     * @param regEventMinExpires  shortest reg-event subscription, seconds
     * @param regEventMaxExpires  longest reg-event subscription, seconds
     * @param enumLookup          the ENUM resolver's settings, when ENUM is used
     * @param breakoutUri         the breakout gateway, if any
     */
    public record Scscf(String serverName, String serviceRoute, int minExpires, int defaultExpires, int maxExpires,
                        int maxAuthAttempts, Duration challengeLifetime, List<String> trustedPcscfs,
                        SipAuthenticationScheme defaultAuthScheme, int regEventMinExpires, int regEventMaxExpires,
                        Optional<EnumResolverSettings> enumLookup, Optional<String> breakoutUri) {

        public Scscf {
            trustedPcscfs = List.copyOf(trustedPcscfs);
        }
    }
}
