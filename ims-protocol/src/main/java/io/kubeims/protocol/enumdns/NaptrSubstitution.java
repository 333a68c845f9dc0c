package io.kubeims.protocol.enumdns;

import io.kubeims.protocol.enumdns.InvalidNaptrRegexpException.Problem;
import io.kubeims.protocol.regex.InvalidPosixEreException;
import io.kubeims.protocol.regex.PosixEre;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The substitution expression of a NAPTR Regexp field (RFC 3402 3.2, RFC 3403 4.1), parsed and
 * compiled once: {@code delim-char ere delim-char repl delim-char *flags}, e.g.
 * {@code !^.*$!sip:info@example.net!} or {@code !^\+(.*)$!sip:\1@example.net!i}.
 *
 * <p>Parsing rules: the first character is the delimiter (not a digit, backslash or 'i'); there
 * are exactly three unescaped delimiters; {@code \<delim>} is a literal delimiter in both the ERE
 * and the replacement; in the replacement {@code \1}..{@code \9} are back-references and
 * {@code \\} is a backslash; the only flag is {@code i} (case-insensitive ERE).
 *
 * <p>Applying: the ERE is searched in the input (for ENUM the application unique string, RFC 6116
 * 2.4); on a match the result is the replacement with its back-references filled in. The parts of
 * the input outside the match are not kept, which is how ENUM clients (and RFC 6116's examples,
 * always anchored {@code ^...$}) use it.
 */
public final class NaptrSubstitution {

    private final String expression;
    private final char delimiter;
    private final PosixEre ere;
    /** Literal text (String) and back-references (Integer group numbers), in order. */
    private final List<Object> replacement;

    private NaptrSubstitution(String expression, char delimiter, PosixEre ere, List<Object> replacement) {
        this.expression = expression;
        this.delimiter = delimiter;
        this.ere = ere;
        this.replacement = List.copyOf(replacement);
    }

    /**
     * Parses and compiles a Regexp field.
     *
     * @throws InvalidNaptrRegexpException when a delimiter is missing or extra, the delimiter is a
     *     digit/backslash/'i', the ERE is empty or not valid POSIX ERE (then the cause is the {@link
     *     InvalidPosixEreException}), a back-reference is \0 or beyond the groups of the ERE, or a flag is
     *     not 'i'; {@link InvalidNaptrRegexpException#problem()} tells which
     */
    public static NaptrSubstitution parse(String expression) {
        if (expression == null || expression.isEmpty()) {
            throw new InvalidNaptrRegexpException(String.valueOf(expression), Problem.MISSING_DELIMITER,
                    "the expression is empty");
        }
        char delimiter = expression.charAt(0);
        if ((delimiter >= '0' && delimiter <= '9') || delimiter == '\\' || delimiter == 'i'
                || Character.isSurrogate(delimiter)) {
            // RFC 3402 3.2: digits would be confused with back-references, 'i' with the flag.
            throw new InvalidNaptrRegexpException(expression, Problem.INVALID_DELIMITER,
                    "'" + delimiter + "' cannot be the delimiter (not a digit, backslash or 'i')");
        }
        List<String> parts = split(expression, delimiter);
        if (parts.size() < 3) {
            throw new InvalidNaptrRegexpException(expression, Problem.MISSING_DELIMITER,
                    "found " + parts.size() + " of the 3 unescaped '" + delimiter
                            + "' delimiters (delim ere delim repl delim flags)");
        }
        if (parts.size() > 3) {
            throw new InvalidNaptrRegexpException(expression, Problem.EXTRA_DELIMITER,
                    "more than 3 unescaped '" + delimiter + "' delimiters; escape a literal one as \\" + delimiter);
        }
        String ereText = parts.get(0);
        String repl = parts.get(1);
        String flags = parts.get(2);
        boolean caseInsensitive = false;
        for (int i = 0; i < flags.length(); i++) {
            if (flags.charAt(i) != 'i') {
                throw new InvalidNaptrRegexpException(expression, Problem.BAD_FLAG,
                        "flag '" + flags.charAt(i) + "' is not defined; RFC 3402 3.2 defines only 'i'");
            }
            caseInsensitive = true;
        }
        PosixEre ere;
        try {
            ere = PosixEre.compile(ereText, caseInsensitive);
        } catch (InvalidPosixEreException e) {
            throw new InvalidNaptrRegexpException(expression, Problem.BAD_ERE,
                    "'" + ereText + "' at index " + e.index() + ": " + e.problem(), e);
        }
        List<Object> replacement = parseReplacement(expression, repl, delimiter, ere.groupCount());
        return new NaptrSubstitution(expression, delimiter, ere, replacement);
    }

    /**
     * Applies the expression to {@code input}.
     *
     * @return the replacement with back-references filled in, or empty if the ERE does not match
     */
    public Optional<String> apply(String input) {
        Matcher matcher = ere.pattern().matcher(input);
        if (!matcher.find()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (Object part : replacement) {
            if (part instanceof Integer group) {
                // A group that did not take part in the match contributes the empty string.
                String value = matcher.group(group);
                out.append(value == null ? "" : value);
            } else {
                out.append((String) part);
            }
        }
        return Optional.of(out.toString());
    }

    /** The Regexp field as received. */
    public String expression() {
        return expression;
    }

    /** The delimiter character (the first character of the expression). */
    public char delimiter() {
        return delimiter;
    }

    /** The POSIX ERE part, as it stands between the first two delimiters. */
    public String ere() {
        return ere.expression();
    }

    /** Whether the 'i' flag was given. */
    public boolean caseInsensitive() {
        return ere.caseInsensitive();
    }

    /** The number of parenthesised groups of the ERE, i.e. the highest usable back-reference. */
    public int groupCount() {
        return ere.groupCount();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NaptrSubstitution that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }

    /**
     * Splits what follows the first delimiter at the unescaped delimiters, so the number of parts
     * equals the number of delimiters (the first included). A backslash escapes the next
     * character; both are kept so that the ERE and the replacement interpret their own escapes.
     */
    private static List<String> split(String expression, char delimiter) {
        List<String> parts = new ArrayList<>(3);
        StringBuilder current = new StringBuilder();
        for (int i = 1; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\\' && i + 1 < expression.length()) {
                char next = expression.charAt(++i);
                if (next != delimiter || !Character.isLetter(delimiter)) {
                    current.append(c);
                }
                // An escaped letter delimiter is only that letter: "\\x" would not be POSIX ERE.
                current.append(next);
            } else if (c == delimiter) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static List<Object> parseReplacement(String expression, String repl, char delimiter, int groups) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c != '\\' || i + 1 >= repl.length()) {
                literal.append(c);
                continue;
            }
            char next = repl.charAt(++i);
            if (next >= '1' && next <= '9') {
                int group = next - '0';
                if (group > groups) {
                    throw new InvalidNaptrRegexpException(expression, Problem.BAD_BACKREFERENCE,
                            "\\" + next + " refers to group " + group + " but the ERE has " + groups
                                    + (groups == 1 ? " group" : " groups"));
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(group);
            } else if (next == '0') {
                throw new InvalidNaptrRegexpException(expression, Problem.BAD_BACKREFERENCE,
                        "\\0 is not an allowed back-reference (RFC 3402 3.2: POS-DIGIT is 1-9)");
            } else if (next == delimiter || next == '\\') {
                literal.append(next);
            } else {
                // Not an escape RFC 3402 defines: both characters stay literal.
                literal.append(c).append(next);
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts;
    }
}
