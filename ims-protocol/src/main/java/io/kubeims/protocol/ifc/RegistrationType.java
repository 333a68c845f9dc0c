package io.kubeims.protocol.ifc;

/** Kind of REGISTER an SPT restricts to: TS 29.228 Annex B.2.2 / Annex E {@code tRegistrationType}. */
public enum RegistrationType {
    /** 0: initial registration. */
    INITIAL_REGISTRATION(0),
    /** 1: re-registration (refresh) of a registered identity. */
    RE_REGISTRATION(1),
    /** 2: de-registration (Expires 0). */
    DE_REGISTRATION(2);

    private final int code;

    RegistrationType(int code) {
        this.code = code;
    }

    /** @return the integer that TS 29.228 Annex E (tRegistrationType) uses for this value */
    public int code() {
        return code;
    }

    /**
     * @param code the integer of tRegistrationType
     * @return the matching value
     * @throws InvalidIfcException if {@code code} is not defined by TS 29.228
     */
    public static RegistrationType fromCode(int code) {
        for (RegistrationType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidIfcException("RegistrationType code " + code
                + " is not one of 0 (INITIAL_REGISTRATION) .. 2 (DE_REGISTRATION)");
    }
}
