package io.kubeims.protocol.aka;

/**
 * A parameter given to the AKA / Milenage API is unusable (TS 33.102, TS 35.206): the message names the
 * parameter, never its value, because most of them are key material.
 *
 * <p>Subclasses say what exactly is wrong: {@link MalformedHexException}, {@link ParameterLengthException},
 * {@link SqnOutOfRangeException}.
 */
public class AkaParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the name of the offending parameter, e.g. "K" or "AUTN"
     * @param message   what is wrong with it, without its value
     */
    public AkaParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, e.g. "K" or "AUTN". */
    public String parameter() {
        return parameter;
    }
}
