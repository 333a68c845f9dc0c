package io.kubeims.protocol.cx;

/**
 * Values of the User-Data-Already-Available AVP (TS 29.229 clause 6.3.26), sent by the S-CSCF in a SAR.
 */
public enum UserDataAlreadyAvailable implements EnumeratedAvpValue {
    USER_DATA_NOT_AVAILABLE(0),
    USER_DATA_ALREADY_AVAILABLE(1);

    private final int code;

    UserDataAlreadyAvailable(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.USER_DATA_ALREADY_AVAILABLE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static UserDataAlreadyAvailable fromCode(int code) {
        return EnumeratedAvpValue.fromCode(UserDataAlreadyAvailable.class, CxAvp.USER_DATA_ALREADY_AVAILABLE, code);
    }
}
