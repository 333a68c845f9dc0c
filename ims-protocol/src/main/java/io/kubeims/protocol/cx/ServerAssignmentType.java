package io.kubeims.protocol.cx;

/**
 * Values of the Server-Assignment-Type AVP (TS 29.229 clause 6.3.15): the kind of S-CSCF assignment a SAR asks for
 * (procedures in TS 29.228 clause 6.1.2).
 */
public enum ServerAssignmentType implements EnumeratedAvpValue {
    /** Download of the user data only; the assigned S-CSCF does not change. */
    NO_ASSIGNMENT(0),
    REGISTRATION(1),
    RE_REGISTRATION(2),
    /** The S-CSCF serves a request for a user who is not registered. */
    UNREGISTERED_USER(3),
    TIMEOUT_DEREGISTRATION(4),
    USER_DEREGISTRATION(5),
    /** Like 4, and the HSS keeps the S-CSCF name. */
    TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME(6),
    /** Like 5, and the HSS keeps the S-CSCF name. */
    USER_DEREGISTRATION_STORE_SERVER_NAME(7),
    ADMINISTRATIVE_DEREGISTRATION(8),
    AUTHENTICATION_FAILURE(9),
    AUTHENTICATION_TIMEOUT(10),
    DEREGISTRATION_TOO_MUCH_DATA(11),
    /** Used by a 3GPP AAA server on SWx (TS 29.273), not by an S-CSCF. */
    AAA_USER_DATA_REQUEST(12),
    /** Used by a 3GPP AAA server on SWx (TS 29.273), not by an S-CSCF. */
    PGW_UPDATE(13),
    /** S-CSCF restoration (TS 23.380). */
    RESTORATION(14);

    private final int code;

    ServerAssignmentType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.SERVER_ASSIGNMENT_TYPE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static ServerAssignmentType fromCode(int code) {
        return EnumeratedAvpValue.fromCode(ServerAssignmentType.class, CxAvp.SERVER_ASSIGNMENT_TYPE, code);
    }
}
