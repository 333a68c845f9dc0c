package io.kubeims.cscf.sip;

/** A {@link NextHop} cannot be built from the given value (bad host, port or an unserved transport). */
public class InvalidNextHopException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNextHopException(String field, String value, String expected) {
        super("next hop " + field + " '" + value + "' refused: " + expected);
    }
}
