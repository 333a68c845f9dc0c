package io.kubeims.cscf.sip;

import gov.nist.javax.sip.stack.HopImpl;
import java.util.Locale;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;

/**
 * Where a request goes next: host, port and transport (RFC 3263 without the DNS part: names are resolved by A/AAAA
 * lookup when the message is sent). Attached to an outgoing request, it overrides Route and Request-URI routing.
 *
 * @param host      IP address or host name
 * @param port      1 to 65535
 * @param transport {@code udp} or {@code tcp} (lower case)
 */
public record NextHop(String host, int port, String transport) {

    /** The transports a {@link SipNode} listens on. */
    public static final String UDP = "udp";
    /** The transports a {@link SipNode} listens on. */
    public static final String TCP = "tcp";

    /**
     * Validates and normalises the transport to lower case.
     *
     * @throws InvalidNextHopException naming the refused field
     */
    public NextHop {
        if (host == null || host.isBlank() || host.contains(" ") || host.contains(";")) {
            throw new InvalidNextHopException("host", String.valueOf(host), "an IP address or host name");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidNextHopException("port", String.valueOf(port), "1 to 65535");
        }
        transport = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
        if (!transport.equals(UDP) && !transport.equals(TCP)) {
            throw new InvalidNextHopException("transport", transport, "udp or tcp (TLS, SCTP, WS are not served)");
        }
    }

    /**
     * The hop a SIP URI designates (RFC 3263 4 without DNS): {@code maddr} or host, the port or 5060, the
     * {@code transport} parameter or UDP.
     *
     * @throws InvalidNextHopException for a sips URI (no TLS here) or another transport
     */
    public static NextHop of(SipURI uri) {
        if (uri.isSecure()) {
            throw new InvalidNextHopException("transport", "tls", "sips URIs need TLS, which is not served: " + uri);
        }
        String host = uri.getMAddrParam() != null ? uri.getMAddrParam() : uri.getHost();
        String transport = uri.getTransportParam() == null ? UDP : uri.getTransportParam();
        return new NextHop(host, uri.getPort() > 0 ? uri.getPort() : 5060, transport);
    }

    /**
     * Parses {@code host[:port][;transport=udp|tcp]}, with or without a leading {@code sip:}; port defaults to 5060,
     * transport to UDP.
     *
     * @throws InvalidNextHopException for anything else
     */
    public static NextHop parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidNextHopException("nextHop", String.valueOf(text), "host[:port][;transport=udp|tcp]");
        }
        String rest = text.trim();
        if (rest.regionMatches(true, 0, "sip:", 0, 4)) {
            rest = rest.substring(4);
        }
        String transport = UDP;
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            for (String param : rest.substring(semicolon + 1).split(";")) {
                if (param.regionMatches(true, 0, "transport=", 0, 10)) {
                    transport = param.substring(10);
                }
            }
            rest = rest.substring(0, semicolon);
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            return new NextHop(rest, 5060, transport);
        }
        try {
            return new NextHop(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)), transport);
        } catch (NumberFormatException e) {
            throw new InvalidNextHopException("port", rest.substring(colon + 1), "a number");
        }
    }

    /** The jain-sip hop. */
    public Hop toHop() {
        return new HopImpl(host, port, transport);
    }

    @Override
    public String toString() {
        return host + ":" + port + ";transport=" + transport;
    }
}
