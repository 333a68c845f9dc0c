package io.kubeims.protocol.regex;

/**
 * Thrown when a text is not a POSIX Extended Regular Expression this library accepts (IEEE Std 1003.1 XBD 9.4):
 * invalid, or left undefined by POSIX and deliberately refused. {@link #index()} is where the problem starts.
 */
public class InvalidPosixEreException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int index;
    private final String problem;

    /**
     * @param expression the whole ERE as given
     * @param index the UTF-16 index in {@code expression} where the offending construct starts
     * @param problem what is wrong there, without the expression itself
     */
    public InvalidPosixEreException(String expression, int index, String problem) {
        super("invalid POSIX ERE '" + expression + "' at index " + index + ": " + problem);
        this.expression = expression;
        this.index = index;
        this.problem = problem;
    }

    /** @return the ERE as given */
    public String expression() {
        return expression;
    }

    /** @return the UTF-16 index in {@link #expression()} where the offending construct starts */
    public int index() {
        return index;
    }

    /** @return what is wrong, e.g. {@code "unmatched '('"}; the message is built from it */
    public String problem() {
        return problem;
    }
}
