package io.kubeims.protocol.enumdns;

import java.time.Duration;

/**
 * Where and how {@link EnumResolver} queries ENUM (RFC 6116): the DNS server, the per-attempt
 * timeout, how many times a failed query is retried, and the ENUM suffix.
 *
 * @param host the DNS server's host name or IP address
 * @param port the DNS server's UDP port
 * @param timeout how long one attempt waits for an answer
 * @param retries how many more attempts follow a timeout or a server failure (0 = one attempt)
 * @param suffix the ENUM tree, {@link EnumSuffix#E164_ARPA} by default
 */
public record EnumResolverSettings(String host, int port, Duration timeout, int retries, EnumSuffix suffix) {

    /** The DNS port (RFC 1035 4.2). */
    public static final int DNS_PORT = 53;
    /** Default per-attempt timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default number of retries. */
    public static final int DEFAULT_RETRIES = 2;
    /** Upper bound on retries, so a misconfiguration cannot hold a SIP transaction for long. */
    public static final int MAX_RETRIES = 10;

    /** @throws InvalidEnumSettingsException if a value is missing or out of range */
    public EnumResolverSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidEnumSettingsException("server", "host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidEnumSettingsException("server", "port " + port + " is not in 1..65535");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidEnumSettingsException("timeout", timeout + " is not a positive duration");
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new InvalidEnumSettingsException("retries", retries + " is not in 0.." + MAX_RETRIES);
        }
        if (suffix == null) {
            throw new InvalidEnumSettingsException("suffix", "null");
        }
    }

    /**
     * Settings for the server "host", "host:port", "[v6-address]:port" or a bare IPv6 address,
     * with the default timeout, retries and suffix.
     *
     * @throws InvalidEnumSettingsException if the address or port cannot be parsed
     */
    public static EnumResolverSettings forServer(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new InvalidEnumSettingsException("server", "no address given");
        }
        String text = hostAndPort.strip();
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidEnumSettingsException("server", "'" + hostAndPort + "' has no closing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new InvalidEnumSettingsException("server", "'" + hostAndPort + "' has text after ']' that is not ':port'");
                }
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        } else {
            host = text; // a name, an IPv4 address, or a bare IPv6 address
        }
        int portNumber = DNS_PORT;
        if (port != null) {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new InvalidEnumSettingsException("server", "'" + hostAndPort + "' has the port '" + port + "', not a number");
            }
        }
        return new EnumResolverSettings(host, portNumber, DEFAULT_TIMEOUT, DEFAULT_RETRIES, EnumSuffix.E164_ARPA);
    }

    /** A copy with another per-attempt timeout. */
    public EnumResolverSettings withTimeout(Duration newTimeout) {
        return new EnumResolverSettings(host, port, newTimeout, retries, suffix);
    }

    /** A copy with another retry count. */
    public EnumResolverSettings withRetries(int newRetries) {
        return new EnumResolverSettings(host, port, timeout, newRetries, suffix);
    }

    /** A copy with another ENUM suffix. */
    public EnumResolverSettings withSuffix(EnumSuffix newSuffix) {
        return new EnumResolverSettings(host, port, timeout, retries, newSuffix);
    }

    /** The server as "host:port" ("[v6]:port" for IPv6), for messages. */
    public String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
