package io.kubeims.cscf.store;

import java.time.Instant;
import java.util.List;

/**
 * What the P-CSCF keeps per registered UE flow (TS 24.229 5.2; DESIGN.md section 2): the private
 * identity if known, the registered public identities from P-Associated-URI (RFC 7315; the first is the
 * default) which P-Asserted-Identity is chosen from, the Service-Route to enforce on originating requests (RFC 3608),
 * and when the registration expires.
 *
 * @param key            the contact and flow
 * @param impi           the private identity, or null if the P-CSCF did not learn it
 * @param associatedUris the P-Associated-URI values, at least one, none twice
 * @param serviceRoute   the Service-Route values of the 200 OK, topmost first (may be empty)
 * @param expiresAt      when the registration of this contact expires (kept to the millisecond)
 */
public record PcscfFlow(PcscfFlowKey key, String impi, List<String> associatedUris, List<String> serviceRoute,
        Instant expiresAt) {

    /** @throws InvalidCscfStateException if a field is missing */
    public PcscfFlow {
        StateFields.requirePresent("key", key);
        if (impi != null && impi.isBlank()) {
            throw new InvalidCscfStateException("impi is blank");
        }
        associatedUris = StateFields.distinctTextList("associatedUris", associatedUris);
        serviceRoute = StateFields.textList("serviceRoute", serviceRoute);
        expiresAt = StateFields.instant("expiresAt", expiresAt);
    }

    /** Whether the registration has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** This flow registered until {@code newExpiresAt}. */
    public PcscfFlow withExpiresAt(Instant newExpiresAt) {
        return new PcscfFlow(key, impi, associatedUris, serviceRoute, newExpiresAt);
    }
}
