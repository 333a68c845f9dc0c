package io.kubeims.protocol.cx;

/**
 * Values of the base-protocol Result-Code AVP (RFC 6733 section 7.1) that a Cx peer sends or receives.
 */
public enum DiameterResultCode {

    // RFC 6733 7.1.1 Informational
    MULTI_ROUND_AUTH(1001, "DIAMETER_MULTI_ROUND_AUTH"),
    // RFC 6733 7.1.2 Success
    SUCCESS(2001, "DIAMETER_SUCCESS"),
    LIMITED_SUCCESS(2002, "DIAMETER_LIMITED_SUCCESS"),
    // RFC 6733 7.1.3 Protocol errors (E-bit set)
    COMMAND_UNSUPPORTED(3001, "DIAMETER_COMMAND_UNSUPPORTED"),
    UNABLE_TO_DELIVER(3002, "DIAMETER_UNABLE_TO_DELIVER"),
    REALM_NOT_SERVED(3003, "DIAMETER_REALM_NOT_SERVED"),
    TOO_BUSY(3004, "DIAMETER_TOO_BUSY"),
    LOOP_DETECTED(3005, "DIAMETER_LOOP_DETECTED"),
    REDIRECT_INDICATION(3006, "DIAMETER_REDIRECT_INDICATION"),
    APPLICATION_UNSUPPORTED(3007, "DIAMETER_APPLICATION_UNSUPPORTED"),
    INVALID_HDR_BITS(3008, "DIAMETER_INVALID_HDR_BITS"),
    INVALID_AVP_BITS(3009, "DIAMETER_INVALID_AVP_BITS"),
    UNKNOWN_PEER(3010, "DIAMETER_UNKNOWN_PEER"),
    // RFC 6733 7.1.4 Transient failures
    AUTHENTICATION_REJECTED(4001, "DIAMETER_AUTHENTICATION_REJECTED"),
    OUT_OF_SPACE(4002, "DIAMETER_OUT_OF_SPACE"),
    ELECTION_LOST(4003, "ELECTION_LOST"),
    // RFC 6733 7.1.5 Permanent failures
    AVP_UNSUPPORTED(5001, "DIAMETER_AVP_UNSUPPORTED"),
    UNKNOWN_SESSION_ID(5002, "DIAMETER_UNKNOWN_SESSION_ID"),
    AUTHORIZATION_REJECTED(5003, "DIAMETER_AUTHORIZATION_REJECTED"),
    INVALID_AVP_VALUE(5004, "DIAMETER_INVALID_AVP_VALUE"),
    MISSING_AVP(5005, "DIAMETER_MISSING_AVP"),
    RESOURCES_EXCEEDED(5006, "DIAMETER_RESOURCES_EXCEEDED"),
    CONTRADICTING_AVPS(5007, "DIAMETER_CONTRADICTING_AVPS"),
    AVP_NOT_ALLOWED(5008, "DIAMETER_AVP_NOT_ALLOWED"),
    AVP_OCCURS_TOO_MANY_TIMES(5009, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES"),
    NO_COMMON_APPLICATION(5010, "DIAMETER_NO_COMMON_APPLICATION"),
    UNSUPPORTED_VERSION(5011, "DIAMETER_UNSUPPORTED_VERSION"),
    UNABLE_TO_COMPLY(5012, "DIAMETER_UNABLE_TO_COMPLY"),
    INVALID_BIT_IN_HEADER(5013, "DIAMETER_INVALID_BIT_IN_HEADER"),
    INVALID_AVP_LENGTH(5014, "DIAMETER_INVALID_AVP_LENGTH"),
    INVALID_MESSAGE_LENGTH(5015, "DIAMETER_INVALID_MESSAGE_LENGTH"),
    INVALID_AVP_BIT_COMBO(5016, "DIAMETER_INVALID_AVP_BIT_COMBO"),
    NO_COMMON_SECURITY(5017, "DIAMETER_NO_COMMON_SECURITY");

    private final int code;
    private final String specName;

    DiameterResultCode(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    /** The value of the Result-Code AVP. */
    public int code() {
        return code;
    }

    /** The name used in RFC 6733, e.g. "DIAMETER_UNABLE_TO_COMPLY". */
    public String specName() {
        return specName;
    }

    public ResultClass resultClass() {
        return ResultClass.of(code);
    }

    public boolean isSuccess() {
        return resultClass() == ResultClass.SUCCESS;
    }

    /** Protocol errors (3xxx) are the only ones sent in an answer with the E-bit set (RFC 6733 7.1.3). */
    public boolean isProtocolError() {
        return resultClass() == ResultClass.PROTOCOL_ERROR;
    }

    /**
     * @param code the Result-Code value (Unsigned32, hence {@code long})
     * @throws UnknownResultCodeException when RFC 6733 does not define the value
     */
    public static DiameterResultCode fromCode(long code) {
        for (DiameterResultCode result : values()) {
            if (result.code == code) {
                return result;
            }
        }
        throw new UnknownResultCodeException(CxAvp.RESULT_CODE, code);
    }
}
