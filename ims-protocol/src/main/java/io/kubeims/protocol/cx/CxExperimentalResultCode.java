package io.kubeims.protocol.cx;

/**
 * Values of the Experimental-Result-Code AVP defined for Cx/Dx in TS 29.229 clause 6.2, sent inside
 * Experimental-Result together with Vendor-Id 10415 (and then without a Result-Code AVP).
 *
 * <p>2005 (DIAMETER_SERVER_SELECTION) is deprecated since TS 29.229 Rel-7 and 5010 is not defined, so
 * neither is accepted by {@link #fromCode(long)}.
 */
public enum CxExperimentalResultCode {

    // TS 29.229 6.2.1 Success
    FIRST_REGISTRATION(2001, "DIAMETER_FIRST_REGISTRATION"),
    SUBSEQUENT_REGISTRATION(2002, "DIAMETER_SUBSEQUENT_REGISTRATION"),
    UNREGISTERED_SERVICE(2003, "DIAMETER_UNREGISTERED_SERVICE"),
    SUCCESS_SERVER_NAME_NOT_STORED(2004, "DIAMETER_SUCCESS_SERVER_NAME_NOT_STORED"),
    // TS 29.229 6.2.2 Permanent failures
    USER_UNKNOWN(5001, "DIAMETER_ERROR_USER_UNKNOWN"),
    IDENTITIES_DONT_MATCH(5002, "DIAMETER_ERROR_IDENTITIES_DONT_MATCH"),
    IDENTITY_NOT_REGISTERED(5003, "DIAMETER_ERROR_IDENTITY_NOT_REGISTERED"),
    ROAMING_NOT_ALLOWED(5004, "DIAMETER_ERROR_ROAMING_NOT_ALLOWED"),
    IDENTITY_ALREADY_REGISTERED(5005, "DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED"),
    AUTH_SCHEME_NOT_SUPPORTED(5006, "DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED"),
    IN_ASSIGNMENT_TYPE(5007, "DIAMETER_ERROR_IN_ASSIGNMENT_TYPE"),
    TOO_MUCH_DATA(5008, "DIAMETER_ERROR_TOO_MUCH_DATA"),
    NOT_SUPPORTED_USER_DATA(5009, "DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA"),
    FEATURE_UNSUPPORTED(5011, "DIAMETER_ERROR_FEATURE_UNSUPPORTED"),
    SERVING_NODE_FEATURE_UNSUPPORTED(5012, "DIAMETER_ERROR_SERVING_NODE_FEATURE_UNSUPPORTED");

    private final int code;
    private final String specName;

    CxExperimentalResultCode(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    /** The value of the Experimental-Result-Code AVP. */
    public int code() {
        return code;
    }

    /** The Vendor-Id to send next to the code inside Experimental-Result. */
    public long vendorId() {
        return CxApplication.VENDOR_ID_3GPP;
    }

    /** The name used in TS 29.229, e.g. "DIAMETER_ERROR_USER_UNKNOWN". */
    public String specName() {
        return specName;
    }

    public ResultClass resultClass() {
        return ResultClass.of(code);
    }

    public boolean isSuccess() {
        return resultClass() == ResultClass.SUCCESS;
    }

    /**
     * @param code the Experimental-Result-Code value received with Vendor-Id 10415 (Unsigned32, hence
     *             {@code long})
     * @throws UnknownResultCodeException when TS 29.229 does not define the value
     */
    public static CxExperimentalResultCode fromCode(long code) {
        for (CxExperimentalResultCode result : values()) {
            if (result.code == code) {
                return result;
            }
        }
        throw new UnknownResultCodeException(CxAvp.EXPERIMENTAL_RESULT_CODE, code);
    }
}
