package io.kubeims.protocol.cx;

/**
 * Values of the Session-Priority AVP (TS 29.229 clause 6.3.56); the wire names are "PRIORITY-0" to "PRIORITY-4".
 */
public enum SessionPriority implements EnumeratedAvpValue {
    PRIORITY_0(0),
    PRIORITY_1(1),
    PRIORITY_2(2),
    PRIORITY_3(3),
    PRIORITY_4(4);

    private final int code;

    SessionPriority(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.SESSION_PRIORITY;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static SessionPriority fromCode(int code) {
        return EnumeratedAvpValue.fromCode(SessionPriority.class, CxAvp.SESSION_PRIORITY, code);
    }
}
