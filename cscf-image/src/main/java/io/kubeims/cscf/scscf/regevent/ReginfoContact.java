package io.kubeims.cscf.scscf.regevent;

import java.util.List;

/**
 * A {@code <contact>} of a reginfo registration (RFC 3680 section 5.3): one binding of the address-of-record, its
 * state, the event of its last transition, and the Contact header parameters the S-CSCF reports as
 * {@code <unknown-param>} (TS 24.229 5.4.2.1.2: e.g. {@code +sip.instance}, {@code reg-id}).
 *
 * @param id            stable identifier of the binding within the document
 * @param state         active or terminated
 * @param event         the last transition; a terminating event only with state terminated, and vice versa
 * @param expires       seconds left for an active contact (0 for a terminated one), or null when not given
 * @param q             the q value as registered, or null
 * @param uri           the contact URI
 * @param unknownParams further contact parameters in order
 */
public record ReginfoContact(String id, State state, ContactEvent event, Long expires, String q, String uri,
        List<UnknownParam> unknownParams) {

    /** Contact state (RFC 3680 section 5.3). */
    public enum State {
        ACTIVE, TERMINATED;

        /** The attribute value. */
        public String wireName() {
            return ReginfoFields.wireName(this);
        }

        /** @throws InvalidReginfoException for another value */
        public static State fromWireName(String value) {
            return ReginfoFields.fromWireName(values(), value, "contact state", "is neither active nor terminated");
        }
    }

    /**
     * One {@code <unknown-param>}: a contact parameter by name, with its value (quotes of a quoted-string removed), or
     * null for a parameter without value.
     */
    public record UnknownParam(String name, String value) {

        /** @throws InvalidReginfoException if the name is blank */
        public UnknownParam {
            if (name == null || name.isBlank()) {
                throw new InvalidReginfoException("unknown-param without name");
            }
        }
    }

    /** @throws InvalidReginfoException if a required field is missing or state and event disagree */
    public ReginfoContact {
        ReginfoFields.requireText("contact id", id);
        if (state == null || event == null) {
            throw new InvalidReginfoException("contact " + id + ": state and event are required");
        }
        if ((state == State.TERMINATED) != event.terminates()) {
            throw new InvalidReginfoException("contact " + id + ": event " + event.wireName()
                    + " does not lead to state " + state.wireName());
        }
        if (expires != null && expires < 0) {
            throw new InvalidReginfoException("contact " + id + ": expires " + expires + " is negative");
        }
        ReginfoFields.requireText("uri of contact " + id, uri);
        unknownParams = unknownParams == null ? List.of() : List.copyOf(unknownParams);
    }

    /** The value of the first unknown-param of that name (case-insensitive), if any; a valueless one gives "". */
    public java.util.Optional<String> param(String name) {
        return unknownParams.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .map(p -> p.value() == null ? "" : p.value());
    }
}
