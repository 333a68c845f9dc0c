package io.kubeims.cscf.scscf.regevent;

import java.util.List;
import java.util.Optional;

/**
 * A reginfo document (RFC 3680 section 5, MIME type {@code application/reginfo+xml}): the body of a reg event
 * NOTIFY. The S-CSCF always sends full state (TS 24.229 5.4.2.1.2) with a version one higher than the previous
 * NOTIFY of the same subscription.
 *
 * @param version       0 in the first NOTIFY of a subscription, one more in each next one
 * @param state         full or partial
 * @param registrations one per address-of-record, none twice
 */
public record Reginfo(long version, State state, List<ReginfoRegistration> registrations) {

    /** The MIME type (RFC 3680 section 5.1). */
    public static final String CONTENT_TYPE = "application";
    /** The MIME subtype (RFC 3680 section 5.1). */
    public static final String CONTENT_SUBTYPE = "reginfo+xml";
    /** The XML namespace (RFC 3680 section 5.4). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:reginfo";

    /** Whether the document holds the whole state or changes only (RFC 3680 section 5.2). */
    public enum State {
        FULL, PARTIAL;

        /** The attribute value. */
        public String wireName() {
            return ReginfoFields.wireName(this);
        }

        /** @throws InvalidReginfoException for another value */
        public static State fromWireName(String value) {
            return ReginfoFields.fromWireName(values(), value, "reginfo state", "is neither full nor partial");
        }
    }

    /** @throws InvalidReginfoException if the version is negative, the state missing or an AOR repeats */
    public Reginfo {
        if (version < 0) {
            throw new InvalidReginfoException("reginfo version " + version + " is negative");
        }
        if (state == null) {
            throw new InvalidReginfoException("reginfo state is required");
        }
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
        ReginfoFields.requireDistinct(registrations, ReginfoRegistration::aor, aor -> "two registrations of " + aor);
    }

    /** The registration of that address-of-record, if present. */
    public Optional<ReginfoRegistration> registration(String aor) {
        return registrations.stream().filter(r -> r.aor().equals(aor)).findFirst();
    }
}
