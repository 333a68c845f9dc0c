package io.kubeims.protocol.enumdns;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves an E.164 number to SIP URIs through ENUM (RFC 6116): queries the NAPTR records of its
 * ENUM domain at one configured DNS server (dnsjava {@link SimpleResolver}, UDP with TCP on
 * truncation) and selects among them with {@link EnumRouteSelector}.
 *
 * <p>Nothing is cached, so a change in the ENUM zone is seen at once. A CNAME at the ENUM domain
 * is followed (up to {@value #MAX_CNAME_HOPS} hops); the application unique string stays the
 * original number. Thread-safe if the selector's random generator is.
 */
public final class EnumResolver {

    /** Longest CNAME chain followed before giving up. */
    public static final int MAX_CNAME_HOPS = 8;

    private final EnumResolverSettings settings;
    private final EnumRouteSelector selector;
    private final SimpleResolver resolver;

    /**
     * @param settings the DNS server, timeout, retries and suffix
     * @param selector picks among the NAPTR records (inject one with a seeded generator in tests)
     * @throws InvalidEnumSettingsException if the server's host name does not resolve to an address
     */
    public EnumResolver(EnumResolverSettings settings, EnumRouteSelector selector) {
        if (settings == null || selector == null) {
            throw new IllegalArgumentException("settings and selector must not be null");
        }
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new InvalidEnumSettingsException("server", "host '" + settings.host() + "' does not resolve to an address");
        }
        this.settings = settings;
        this.selector = selector;
        this.resolver = new SimpleResolver(address);
        this.resolver.setTimeout(settings.timeout());
    }

    /** A resolver whose load sharing draws from a fresh {@link Random} (thread-safe). */
    public EnumResolver(EnumResolverSettings settings) {
        this(settings, new EnumRouteSelector(new Random()));
    }

    /**
     * Looks up the NAPTR records of {@code number}'s ENUM domain and returns the SIP URIs to try,
     * in order.
     *
     * @return the candidates; empty when the domain does not exist (NXDOMAIN), has no NAPTR
     *     records, or none of them yields a SIP URI
     * @throws EnumLookupException when every attempt (1 + retries) timed out, hit a network error
     *     or got an error rcode (SERVFAIL, REFUSED, ...), or CNAMEs loop
     */
    public List<EnumCandidate> resolve(E164Number number) throws EnumLookupException {
        String domain = number.toEnumDomain(settings.suffix());
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            // EnumSuffix and E164Number only produce valid names.
            throw new IllegalStateException("ENUM domain " + domain + " is not a DNS name", e);
        }
        return selector.select(number, naptrRecords(domain, name));
    }

    /** The settings this resolver was built with. */
    public EnumResolverSettings settings() {
        return settings;
    }

    private List<NAPTRRecord> naptrRecords(String domain, Name name) throws EnumLookupException {
        Set<Name> visited = new HashSet<>();
        Name current = name;
        while (true) {
            Message response = query(domain, current);
            // Walk the CNAME chain the server put in the answer (RFC 1034 3.6.2).
            Name owner = current;
            while (true) {
                if (!visited.add(owner) || visited.size() > MAX_CNAME_HOPS + 1) {
                    throw new EnumLookupException(domain, settings.server(), "CNAME loop or chain longer than "
                            + MAX_CNAME_HOPS + " at " + owner);
                }
                CNAMERecord alias = cnameOf(response, owner);
                if (alias == null) {
                    break;
                }
                owner = alias.getTarget();
            }
            if (response.getRcode() == Rcode.NXDOMAIN) {
                return List.of();
            }
            List<NAPTRRecord> records = naptrsOf(response, owner);
            if (!records.isEmpty() || owner.equals(current)) {
                return records;
            }
            // The server gave the alias only: ask for its target.
            visited.remove(owner);
            current = owner;
        }
    }

    /** One query with 1 + retries attempts; returns a NOERROR or NXDOMAIN response. */
    private Message query(String domain, Name name) throws EnumLookupException {
        Record question = Record.newRecord(name, Type.NAPTR, DClass.IN);
        Message query = Message.newQuery(question);
        int attempts = settings.retries() + 1;
        String lastError = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Message response = resolver.send(query);
                int rcode = response.getRcode();
                if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                    lastError = "server answered " + Rcode.string(rcode);
                } else if (!question.equals(response.getQuestion())) {
                    lastError = "response does not match the query";
                } else {
                    return response;
                }
            } catch (IOException e) {
                lastError = isTimeout(e)
                        ? "timed out after " + settings.timeout().toMillis() + " ms"
                        : "network error: " + e.getMessage();
            }
        }
        throw new EnumLookupException(domain, settings.server(),
                lastError + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof InterruptedIOException || e.getCause() instanceof TimeoutException;
    }

    private static CNAMERecord cnameOf(Message response, Name owner) {
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof CNAMERecord cname && r.getName().equals(owner)) {
                return cname;
            }
        }
        return null;
    }

    private static List<NAPTRRecord> naptrsOf(Message response, Name owner) {
        List<NAPTRRecord> records = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof NAPTRRecord naptr && r.getName().equals(owner)) {
                records.add(naptr);
            }
        }
        return records;
    }
}
