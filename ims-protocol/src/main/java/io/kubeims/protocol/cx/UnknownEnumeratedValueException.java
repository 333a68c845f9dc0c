package io.kubeims.protocol.cx;

/**
 * A value received in an Enumerated AVP that its specification does not define. A Diameter server answers it
 * with DIAMETER_INVALID_AVP_VALUE (5004) and a Failed-AVP holding the offending AVP (RFC 6733 section 7.1.5);
 * {@link #avp()} and {@link #value()} are what it needs to build that Failed-AVP.
 */
public class UnknownEnumeratedValueException extends IllegalArgumentException {

    private final CxAvp avp;
    private final int value;

    public UnknownEnumeratedValueException(CxAvp avp, int value) {
        super("value " + value + " is not defined for Enumerated AVP " + avp);
        this.avp = avp;
        this.value = value;
    }

    /** The AVP that carried the value. */
    public CxAvp avp() {
        return avp;
    }

    /** The value received. */
    public int value() {
        return value;
    }
}
