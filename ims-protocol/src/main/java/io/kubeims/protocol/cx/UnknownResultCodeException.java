package io.kubeims.protocol.cx;

/**
 * A Result-Code, or a 3GPP Experimental-Result-Code, whose value this package does not define.
 */
public class UnknownResultCodeException extends IllegalArgumentException {

    private final CxAvp avp;
    private final long code;

    /**
     * @param avp  {@link CxAvp#RESULT_CODE} or {@link CxAvp#EXPERIMENTAL_RESULT_CODE}
     * @param code the value received
     */
    public UnknownResultCodeException(CxAvp avp, long code) {
        super("unknown " + avp.avpName() + " value " + code
                + (avp == CxAvp.EXPERIMENTAL_RESULT_CODE ? " for Vendor-Id " + CxApplication.VENDOR_ID_3GPP : ""));
        this.avp = avp;
        this.code = code;
    }

    /** The AVP that carried the value. */
    public CxAvp avp() {
        return avp;
    }

    public long code() {
        return code;
    }
}
