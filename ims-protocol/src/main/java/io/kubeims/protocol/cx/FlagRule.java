package io.kubeims.protocol.cx;

/**
 * A rule for one AVP header flag as written in the "AVP Flag rules" columns of the Diameter AVP tables
 * (RFC 6733 section 4.5, TS 29.229 table 6.3.1).
 */
public enum FlagRule {
    /** The flag must be set. */
    MUST,
    /** The sender may set the flag. */
    MAY,
    /** The flag must be cleared. */
    MUST_NOT;

    /**
     * Whether a received AVP with this flag in the given state obeys the rule.
     *
     * @param set whether the flag is set in the received AVP header
     * @return true unless the rule forbids that state
     */
    public boolean permits(boolean set) {
        return switch (this) {
            case MUST -> set;
            case MAY -> true;
            case MUST_NOT -> !set;
        };
    }
}
