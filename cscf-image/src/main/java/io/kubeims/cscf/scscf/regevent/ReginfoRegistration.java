package io.kubeims.cscf.scscf.regevent;

import java.util.List;
import java.util.Optional;

/**
 * A {@code <registration>} of a reginfo document (RFC 3680 section 5.3): the registration state of one
 * address-of-record (for the S-CSCF: one public user identity of the implicit registration set, TS 24.229
 * 5.4.2.1.2) and its contacts.
 *
 * @param aor      the address-of-record (public user identity)
 * @param id       stable identifier of this registration within the document
 * @param state    init, active or terminated
 * @param contacts the contacts, none with the same id
 */
public record ReginfoRegistration(String aor, String id, State state, List<ReginfoContact> contacts) {

    /** Registration state (RFC 3680 section 5.2). */
    public enum State {
        INIT, ACTIVE, TERMINATED;

        /** The attribute value. */
        public String wireName() {
            return ReginfoFields.wireName(this);
        }

        /** @throws InvalidReginfoException for another value */
        public static State fromWireName(String value) {
            return ReginfoFields.fromWireName(values(), value, "registration state",
                    "is not init, active or terminated");
        }
    }

    /** @throws InvalidReginfoException if a field is missing or two contacts share an id */
    public ReginfoRegistration {
        ReginfoFields.requireText("registration aor", aor);
        ReginfoFields.requireText("id of registration " + aor, id);
        if (state == null) {
            throw new InvalidReginfoException("registration " + aor + ": state is required");
        }
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        ReginfoFields.requireDistinct(contacts, ReginfoContact::id,
                repeated -> "registration " + aor + ": two contacts with id " + repeated);
    }

    /** The contact with that URI, if any. */
    public Optional<ReginfoContact> contactByUri(String uri) {
        return contacts.stream().filter(c -> c.uri().equals(uri)).findFirst();
    }
}
