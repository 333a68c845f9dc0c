package io.kubeims.protocol.aka;

/**
 * A hexadecimal parameter (typically key material from configuration) is not a valid hex string: it contains a
 * character that is not a hex digit, or it has an odd number of digits. Thrown by {@link HexKey}.
 * The message gives the position of the problem, never the characters themselves.
 */
public final class MalformedHexException extends AkaParameterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param parameter the name of the parameter, e.g. "OPc"
     * @param message   what is wrong, without the value
     */
    public MalformedHexException(String parameter, String message) {
        super(parameter, message);
    }
}
