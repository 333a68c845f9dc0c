package io.kubeims.protocol.cx;

/**
 * Values of the Originating-Request AVP (TS 29.229 clause 6.3.34): a LIR for an originating request.
 */
public enum OriginatingRequest implements EnumeratedAvpValue {
    ORIGINATING(0);

    private final int code;

    OriginatingRequest(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.ORIGINATING_REQUEST;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static OriginatingRequest fromCode(int code) {
        return EnumeratedAvpValue.fromCode(OriginatingRequest.class, CxAvp.ORIGINATING_REQUEST, code);
    }
}
