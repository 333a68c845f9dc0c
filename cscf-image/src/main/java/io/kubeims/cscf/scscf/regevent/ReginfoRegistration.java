package io.kubeims.cscf.scscf.regevent;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws InvalidReginfoException for another value */
        public static State fromWireName(String value) {
            for (State state : values()) {
                if (state.wireName().equals(value)) {
                    return state;
                }
            }
            throw new InvalidReginfoException("registration state '" + value + "' is not init, active or terminated");
        }
    }

    /** @throws InvalidReginfoException if a field is missing or two contacts share an id */
    public ReginfoRegistration {
        ReginfoContact.requireText("registration aor", aor);
        ReginfoContact.requireText("id of registration " + aor, id);
        if (state == null) {
            throw new InvalidReginfoException("registration " + aor + ": state is required");
        }
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        Set<String> ids = new HashSet<>();
        for (ReginfoContact contact : contacts) {
            if (!ids.add(contact.id())) {
                throw new InvalidReginfoException("registration " + aor + ": two contacts with id " + contact.id());
            }
        }
    }

    /** The contact with that URI, if any. */
    public Optional<ReginfoContact> contactByUri(String uri) {
        return contacts.stream().filter(c -> c.uri().equals(uri)).findFirst();
    }
}
