package io.kubeims.protocol.cx;

/**
 * Values of the Disconnect-Cause AVP of a DPR (RFC 6733 section 5.4.3).
 */
public enum DisconnectCause implements EnumeratedAvpValue {
    REBOOTING(0),
    BUSY(1),
    DO_NOT_WANT_TO_TALK_TO_YOU(2);

    private final int code;

    DisconnectCause(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.DISCONNECT_CAUSE;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static DisconnectCause fromCode(int code) {
        return EnumeratedAvpValue.fromCode(DisconnectCause.class, CxAvp.DISCONNECT_CAUSE, code);
    }
}
