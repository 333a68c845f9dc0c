package io.kubeims.cx.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link CxNode} needs, immutable. An HSS lists no peers and accepts undefined ones (any CSCF that
 * completes CER/CEA); a CSCF lists its HSS peer(s).
 *
 * <p>All peers share one realm: requests go to Destination-Realm {@code realm}, and a CSCF's realm must be the
 * HSS's for the HSS to route RTR/PPR back (jdiameter files accepted peers under the matching realm entry).
 *
 * @param originHost           this node's Diameter identity (Origin-Host), e.g. {@code scscf-0.scscf.ims.example.com}
 * @param realm                the Diameter realm (Origin-Realm and Destination-Realm), e.g. {@code ims.example.com}
 * @param bindAddress          IP address the listening socket binds to
 * @param port                 Diameter port to listen on
 * @param hssPeers             peers to connect to; empty on the HSS
 * @param acceptUndefinedPeers whether peers not listed may connect (true on the HSS)
 * @param requestTimeout       how long a sent request waits for its answer
 * @param startTimeout         how long {@link CxNode#start()} waits for the socket (HSS) or a peer (CSCF)
 * @param stopTimeout          how long {@link CxNode#close()} waits for peers to disconnect (DPR/DPA)
 * @param reconnectInterval    delay before reconnecting a lost peer (jdiameter RecTimeOut)
 * @param watchdogInterval     idle time before a watchdog DWR (RFC 3539 Tw; jdiameter IacTimeOut)
 * @param peerThreads          threads per peer for inbound requests (jdiameter PeerFSMThreadCount)
 * @param productName          Product-Name of CER/CEA
 */
public record CxNodeSettings(String originHost, String realm, String bindAddress, int port,
                             List<CxPeerAddress> hssPeers, boolean acceptUndefinedPeers, Duration requestTimeout,
                             Duration startTimeout, Duration stopTimeout, Duration reconnectInterval,
                             Duration watchdogInterval, int peerThreads, String productName) {

    /** The IANA Diameter port (RFC 6733 section 11.4). */
    public static final int DIAMETER_PORT = 3868;

    public CxNodeSettings {
        requireDiameterIdentity(originHost, "originHost");
        requireDiameterIdentity(realm, "realm");
        requireIpLiteral(bindAddress, "bindAddress");
        requirePort(port, "port");
        if (hssPeers == null) {
            throw new InvalidCxNodeSettingsException("hssPeers", "is required (empty on the HSS)");
        }
        hssPeers = List.copyOf(hssPeers);
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(startTimeout, "startTimeout");
        requirePositive(stopTimeout, "stopTimeout");
        requirePositive(reconnectInterval, "reconnectInterval");
        requirePositive(watchdogInterval, "watchdogInterval");
        // RFC 3539 section 3.4.1: Tw of at least 6 seconds
        if (watchdogInterval.compareTo(Duration.ofSeconds(6)) < 0) {
            throw new InvalidCxNodeSettingsException("watchdogInterval", "must be at least 6 s (RFC 3539)");
        }
        if (peerThreads < 1 || peerThreads > 256) {
            throw new InvalidCxNodeSettingsException("peerThreads", "must be 1..256, was " + peerThreads);
        }
        if (productName == null || productName.isBlank()) {
            throw new InvalidCxNodeSettingsException("productName", "is required");
        }
        for (int i = 0; i < productName.length(); i++) {
            if (productName.charAt(i) < 0x20) {
                throw new InvalidCxNodeSettingsException("productName", "contains a control character");
            }
        }
    }

    /** Settings for an HSS: listens on {@code bindAddress:port}, accepts any peer, connects to none. */
    public static Builder hss(String originHost, String realm, String bindAddress, int port) {
        return new Builder(originHost, realm, bindAddress, port).acceptUndefinedPeers(true);
    }

    /** Settings for a CSCF: listens on {@code bindAddress:port} (RTR/PPR arrive over its own connection) and connects to {@code hss}. */
    public static Builder cscf(String originHost, String realm, String bindAddress, int port, CxPeerAddress hss) {
        return new Builder(originHost, realm, bindAddress, port).hssPeer(hss);
    }

    /** Builds settings with the defaults below; not thread-safe. */
    public static final class Builder {
        private final String originHost;
        private final String realm;
        private final String bindAddress;
        private final int port;
        private final List<CxPeerAddress> hssPeers = new ArrayList<>();
        private boolean acceptUndefinedPeers;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration startTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(2);
        private Duration reconnectInterval = Duration.ofSeconds(2);
        private Duration watchdogInterval = Duration.ofSeconds(30);
        private int peerThreads = 8;
        private String productName = "kube-ims";

        private Builder(String originHost, String realm, String bindAddress, int port) {
            this.originHost = originHost;
            this.realm = realm;
            this.bindAddress = bindAddress;
            this.port = port;
        }

        public Builder hssPeer(CxPeerAddress peer) {
            hssPeers.add(peer);
            return this;
        }

        public Builder acceptUndefinedPeers(boolean accept) {
            this.acceptUndefinedPeers = accept;
            return this;
        }

        /** Default 5 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Default 10 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Default 2 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Default 2 s. */
        public Builder reconnectInterval(Duration interval) {
            this.reconnectInterval = interval;
            return this;
        }

        /** Default 30 s, at least 6 s. */
        public Builder watchdogInterval(Duration interval) {
            this.watchdogInterval = interval;
            return this;
        }

        /** Default 8 (jdiameter's own default is 3). */
        public Builder peerThreads(int threads) {
            this.peerThreads = threads;
            return this;
        }

        /** Default "kube-ims". */
        public Builder productName(String name) {
            this.productName = name;
            return this;
        }

        public CxNodeSettings build() {
            return new CxNodeSettings(originHost, realm, bindAddress, port, hssPeers, acceptUndefinedPeers,
                    requestTimeout, startTimeout, stopTimeout, reconnectInterval, watchdogInterval, peerThreads,
                    productName);
        }
    }

    /** An FQDN or realm as DiameterIdentity allows it (RFC 6733 section 4.3.1): letters, digits, '-', '.'. */
    static void requireDiameterIdentity(String value, String setting) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCxNodeSettingsException(setting, "is required");
        }
        if (value.length() > 255 || value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            throw new InvalidCxNodeSettingsException(setting, "is not a host name: \"" + value + "\"");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.';
            if (!allowed) {
                throw new InvalidCxNodeSettingsException(setting, "contains '" + c + "': \"" + value + "\"");
            }
        }
    }

    /** An IPv4 or IPv6 literal (no name: jdiameter binds and connects to it as given). */
    static void requireIpLiteral(String value, String setting) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCxNodeSettingsException(setting, "is required");
        }
        boolean colon = value.indexOf(':') >= 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (colon && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!hex && c != '.' && c != ':') {
                throw new InvalidCxNodeSettingsException(setting, "is not an IP address: \"" + value + "\"");
            }
        }
    }

    static void requirePort(int port, String setting) {
        if (port < 1 || port > 65535) {
            throw new InvalidCxNodeSettingsException(setting, "must be 1..65535, was " + port);
        }
    }

    private static void requirePositive(Duration duration, String setting) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new InvalidCxNodeSettingsException(setting, "must be a positive duration");
        }
    }
}
