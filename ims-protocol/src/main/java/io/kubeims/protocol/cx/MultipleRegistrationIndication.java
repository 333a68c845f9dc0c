package io.kubeims.protocol.cx;

/**
 * Values of the Multiple-Registration-Indication AVP (TS 29.229 clause 6.3.51), sent by the S-CSCF in a SAR.
 */
public enum MultipleRegistrationIndication implements EnumeratedAvpValue {
    NOT_MULTIPLE_REGISTRATION(0),
    MULTIPLE_REGISTRATION(1);

    private final int code;

    MultipleRegistrationIndication(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.MULTIPLE_REGISTRATION_INDICATION;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static MultipleRegistrationIndication fromCode(int code) {
        return EnumeratedAvpValue.fromCode(MultipleRegistrationIndication.class, CxAvp.MULTIPLE_REGISTRATION_INDICATION, code);
    }
}
