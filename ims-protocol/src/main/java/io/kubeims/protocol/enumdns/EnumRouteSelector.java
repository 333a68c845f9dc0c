package io.kubeims.protocol.enumdns;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.xbill.DNS.NAPTRRecord;

/**
 * Turns the NAPTR records of an ENUM domain into the ordered SIP URIs to try (RFC 6116 3.4,
 * RFC 3403 4.1, RFC 3402 3.2).
 *
 * <p>Only terminal records with flag "u" and an {@code E2U+sip} enumservice are used; records of
 * other services are ignored, and non-terminal records (empty flags, a replacement domain to
 * look up next) are not followed. Orders are processed lowest first. Within one order, the
 * Preference is a load-sharing weight: a record is picked with probability preference / sum of
 * the preferences still in the draw (100+100: 50/50; 100+100+200: 25/25/50), and the others of
 * that order follow, drawn the same way; then come the next order's records, for failover.
 * Records of preference 0 only follow those of positive preference.
 *
 * <p>This reading of Preference (and of Order as failover) is the operational one of ENUM
 * deployments; RFC 3402 4 and RFC 3403 4.1 themselves rank by Preference strictly and do not go
 * on to a higher Order once a record of a lower one matched. Thread-safe if the injected random generator is.
 */
public final class EnumRouteSelector {

    private static final System.Logger LOG = System.getLogger(EnumRouteSelector.class.getName());

    /** Bound on the compiled-expression cache. */
    private static final int COMPILED_CACHE_SIZE = 1024;

    private final RandomGenerator random;
    /** Compiled Regexp fields, least recently used dropped, so a hot number's compile once. */
    private final Map<String, NaptrSubstitution> compiled = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NaptrSubstitution> eldest) {
                    return size() > COMPILED_CACHE_SIZE;
                }
            });

    /**
     * @param random the source of the weighted draws; inject a seeded one for reproducible tests,
     *     and a thread-safe one (e.g. {@link java.util.Random}) when the selector is shared
     */
    public EnumRouteSelector(RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        this.random = random;
    }

    /**
     * Selects the SIP URIs for {@code number} from the NAPTR records of its ENUM domain.
     *
     * @return the candidates, the picked one first; empty when no record yields a SIP URI.
     *     Records with a malformed Regexp are skipped (and logged), not thrown, so one bad record
     *     does not hide the good ones.
     */
    public List<EnumCandidate> select(E164Number number, List<NAPTRRecord> records) {
        String aus = number.applicationUniqueString();
        TreeMap<Integer, List<EnumCandidate>> byOrder = new TreeMap<>();
        for (NAPTRRecord record : records) {
            usableCandidate(aus, record).ifPresent(
                    candidate -> byOrder.computeIfAbsent(candidate.order(), o -> new ArrayList<>()).add(candidate));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<EnumCandidate> result = new ArrayList<>();
        for (List<EnumCandidate> sameOrder : byOrder.values()) {
            for (EnumCandidate candidate : drawInWeightedOrder(sameOrder)) {
                // The same URI from two records is tried once, at its best place.
                if (seen.add(candidate.sipUri())) {
                    result.add(candidate);
                }
            }
        }
        return List.copyOf(result);
    }

    private Optional<EnumCandidate> usableCandidate(String aus, NAPTRRecord record) {
        String flags = record.getFlags();
        String services = record.getService(false);
        if (!EnumServiceField.offersSip(services)) {
            LOG.log(Level.DEBUG, "ENUM {0}: ignoring service \"{1}\" of {2}", aus, services, record);
            return Optional.empty();
        }
        if (flags.isEmpty()) {
            // RFC 3403 4.1: a non-terminal rule; its replacement domain would be the next lookup.
            // Not supported: ENUM deployments publish terminal "u" records.
            LOG.log(Level.INFO, "ENUM {0}: not following non-terminal NAPTR {1}", aus, record);
            return Optional.empty();
        }
        if (!flags.equalsIgnoreCase("u")) {
            LOG.log(Level.DEBUG, "ENUM {0}: ignoring flags \"{1}\" of {2}", aus, flags, record);
            return Optional.empty();
        }
        String regexp = record.getRegexp(false);
        NaptrSubstitution substitution;
        try {
            substitution = compiled.computeIfAbsent(regexp, NaptrSubstitution::parse);
        } catch (InvalidNaptrRegexpException e) {
            LOG.log(Level.WARNING, "ENUM {0}: skipping NAPTR {1}: {2}", aus, record, e.getMessage());
            return Optional.empty();
        }
        Optional<String> uri = substitution.apply(aus);
        if (uri.isEmpty()) {
            LOG.log(Level.DEBUG, "ENUM {0}: regexp of {1} does not match", aus, record);
            return Optional.empty();
        }
        if (!isSipUri(uri.get())) {
            LOG.log(Level.WARNING, "ENUM {0}: E2U+sip NAPTR {1} gave \"{2}\", not a SIP URI", aus, record, uri.get());
            return Optional.empty();
        }
        return Optional.of(new EnumCandidate(uri.get(), record.getOrder(), record.getPreference()));
    }

    /** Weighted draw without replacement: each pick has probability weight / remaining weight. */
    private List<EnumCandidate> drawInWeightedOrder(List<EnumCandidate> sameOrder) {
        // A fixed starting order (DNS servers rotate RRsets) keeps seeded draws reproducible.
        List<EnumCandidate> remaining = new ArrayList<>(sameOrder);
        remaining.sort(Comparator.comparing(EnumCandidate::sipUri).thenComparingInt(EnumCandidate::preference));
        List<EnumCandidate> drawn = new ArrayList<>(remaining.size());
        while (!remaining.isEmpty()) {
            long total = 0;
            for (EnumCandidate candidate : remaining) {
                total += candidate.preference();
            }
            int pick;
            if (total == 0) {
                pick = random.nextInt(remaining.size());
            } else {
                long point = random.nextLong(total);
                pick = 0;
                for (long upTo = remaining.get(0).preference(); point >= upTo; ) {
                    pick++;
                    upTo += remaining.get(pick).preference();
                }
            }
            drawn.add(remaining.remove(pick));
        }
        return drawn;
    }

    private static boolean isSipUri(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int schemeLength = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        if (schemeLength < 0 || uri.length() == schemeLength) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
