package io.kubeims.protocol.regex;

import java.util.ArrayDeque;
import java.util.Deque;

/** One left-to-right pass over an ERE (IEEE Std 1003.1 XBD 9.4) producing java.util.regex syntax. */
final class EreTranslation {

    /** RE_DUP_MAX, the largest interval bound POSIX guarantees (XBD 9.4.6, limits.h minimum). */
    static final int RE_DUP_MAX = 255;

    /** What the previous item was: decides whether a duplication symbol may follow (XBD 9.4.3). */
    private enum Previous {
        /** Start of the ERE or of a subexpression, '|', '^', '$' or a glibc word-boundary assertion. */
        NOTHING_TO_REPEAT,
        /** A character, bracket expression, period or subexpression. */
        ATOM,
        /** A duplication symbol. */
        REPETITION
    }

    private final String ere;
    private final StringBuilder out = new StringBuilder();
    /** Indexes of the '(' not yet closed, innermost first. */
    private final Deque<Integer> openGroups = new ArrayDeque<>();
    private int pos;
    private Previous previous = Previous.NOTHING_TO_REPEAT;

    EreTranslation(String ere) {
        this.ere = ere;
    }

    /** @throws InvalidPosixEreException at the first construct that is refused */
    String toJava() {
        if (ere.isEmpty()) {
            // XBD 9.5.3: a branch has at least one ERE_expression; an empty field is a mistake, not "match all".
            throw error(0, "the ERE is empty");
        }
        while (pos < ere.length()) {
            int start = pos;
            int cp = ere.codePointAt(pos);
            pos += Character.charCount(cp);
            switch (cp) {
                case '\\' -> escape(start);
                case '[' -> {
                    BracketExpression bracket = new BracketExpression(ere, start);
                    out.append(bracket.toJava());
                    pos = bracket.end();
                    previous = Previous.ATOM;
                }
                case '(' -> {
                    out.append('(');
                    openGroups.push(start);
                    previous = Previous.NOTHING_TO_REPEAT;
                }
                case ')' -> {
                    // XBD 9.4.3: ')' is special only when matched by a preceding '('.
                    if (openGroups.isEmpty()) {
                        out.append(quoted(')'));
                    } else {
                        out.append(')');
                        openGroups.pop();
                    }
                    previous = Previous.ATOM;
                }
                case '|', '^' -> {
                    out.append((char) cp);
                    previous = Previous.NOTHING_TO_REPEAT;
                }
                case '$' -> {
                    // Java's '$' also matches before a final line terminator; POSIX '$' only at the end (XBD 9.4.9).
                    out.append("\\z");
                    previous = Previous.NOTHING_TO_REPEAT;
                }
                case '.' -> {
                    out.append('.');
                    previous = Previous.ATOM;
                }
                case '*', '+', '?' -> {
                    checkRepeatable(start, (char) cp);
                    out.append((char) cp);
                    previous = Previous.REPETITION;
                }
                case '{' -> {
                    checkRepeatable(start, '{');
                    interval(start);
                    previous = Previous.REPETITION;
                }
                default -> {
                    out.append(quoted(cp));
                    previous = Previous.ATOM;
                }
            }
        }
        if (!openGroups.isEmpty()) {
            throw error(openGroups.peek(), "unmatched '('");
        }
        return out.toString();
    }

    /**
     * XBD 9.4.3/9.4.6: a duplication symbol first, after '(', '|', '^' or '$', or after another duplication symbol
     * is undefined; Java would read some of these as "(?" groups or lazy/possessive quantifiers, so all are refused.
     */
    private void checkRepeatable(int at, char symbol) {
        if (previous == Previous.REPETITION) {
            throw error(at, "'" + symbol + "' directly after another repetition is not supported"
                    + " (no stacked repetitions, lazy or possessive quantifiers)");
        }
        if (previous == Previous.NOTHING_TO_REPEAT) {
            boolean javaGroup = symbol == '?' && at > 0 && ere.charAt(at - 1) == '(';
            throw error(at, "'" + symbol + "' has nothing to repeat"
                    + (javaGroup ? " ('(?' groups are not part of POSIX ERE)" : ""));
        }
    }

    /** XBD 9.4.2: a backslash makes a special character (or punctuation) literal; before a letter it is undefined. */
    private void escape(int at) {
        if (pos >= ere.length()) {
            throw error(at, "trailing backslash");
        }
        int cp = ere.codePointAt(pos);
        pos += Character.charCount(cp);
        String escape = "'\\" + Character.toString(cp) + "'";
        if (cp == '<' || cp == '>' || cp == '`' || cp == '\'') {
            // GNU word/buffer anchors: taking them as the literal character would silently change their meaning.
            throw error(at, escape + " (a GNU anchor) is not part of POSIX ERE");
        }
        if (!Character.isLetterOrDigit(cp)) {
            out.append(quoted(cp));
            previous = Previous.ATOM;
            return;
        }
        // Shorthands glibc's regcomp() also accepts, so iFCs written for Kamailio keep working; ASCII (C locale).
        switch (cp) {
            case 'w' -> out.append("[A-Za-z0-9_]");
            case 'W' -> out.append("[^A-Za-z0-9_]");
            case 's' -> out.append("\\s");
            case 'S' -> out.append("\\S");
            case 'b' -> out.append("\\b");
            case 'B' -> out.append("\\B");
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    throw error(at, escape + " is not part of POSIX ERE (an ERE has no back-references)");
            default -> throw error(at, escape + " is not part of POSIX ERE (a backslash before a letter is"
                    + " undefined; for a class use a bracket expression such as [[:digit:]])");
        }
        previous = cp == 'b' || cp == 'B' ? Previous.NOTHING_TO_REPEAT : Previous.ATOM;
    }

    /** XBD 9.4.6: {m}, {m,} or {m,n} with 0 <= m <= n <= RE_DUP_MAX; pos is just after the '{'. */
    private void interval(int at) {
        int close = ere.indexOf('}', pos);
        if (close < 0) {
            throw error(at, "unterminated interval '{'");
        }
        String body = ere.substring(pos, close);
        int comma = body.indexOf(',');
        String min = comma < 0 ? body : body.substring(0, comma);
        String max = comma < 0 ? null : body.substring(comma + 1);
        if (min.isEmpty() && comma >= 0 && isDigits(max)) {
            throw error(at, "invalid interval '{" + body + "}': the minimum is required (POSIX has no '{,n}';"
                    + " write '{0," + max + "}')");
        }
        if (!isDigits(min) || (max != null && !max.isEmpty() && !isDigits(max))) {
            throw error(at, "invalid interval '{" + body + "}' (expected {m}, {m,} or {m,n})");
        }
        int lo = bound(min, at);
        Integer hi = max == null || max.isEmpty() ? null : bound(max, at);
        if (hi != null && hi < lo) {
            throw error(at, "interval {" + body + "} has its maximum below its minimum");
        }
        out.append('{').append(lo);
        if (comma >= 0) {
            out.append(',');
            if (hi != null) {
                out.append(hi);
            }
        }
        out.append('}');
        pos = close + 1;
    }

    private int bound(String digits, int at) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        String significant = digits.substring(first);
        if (significant.length() > 3 || Integer.parseInt(significant) > RE_DUP_MAX) {
            throw error(at, "interval bound " + significant + " exceeds RE_DUP_MAX (" + RE_DUP_MAX + ")");
        }
        return Integer.parseInt(significant);
    }

    private static boolean isDigits(String text) {
        return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A code point as a java.util.regex literal, valid both outside and inside a character class. */
    static String quoted(int cp) {
        boolean plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return plain ? Character.toString(cp) : "\\x{" + Integer.toHexString(cp) + "}";
    }

    private InvalidPosixEreException error(int at, String problem) {
        return new InvalidPosixEreException(ere, at, problem);
    }
}
