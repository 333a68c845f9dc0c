package io.kubeims.cscf.app;

import io.kubeims.cscf.icscf.IcscfSettings;
import io.kubeims.cscf.pcscf.PcscfSettings;
import io.kubeims.cscf.pcscf.RouteEnforcement;
import io.kubeims.cscf.scscf.regevent.RegEventSettings;
import io.kubeims.cscf.scscf.registrar.ScscfSettings;
import io.kubeims.cscf.scscf.session.SessionSettings;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistrationSettings;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.CscfStoreSettings;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
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
     * The P-CSCF's settings (TS 24.229 5.2), for the P-CSCF role's wiring. The flow-token key itself is read from
     * {@code flowTokenKeyFile} when the role starts ({@link PcscfRole}), never kept here.
     *
     * @param icscfUri         where REGISTER goes: the I-CSCF pool
     * @param pathUri          the P-CSCF's Path entry (RFC 3327), its pool, without user part (the flow token goes
     *                         there)
     * @param visitedNetworkId the P-Visited-Network-ID it adds
     * @param origIoi          the orig-ioi of the P-Charging-Vector it inserts
     * @param flowTokenKeyFile the file holding the flow-token key, the same in every replica
     * @param routeEnforcement what a UE's initial request whose Route set is not its Service-Route gets
     */
    public record Pcscf(String icscfUri, String pathUri, String visitedNetworkId, String origIoi,
                        Path flowTokenKeyFile, RouteEnforcement routeEnforcement) {

        /** With the default route enforcement (rewrite). */
        public Pcscf(String icscfUri, String pathUri, String visitedNetworkId, String origIoi,
                     Path flowTokenKeyFile) {
            this(icscfUri, pathUri, visitedNetworkId, origIoi, flowTokenKeyFile, RouteEnforcement.REWRITE);
        }

        /** The settings of the P-CSCF's handlers with this key (read from {@link #flowTokenKeyFile()}). */
        public PcscfSettings handlerSettings(String homeDomain, byte[] flowTokenKey) {
            return new PcscfSettings(homeDomain, icscfUri, pathUri, visitedNetworkId, origIoi, flowTokenKey);
        }
    }

    /**
     * The S-CSCF's settings (TS 24.229 5.4), for the S-CSCF role's wiring: each piece's settings checked already.
     *
     * @param registrar   the registrar's (Server-Name, Service-Route, expiry bounds, trusted P-CSCFs, ...)
     * @param regEvent    the reg event package's (RFC 3680)
     * @param thirdParty  third-party registration's (TS 24.229 5.4.1.7)
     * @param enumLookup  the ENUM resolver's settings, when ENUM is used
     * @param breakoutUri the breakout gateway, if any
     * @param session     session routing (TS 24.229 5.4.3): pool, I-CSCF, breakout, AS response timeout
     * @param odiKeyFile  the file holding the pool's ODI key (read when the role starts), if configured
     */
    public record Scscf(ScscfSettings registrar, RegEventSettings regEvent, ThirdPartyRegistrationSettings thirdParty,
                        Optional<EnumResolverSettings> enumLookup, Optional<String> breakoutUri,
                        SessionSettings session, Optional<Path> odiKeyFile) {
    }
}
