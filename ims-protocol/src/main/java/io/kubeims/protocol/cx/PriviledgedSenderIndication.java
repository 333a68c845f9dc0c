package io.kubeims.protocol.cx;

/**
 * Values of the Priviledged-Sender-Indication AVP (TS 29.229 clause 6.3.58, spelled as in the specification),
 * sent by the HSS in a SAA.
 */
public enum PriviledgedSenderIndication implements EnumeratedAvpValue {
    NOT_PRIVILEDGED_SENDER(0),
    PRIVILEDGED_SENDER(1);

    private final int code;

    PriviledgedSenderIndication(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.PRIVILEDGED_SENDER_INDICATION;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static PriviledgedSenderIndication fromCode(int code) {
        return EnumeratedAvpValue.fromCode(PriviledgedSenderIndication.class, CxAvp.PRIVILEDGED_SENDER_INDICATION, code);
    }
}
