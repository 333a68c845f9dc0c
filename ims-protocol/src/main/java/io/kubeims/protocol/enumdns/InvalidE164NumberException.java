package io.kubeims.protocol.enumdns;

/**
 * Thrown when text, a {@code tel:} URI or a {@code sip:} URI does not hold a global E.164 number
 * (ITU-T E.164, RFC 3966 5.1.4, RFC 6116 2.4) that can be mapped into the ENUM tree.
 */
public class InvalidE164NumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The offending input as given by the caller. */
    private final String input;
    private final String problem;

    public InvalidE164NumberException(String input, String problem) {
        super("not a global E.164 number: '" + input + "': " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The text, tel: URI or sip: URI that was rejected. */
    public String input() {
        return input;
    }

    /** What is wrong with the input, without the input itself. */
    public String problem() {
        return problem;
    }
}
