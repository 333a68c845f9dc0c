package io.kubeims.cscf.sip;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of one {@link SipNode}: one jain-sip stack listening on UDP and TCP on one address and port.
 *
 * @param name           a short role label ({@code pcscf}, {@code scscf-orig}, ...), used in the jain-sip STACK_NAME
 *                       and thread names; letters, digits and {@code -} only
 * @param host           the IP address (or host name) to bind, also written into Via, Record-Route and Path; a
 *                       wildcard address is refused because it would end up in the Via sent-by
 * @param port           the port for both UDP and TCP; {@code 0} means: probe a free port (see {@link SipNode#port()})
 * @param aliases        further names of this node ({@code host} or {@code host:port}, e.g. the Kubernetes Service
 *                       name) that Route and Via entries may carry; a Route to one of them is ours (RFC 3261 16.4)
 * @param udpThreads     UDP worker threads (jain-sip THREAD_POOL_SIZE; unset would mean one thread per datagram)
 * @param maxMessageSize largest accepted message in bytes (jain-sip MAX_MESSAGE_SIZE; unset is unlimited on TCP)
 * @param clientTimeout  default bound for a client transaction sent with {@link SipNode#send}: when no final response
 *                       came by then the callback gets {@link ClientFailure#TIMEOUT} (RFC 3261 Timer F is 32 s)
 */
public record SipNodeSettings(String name, String host, int port, List<String> aliases, int udpThreads,
        int maxMessageSize, Duration clientTimeout) {

    /** Default UDP worker count: the prototype saw no gain beyond a few on 2 cores (docs/jain-sip-notes.md 5). */
    public static final int DEFAULT_UDP_THREADS = 4;
    /** Default message size bound, 64 KiB (the UDP maximum). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65536;
    /** jain-sip raises smaller values to this anyway. */
    public static final int MIN_MESSAGE_SIZE = 4096;
    /** Default client transaction bound: 64*T1 (RFC 3261 17.1.2.2 Timer F). */
    public static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(32);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    /**
     * Validates and copies.
     *
     * @throws InvalidSipSettingsException naming the offending field
     */
    public SipNodeSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSipSettingsException("name", name, "1 to 32 letters, digits or '-'");
        }
        if (host == null || host.isBlank()) {
            throw new InvalidSipSettingsException("host", host, "an address to bind is required");
        }
        host = host.trim();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            throw new InvalidSipSettingsException("host", host, "a wildcard address cannot be a Via sent-by");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidSipSettingsException("port", String.valueOf(port), "0 (probe a free port) to 65535");
        }
        aliases = List.copyOf(Objects.requireNonNullElse(aliases, List.<String>of()));
        for (String alias : aliases) {
            if (!ALIAS.matcher(alias).matches()) {
                throw new InvalidSipSettingsException("aliases", alias, "host or host:port");
            }
            int colon = alias.lastIndexOf(':');
            if (colon > 0 && (alias.length() - colon > 6 || Integer.parseInt(alias.substring(colon + 1)) > 65535
                    || Integer.parseInt(alias.substring(colon + 1)) < 1)) {
                throw new InvalidSipSettingsException("aliases", alias, "a port from 1 to 65535");
            }
        }
        if (udpThreads < 1 || udpThreads > 256) {
            throw new InvalidSipSettingsException("udpThreads", String.valueOf(udpThreads), "1 to 256");
        }
        if (maxMessageSize < MIN_MESSAGE_SIZE) {
            throw new InvalidSipSettingsException("maxMessageSize", String.valueOf(maxMessageSize),
                    "at least " + MIN_MESSAGE_SIZE);
        }
        if (clientTimeout == null || clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new InvalidSipSettingsException("clientTimeout", String.valueOf(clientTimeout), "a positive duration");
        }
    }

    /** Settings with the defaults for everything but the role label, address and port. */
    public static SipNodeSettings of(String name, String host, int port) {
        return new SipNodeSettings(name, host, port, List.of(), DEFAULT_UDP_THREADS, DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_CLIENT_TIMEOUT);
    }

    /** A copy with other aliases. */
    public SipNodeSettings withAliases(List<String> newAliases) {
        return new SipNodeSettings(name, host, port, newAliases, udpThreads, maxMessageSize, clientTimeout);
    }

    /** A copy with another default client transaction bound. */
    public SipNodeSettings withClientTimeout(Duration timeout) {
        return new SipNodeSettings(name, host, port, aliases, udpThreads, maxMessageSize, timeout);
    }

    /** The lower-cased host, for comparisons with URIs and Via sent-by values (host names are case-insensitive). */
    String hostKey() {
        return host.toLowerCase(Locale.ROOT);
    }
}
