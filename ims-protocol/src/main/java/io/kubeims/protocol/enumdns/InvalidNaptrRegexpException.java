package io.kubeims.protocol.enumdns;

/**
 * Thrown when the Regexp field of a NAPTR record is not a valid substitution expression of
 * RFC 3402 3.2 ({@code delim-char ere delim-char repl delim-char *flags}). {@link #problem()} says
 * which rule is broken.
 */
public class InvalidNaptrRegexpException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which part of the substitution expression is malformed. */
    public enum Problem {
        /** Fewer than three unescaped delimiters (RFC 3402 3.2: there must be exactly three). */
        MISSING_DELIMITER,
        /** A fourth unescaped delimiter, i.e. a delimiter after the replacement. */
        EXTRA_DELIMITER,
        /** The first character cannot delimit: a digit, a backslash or the flag character 'i'. */
        INVALID_DELIMITER,
        /** The ERE is empty or not valid POSIX ERE; the cause is the InvalidPosixEreException. */
        BAD_ERE,
        /** A back-reference \0, or \N beyond the number of groups of the ERE. */
        BAD_BACKREFERENCE,
        /** A flag other than 'i' (RFC 3402 3.2: flags = "i"). */
        BAD_FLAG
    }

    private final String expression;
    private final Problem problem;

    public InvalidNaptrRegexpException(String expression, Problem problem, String detail) {
        this(expression, problem, detail, null);
    }

    public InvalidNaptrRegexpException(String expression, Problem problem, String detail, Throwable cause) {
        super("invalid NAPTR regexp '" + expression + "' (" + problem + "): " + detail, cause);
        this.expression = expression;
        this.problem = problem;
    }

    /** The Regexp field as received. */
    public String expression() {
        return expression;
    }

    /** Which rule of RFC 3402 3.2 the expression breaks. */
    public Problem problem() {
        return problem;
    }
}
