package io.kubeims.protocol.aka;

/**
 * A binary AKA parameter has the wrong length: K, OP, OPc and RAND are 16 octets, SQN 6, AMF 2, AUTN 16 and
 * AUTS 14 (TS 33.102 6.3, TS 35.206).
 */
public final class ParameterLengthException extends AkaParameterException {

    private static final long serialVersionUID = 1L;

    private final int expected;
    private final int actual;

    /**
     * @param parameter the name of the parameter, e.g. "RAND"
     * @param expected  the required length in octets
     * @param actual    the length that was given
     */
    public ParameterLengthException(String parameter, int expected, int actual) {
        super(parameter, "must be " + expected + " octets, got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** The required length in octets. */
    public int expected() {
        return expected;
    }

    /** The length that was given, in octets. */
    public int actual() {
        return actual;
    }
}
