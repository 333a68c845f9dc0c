package io.kubeims.protocol.cx;

/**
 * Values of the Reason-Code AVP inside Deregistration-Reason (TS 29.229 clause 6.3.17), sent by the HSS in an RTR.
 */
public enum ReasonCode implements EnumeratedAvpValue {
    PERMANENT_TERMINATION(0),
    NEW_SERVER_ASSIGNED(1),
    SERVER_CHANGE(2),
    /** Wire name "REMOVE_S-CSCF". */
    REMOVE_S_CSCF(3);

    private final int code;

    ReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.REASON_CODE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static ReasonCode fromCode(int code) {
        return EnumeratedAvpValue.fromCode(ReasonCode.class, CxAvp.REASON_CODE, code);
    }
}
