package io.kubeims.cscf.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a request came from: the transport and the source address and port as received (RFC 3261 18.2.1
 * {@code received}, RFC 3581 {@code rport}), identifying the flow back to a UE (RFC 5626).
 *
 * @param transport upper-case transport token (UDP, TCP, TLS, SCTP, WS, WSS)
 * @param address   source IP address (or host) as seen
 * @param port      source port, 1 to 65535
 */
public record TransportFlow(String transport, String address, int port) {

    /** Compiled once: flows are built for every P-CSCF request. */
    private static final Pattern TRANSPORT_TOKEN = Pattern.compile("[A-Z0-9-]+");

    /**
     * @throws InvalidCscfStateException if a field is missing, the transport is not a token or the port is out of
     *         range
     */
    public TransportFlow {
        transport = StateFields.requireText("transport", transport).toUpperCase(Locale.ROOT);
        if (!TRANSPORT_TOKEN.matcher(transport).matches()) {
            throw new InvalidCscfStateException("transport '" + transport + "' is not a transport token");
        }
        address = StateFields.requireText("address", address);
        if (address.contains("|") || address.contains(" ")) {
            throw new InvalidCscfStateException("address '" + address + "' is not an address");
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidCscfStateException("port " + port + " is not between 1 and 65535");
        }
    }

    /** {@code TRANSPORT|address|port}: a cache key part ('|' appears in neither a token, an address nor a SIP URI). */
    String keyText() {
        return transport + "|" + address + "|" + port;
    }
}
