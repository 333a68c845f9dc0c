package io.kubeims.cscf.scscf.regevent;

/**
 * The {@code event} attribute of a reginfo contact (RFC 3680 section 5.3): the transition that brought the contact
 * into its current state.
 */
public enum ContactEvent {
    /** init -> active through a REGISTER. */
    REGISTERED,
    /** init -> active administratively (not through a REGISTER). */
    CREATED,
    /** The expiry was extended by a REGISTER refresh. */
    REFRESHED,
    /** The expiry was shortened administratively (e.g. to force re-authentication, TS 24.229 5.4.1.6). */
    SHORTENED,
    /** active -> terminated: not refreshed in time. */
    EXPIRED,
    /** active -> terminated administratively; the UE should register again (TS 24.229 5.4.1.5). */
    DEACTIVATED,
    /** active -> terminated administratively; register again after retry-after. */
    PROBATION,
    /** active -> terminated by a REGISTER with expires 0. */
    UNREGISTERED,
    /** active -> terminated administratively; the UE must not register again (TS 24.229 5.4.1.5). */
    REJECTED;

    /** The attribute value, e.g. {@code registered}. */
    public String wireName() {
        return ReginfoFields.wireName(this);
    }

    /**
     * @throws InvalidReginfoException for a value RFC 3680 does not define
     */
    public static ContactEvent fromWireName(String value) {
        return ReginfoFields.fromWireName(values(), value, "contact event", "is not one of RFC 3680's");
    }

    /** Whether the event leaves the contact terminated (RFC 3680 5.3: expired .. rejected). */
    public boolean terminates() {
        return this == EXPIRED || this == DEACTIVATED || this == PROBATION || this == UNREGISTERED
                || this == REJECTED;
    }
}
