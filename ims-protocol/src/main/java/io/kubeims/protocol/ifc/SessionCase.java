package io.kubeims.protocol.ifc;

/** Session case of an SPT and of a request: TS 29.228 Annex B.2.2 / Annex E {@code tDirectionOfRequest}. */
public enum SessionCase {
    /** 0: originating request of a registered served user. */
    ORIGINATING_REGISTERED(0),
    /** 1: terminating request to a registered served user. */
    TERMINATING_REGISTERED(1),
    /** 2: terminating request to an unregistered served user. */
    TERMINATING_UNREGISTERED(2),
    /** 3: originating request of an unregistered served user (e.g. an AS acting on its behalf). */
    ORIGINATING_UNREGISTERED(3),
    /** 4: originating request after call diversion (TS 24.229 orig-cdiv). */
    ORIGINATING_CDIV(4);

    private final int code;

    SessionCase(int code) {
        this.code = code;
    }

    /** @return the integer that TS 29.228 Annex E (tDirectionOfRequest) uses for this value */
    public int code() {
        return code;
    }

    /**
     * @param code the integer of tDirectionOfRequest
     * @return the matching value
     * @throws InvalidIfcException if {@code code} is not defined by TS 29.228
     */
    public static SessionCase fromCode(int code) {
        for (SessionCase value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidIfcException("SessionCase code " + code
                + " is not one of 0 (ORIGINATING_REGISTERED) .. 4 (ORIGINATING_CDIV)");
    }
}
