package io.kubeims.protocol.cx;

/**
 * Values of the Loose-Route-Indication AVP (TS 29.229 clause 6.3.45), sent by the HSS in a SAA.
 */
public enum LooseRouteIndication implements EnumeratedAvpValue {
    LOOSE_ROUTE_NOT_REQUIRED(0),
    LOOSE_ROUTE_REQUIRED(1);

    private final int code;

    LooseRouteIndication(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public CxAvp avp() {
        return CxAvp.LOOSE_ROUTE_INDICATION;
    }

    /**
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    public static LooseRouteIndication fromCode(int code) {
        return EnumeratedAvpValue.fromCode(LooseRouteIndication.class, CxAvp.LOOSE_ROUTE_INDICATION, code);
    }
}
