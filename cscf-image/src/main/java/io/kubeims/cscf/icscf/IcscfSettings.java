package io.kubeims.cscf.icscf;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the I-CSCF's registration routing needs besides its SIP node and Cx client.
 *
 * @param homeDomain the home network domain: Visited-Network-Identifier of a UAR when the REGISTER carries no
 *                   P-Visited-Network-ID (the UE is at home), e.g. {@code ims.example.com}
 * @param scscfPool  the S-CSCFs to choose from on a first registration (TS 24.229 5.3.1.2), in order of preference
 *                   among equals; may be empty, then the first Server-Name the HSS lists in Server-Capabilities is
 *                   used
 * @param retryAfter the Retry-After of a 503 sent when the HSS is overloaded (DIAMETER_TOO_BUSY and other transient
 *                   Diameter failures), whole seconds, 1 s to 1 h
 */
public record IcscfSettings(String homeDomain, List<ScscfCandidate> scscfPool, Duration retryAfter) {

    /** Default Retry-After: long enough for an overloaded HSS to recover, short for a UE waiting to register. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    /**
     * Validates and copies.
     *
     * @throws InvalidIcscfSettingsException naming the refused setting
     */
    public IcscfSettings {
        if (homeDomain == null || homeDomain.isBlank()) {
            throw new InvalidIcscfSettingsException("homeDomain", "is required");
        }
        homeDomain = homeDomain.strip();
        if (!homeDomain.matches("[A-Za-z0-9.-]+")) {
            throw new InvalidIcscfSettingsException("homeDomain", "'" + homeDomain + "' is not a domain name");
        }
        if (scscfPool == null) {
            throw new InvalidIcscfSettingsException("scscfPool", "is required (empty to follow the HSS's names)");
        }
        scscfPool = List.copyOf(scscfPool);
        Set<String> names = new HashSet<>();
        for (ScscfCandidate candidate : scscfPool) {
            if (!names.add(candidate.serverName().toLowerCase(Locale.ROOT))) {
                throw new InvalidIcscfSettingsException("scscfPool", candidate.serverName() + " is listed twice");
            }
        }
        if (retryAfter == null || retryAfter.compareTo(Duration.ofSeconds(1)) < 0
                || retryAfter.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidIcscfSettingsException("retryAfter", "must be 1 s to 1 h, was " + retryAfter);
        }
    }

    /** Settings with the default Retry-After. */
    public static IcscfSettings of(String homeDomain, List<ScscfCandidate> scscfPool) {
        return new IcscfSettings(homeDomain, scscfPool, DEFAULT_RETRY_AFTER);
    }
}
