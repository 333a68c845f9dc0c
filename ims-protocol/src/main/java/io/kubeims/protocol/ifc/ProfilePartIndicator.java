package io.kubeims.protocol.ifc;

/** Registration state an iFC applies to: TS 29.228 Annex E {@code tProfilePartIndicator}; absent means both. */
public enum ProfilePartIndicator {
    /** 0: applies only while the served user is registered. */
    REGISTERED(0),
    /** 1: applies only while the served user is unregistered. */
    UNREGISTERED(1);

    private final int code;

    ProfilePartIndicator(int code) {
        this.code = code;
    }

    /** @return the integer that TS 29.228 Annex E (tProfilePartIndicator) uses for this value */
    public int code() {
        return code;
    }

    /**
     * @param code the integer of tProfilePartIndicator
     * @return the matching value
     * @throws InvalidIfcException if {@code code} is not defined by TS 29.228
     */
    public static ProfilePartIndicator fromCode(int code) {
        for (ProfilePartIndicator value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidIfcException("ProfilePartIndicator code " + code
                + " is not one of 0 (REGISTERED) .. 1 (UNREGISTERED)");
    }
}
