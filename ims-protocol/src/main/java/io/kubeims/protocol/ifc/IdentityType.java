package io.kubeims.protocol.ifc;

/** Type of a public identity: TS 29.228 Annex B.2.1 / Annex E {@code tIdentityType}. */
public enum IdentityType {
    /** 0: a distinct public user identity (IMPU). */
    PUBLIC_USER_IDENTITY(0),
    /** 1: a distinct public service identity. */
    DISTINCT_PSI(1),
    /** 2: a wildcarded PSI (see {@link PublicIdentity#wildcardedPsi()}). */
    WILDCARDED_PSI(2),
    /** 3: a non-distinct IMPU, part of a wildcarded IMPU range. */
    NON_DISTINCT_IMPU(3),
    /** 4: a wildcarded IMPU. */
    WILDCARDED_IMPU(4);

    private final int code;

    IdentityType(int code) {
        this.code = code;
    }

    /** @return the integer that TS 29.228 Annex E (tIdentityType) uses for this value */
    public int code() {
        return code;
    }

    /**
     * @param code the integer of tIdentityType
     * @return the matching value
     * @throws InvalidIfcException if {@code code} is not defined by TS 29.228
     */
    public static IdentityType fromCode(int code) {
        for (IdentityType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidIfcException("IdentityType code " + code
                + " is not one of 0 (PUBLIC_USER_IDENTITY) .. 4 (WILDCARDED_IMPU)");
    }
}
