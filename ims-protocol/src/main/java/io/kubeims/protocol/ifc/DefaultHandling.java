package io.kubeims.protocol.ifc;

/** What the S-CSCF does when the application server cannot be reached: TS 29.228 Annex E {@code tDefaultHandling}. */
public enum DefaultHandling {
    /** 0: continue the session without the AS (skip to the next iFC). */
    SESSION_CONTINUED(0),
    /** 1: terminate the session. */
    SESSION_TERMINATED(1);

    private final int code;

    DefaultHandling(int code) {
        this.code = code;
    }

    /** @return the integer that TS 29.228 Annex E (tDefaultHandling) uses for this value */
    public int code() {
        return code;
    }

    /**
     * @param code the integer of tDefaultHandling
     * @return the matching value
     * @throws InvalidIfcException if {@code code} is not defined by TS 29.228
     */
    public static DefaultHandling fromCode(int code) {
        for (DefaultHandling value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidIfcException("DefaultHandling code " + code
                + " is not one of 0 (SESSION_CONTINUED) .. 1 (SESSION_TERMINATED)");
    }
}
