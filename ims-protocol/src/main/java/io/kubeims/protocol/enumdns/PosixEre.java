package io.kubeims.protocol.enumdns;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a POSIX Extended Regular Expression (IEEE Std 1003.1, XBD 9.4), the ERE of RFC 3402
 * 3.2, into a {@link Pattern}. Java syntax that POSIX leaves undefined or gives another meaning
 * (escapes such as {@code \d}, {@code (?...)} groups, lazy and possessive quantifiers) is refused
 * rather than silently given Java's meaning.
 *
 * <p>Not reproduced: POSIX leftmost-longest matching. Java takes the first alternative that
 * matches, so {@code (a|ab)} differs; ENUM expressions in practice ({@code ^.*$},
 * {@code ^\+(.*)$}) are not affected.
 */
final class PosixEre {

    /** XBD 9.3.5 character classes and their java.util.regex equivalents (ASCII, POSIX locale). */
    private static final Map<String, String> CHARACTER_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "0-9"),
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("space", "\\s\\x0B"),
            Map.entry("blank", " \\t"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"),
            Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("xdigit", "0-9A-Fa-f"));

    private final String expression;
    private final String ere;
    private final StringBuilder java = new StringBuilder();
    private int pos;

    private PosixEre(String expression, String ere) {
        this.expression = expression;
        this.ere = ere;
    }

    /**
     * @param expression the whole substitution expression, for error messages
     * @param ere the ERE part
     * @param caseInsensitive the RFC 3402 "i" flag
     * @throws InvalidNaptrRegexpException with {@link InvalidNaptrRegexpException.Problem#BAD_ERE}
     */
    static Pattern compile(String expression, String ere, boolean caseInsensitive) {
        if (ere.isEmpty()) {
            throw bad(expression, "the ERE is empty");
        }
        PosixEre translation = new PosixEre(expression, ere);
        translation.translate();
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        try {
            return Pattern.compile(translation.java.toString(), flags);
        } catch (PatternSyntaxException e) {
            throw new InvalidNaptrRegexpException(expression, InvalidNaptrRegexpException.Problem.BAD_ERE,
                    "'" + ere + "' does not compile: " + e.getDescription(), e);
        }
    }

    private void translate() {
        boolean afterQuantifier = false;
        while (pos < ere.length()) {
            char c = ere.charAt(pos);
            boolean quantifier = false;
            switch (c) {
                case '\\' -> escape();
                case '[' -> bracket();
                case '(' -> {
                    if (pos + 1 < ere.length() && ere.charAt(pos + 1) == '?') {
                        throw bad(expression, "'(?' at index " + pos + " of '" + ere + "' is not POSIX ERE");
                    }
                    java.append('(');
                    pos++;
                }
                case '*', '+', '?' -> {
                    // XBD 9.4.6: adjacent duplication symbols are undefined; in Java they would mean
                    // lazy or possessive matching.
                    if (afterQuantifier) {
                        throw bad(expression, "'" + c + "' at index " + pos + " of '" + ere
                                + "' follows another duplication symbol");
                    }
                    java.append(c);
                    pos++;
                    quantifier = true;
                }
                case '{' -> {
                    if (afterQuantifier) {
                        throw bad(expression, "'{' at index " + pos + " of '" + ere
                                + "' follows another duplication symbol");
                    }
                    interval();
                    quantifier = true;
                }
                // Java's '$' also matches before a final line terminator; POSIX '$' is the end.
                case '$' -> {
                    java.append("\\z");
                    pos++;
                }
                case ')', '|', '.', '^' -> {
                    java.append(c);
                    pos++;
                }
                default -> {
                    appendLiteral(java, c);
                    pos++;
                }
            }
            afterQuantifier = quantifier;
        }
    }

    /** XBD 9.4.2: a backslash before a special character makes it literal; others are undefined. */
    private void escape() {
        if (pos + 1 >= ere.length()) {
            throw bad(expression, "'" + ere + "' ends with a lone backslash");
        }
        char next = ere.charAt(pos + 1);
        if (Character.isLetterOrDigit(next)) {
            throw bad(expression, "'\\" + next + "' at index " + pos + " of '" + ere
                    + "' is not POSIX ERE (no escapes such as \\d or back-references in an ERE)");
        }
        appendLiteral(java, next);
        pos += 2;
    }

    /** XBD 9.4.6: {m}, {m,} or {m,n} with m <= n. */
    private void interval() {
        int close = ere.indexOf('}', pos);
        String body = close < 0 ? "" : ere.substring(pos + 1, close);
        if (close < 0 || !body.matches("[0-9]{1,3}(,[0-9]{0,3})?")) {
            throw bad(expression, "'{' at index " + pos + " of '" + ere + "' does not start an interval {m}, {m,} or {m,n}");
        }
        String[] bounds = body.split(",", -1);
        if (bounds.length == 2 && !bounds[1].isEmpty() && Integer.parseInt(bounds[1]) < Integer.parseInt(bounds[0])) {
            throw bad(expression, "interval {" + body + "} in '" + ere + "' has its bounds reversed");
        }
        java.append('{').append(body).append('}');
        pos = close + 1;
    }

    /**
     * XBD 9.3.5 bracket expression. A ']' first (after an optional '^') is literal, backslash is
     * literal, and "[:class:]", "[=c=]", "[.c.]" are recognised; everything is re-quoted for Java,
     * where '[', '&&' and '\' inside a class mean something else.
     */
    private void bracket() {
        int start = pos;
        pos++;
        StringBuilder cls = new StringBuilder("[");
        if (pos < ere.length() && ere.charAt(pos) == '^') {
            cls.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= ere.length()) {
                throw bad(expression, "bracket expression at index " + start + " of '" + ere + "' is not closed");
            }
            char c = ere.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            if (c == '[' && pos + 1 < ere.length() && ":=.".indexOf(ere.charAt(pos + 1)) >= 0) {
                char kind = ere.charAt(pos + 1);
                int end = ere.indexOf(kind + "]", pos + 2);
                if (end < 0) {
                    throw bad(expression, "'[" + kind + "' at index " + pos + " of '" + ere + "' is not closed by '" + kind + "]'");
                }
                String name = ere.substring(pos + 2, end);
                pos = end + 2;
                if (kind == ':') {
                    String javaClass = CHARACTER_CLASSES.get(name);
                    if (javaClass == null) {
                        throw bad(expression, "unknown character class '[:" + name + ":]' in '" + ere + "'");
                    }
                    cls.append(javaClass);
                } else {
                    // Equivalence classes and collating symbols: only single characters, as in
                    // the POSIX locale.
                    if (name.length() != 1) {
                        throw bad(expression, "'[" + kind + name + kind + "]' in '" + ere
                                + "' is not a single character, which is all the POSIX locale defines");
                    }
                    appendLiteral(cls, name.charAt(0));
                }
                first = false;
                continue;
            }
            boolean last = pos + 1 < ere.length() && ere.charAt(pos + 1) == ']';
            if (c == '-' && !first && !last) {
                throw bad(expression, "'-' at index " + pos + " of '" + ere
                        + "' is neither first, last nor part of a range");
            }
            if (pos + 2 < ere.length() && ere.charAt(pos + 1) == '-' && ere.charAt(pos + 2) != ']') {
                char end = ere.charAt(pos + 2);
                if (end < c) {
                    throw bad(expression, "range '" + c + "-" + end + "' in '" + ere + "' is reversed");
                }
                appendLiteral(cls, c);
                cls.append('-');
                appendLiteral(cls, end);
                pos += 3;
            } else {
                appendLiteral(cls, c);
                pos++;
            }
            first = false;
        }
        java.append(cls).append(']');
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if (Character.isLetterOrDigit(c) || c > 0x7e) {
            out.append(c);
        } else {
            out.append('\\').append(c);
        }
    }

    private static InvalidNaptrRegexpException bad(String expression, String detail) {
        return new InvalidNaptrRegexpException(expression, InvalidNaptrRegexpException.Problem.BAD_ERE, detail);
    }
}
