package io.kubeims.protocol.cx;

/**
 * Values of the User-Authorization-Type AVP (TS 29.229 clause 6.3.24), sent by the I-CSCF in a UAR
 * (and in a LIR).
 */
public enum UserAuthorizationType implements EnumeratedAvpValue {
    /** Initial registration or re-registration. */
    REGISTRATION(0),
    DE_REGISTRATION(1),
    /** The I-CSCF asks for the S-CSCF capabilities, to select an S-CSCF itself. */
    REGISTRATION_AND_CAPABILITIES(2);

    private final int code;

    UserAuthorizationType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.USER_AUTHORIZATION_TYPE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static UserAuthorizationType fromCode(int code) {
        return EnumeratedAvpValue.fromCode(UserAuthorizationType.class, CxAvp.USER_AUTHORIZATION_TYPE, code);
    }
}
