package io.kubeims.protocol.cx;

/**
 * Values of the Auth-Session-State AVP (RFC 6733 section 8.11). Cx sessions are always
 * {@link #NO_STATE_MAINTAINED} (TS 29.229 clause 5.3).
 */
public enum AuthSessionState implements EnumeratedAvpValue {
    STATE_MAINTAINED(0),
    NO_STATE_MAINTAINED(1);

    private final int code;

    AuthSessionState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.AUTH_SESSION_STATE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static AuthSessionState fromCode(int code) {
        return EnumeratedAvpValue.fromCode(AuthSessionState.class, CxAvp.AUTH_SESSION_STATE, code);
    }
}
