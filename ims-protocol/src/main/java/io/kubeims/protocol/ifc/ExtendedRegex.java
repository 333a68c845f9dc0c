package io.kubeims.protocol.ifc;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A POSIX Extended Regular Expression (IEEE Std 1003.1 ERE, the syntax TS 29.228 Annex B prescribes for the
 * RequestURI, SIPHeader and SessionDescription contents of an SPT), translated once into an equivalent
 * {@link Pattern}. {@link #find} has {@code regexec()} semantics: true when the expression matches anywhere in
 * the subject unless it is anchored with {@code ^}/{@code $}.
 *
 * <p>Equality is by the ERE source text. Only a match/no-match answer is exposed, so the difference between
 * POSIX leftmost-longest and Java leftmost-first alternation never shows.
 */
public final class ExtendedRegex {

    /** RE_DUP_MAX, the largest interval bound POSIX guarantees. */
    private static final int DUP_MAX = 255;

    private final String expression;
    private final Pattern pattern;

    private ExtendedRegex(String expression, Pattern pattern) {
        this.expression = expression;
        this.pattern = pattern;
    }

    /**
     * @param expression a POSIX ERE
     * @return the compiled expression
     * @throws InvalidIfcException if {@code expression} is null or not a valid ERE; the message names the
     *         position and the problem
     */
    public static ExtendedRegex compile(String expression) {
        FieldChecks.required(expression, "regular expression");
        FieldChecks.xmlText(expression, "regular expression");
        String java = new Translation(expression).run();
        try {
            // DOTALL: without REG_NEWLINE a POSIX '.' and a non-matching list also match a newline.
            return new ExtendedRegex(expression, Pattern.compile(java, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new InvalidIfcException("invalid regular expression '" + expression + "': " + e.getDescription(), e);
        }
    }

    /** @return the ERE source text, exactly as given */
    public String expression() {
        return expression;
    }

    /**
     * @param subject the text to search
     * @return whether the expression matches some part of {@code subject}
     */
    public boolean find(CharSequence subject) {
        return pattern.matcher(subject).find();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedRegex that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }

    /** One pass over the ERE producing java.util.regex syntax with every literal quoted. */
    private static final class Translation {

        private final String ere;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private int openGroups;
        /** Whether the previous item is an atom a duplication symbol may follow. */
        private boolean quantifiable;
        /** Whether the previous item was itself a duplication symbol. */
        private boolean afterQuantifier;

        Translation(String ere) {
            this.ere = ere;
        }

        String run() {
            while (pos < ere.length()) {
                int start = pos;
                int cp = ere.codePointAt(pos);
                pos += Character.charCount(cp);
                boolean quantifier = false;
                switch (cp) {
                    case '\\' -> escape(start);
                    case '[' -> {
                        bracket(start);
                        quantifiable = true;
                    }
                    case '(' -> {
                        out.append('(');
                        openGroups++;
                        quantifiable = false;
                    }
                    case ')' -> {
                        // IEEE 1003.1 9.4.3: ')' is special only when matched by a preceding '('.
                        if (openGroups > 0) {
                            out.append(')');
                            openGroups--;
                        } else {
                            literal(')');
                        }
                        quantifiable = true;
                    }
                    case '|' -> {
                        out.append('|');
                        quantifiable = false;
                    }
                    case '^' -> {
                        out.append('^');
                        quantifiable = false;
                    }
                    case '$' -> {
                        // Java's '$' also matches before a final line terminator; POSIX '$' only at the end.
                        out.append("\\z");
                        quantifiable = false;
                    }
                    case '.' -> {
                        out.append('.');
                        quantifiable = true;
                    }
                    case '*', '+', '?' -> {
                        checkQuantifiable(start, (char) cp);
                        out.append((char) cp);
                        quantifier = true;
                    }
                    case '{' -> {
                        checkQuantifiable(start, '{');
                        interval(start);
                        quantifier = true;
                    }
                    default -> {
                        literal(cp);
                        quantifiable = true;
                    }
                }
                afterQuantifier = quantifier;
            }
            if (openGroups > 0) {
                throw error(ere.length(), "unmatched '('");
            }
            return out.toString();
        }

        private void checkQuantifiable(int at, char symbol) {
            // IEEE 1003.1 9.4.6: a duplication symbol at the start, after '(', '|' or '^', or directly after
            // another duplication symbol is undefined; Java would give some of these other meanings
            // (possessive "a*+", lazy "a*?", "(?" groups), so they are rejected.
            if (afterQuantifier) {
                throw error(at, "'" + symbol + "' directly after another repetition is undefined in POSIX ERE");
            }
            if (!quantifiable) {
                throw error(at, "'" + symbol + "' has nothing to repeat");
            }
        }

        private void escape(int at) {
            if (pos >= ere.length()) {
                throw error(at, "trailing backslash");
            }
            int cp = ere.codePointAt(pos);
            pos += Character.charCount(cp);
            if (cp == '<' || cp == '>' || cp == '`' || cp == '\'') {
                // GNU word/buffer anchors: not ERE, and silently taking them literally would surprise.
                throw error(at, "'\\" + Character.toString(cp) + "' (a GNU anchor) is not part of POSIX ERE");
            }
            boolean alnum = cp < 128 && Character.isLetterOrDigit(cp);
            if (!alnum) {
                // '\' before a special (or any other punctuation) character makes it literal.
                literal(cp);
                quantifiable = true;
                return;
            }
            // Shorthands glibc's regcomp also accepts (so iFCs written for it keep working); ASCII, as in the C locale.
            switch (cp) {
                case 'w' -> out.append("[A-Za-z0-9_]");
                case 'W' -> out.append("[^A-Za-z0-9_]");
                case 's' -> out.append("\\s");
                case 'S' -> out.append("\\S");
                case 'b' -> out.append("\\b");
                case 'B' -> out.append("\\B");
                default -> throw error(at, "'\\" + Character.toString(cp)
                        + "' is not part of POSIX ERE (use a bracket expression such as [[:digit:]])");
            }
            quantifiable = cp == 'w' || cp == 'W' || cp == 's' || cp == 'S';
        }

        private void interval(int at) {
            int close = ere.indexOf('}', pos);
            if (close < 0) {
                throw error(at, "unterminated interval '{'");
            }
            String body = ere.substring(pos, close);
            int comma = body.indexOf(',');
            String min = comma < 0 ? body : body.substring(0, comma);
            String max = comma < 0 ? body : body.substring(comma + 1);
            // "{,n}" is a GNU spelling of "{0,n}"; Java rejects it.
            if (min.isEmpty() && comma >= 0) {
                min = "0";
            }
            int lo = bound(min, at);
            Integer hi = max.isEmpty() ? null : bound(max, at);
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
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error(at, "invalid interval '{" + ere.substring(at + 1, ere.indexOf('}', at)) + "}'");
            }
            int value = Integer.parseInt(digits);
            if (value > DUP_MAX) {
                throw error(at, "interval bound " + value + " exceeds RE_DUP_MAX (" + DUP_MAX + ")");
            }
            return value;
        }

        /** IEEE 1003.1 9.3.5 bracket expression; pos is just after the '['. */
        private void bracket(int at) {
            StringBuilder items = new StringBuilder();
            boolean negated = false;
            if (pos < ere.length() && ere.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            boolean first = true;
            while (true) {
                if (pos >= ere.length()) {
                    throw error(at, "unterminated bracket expression '['");
                }
                if (ere.charAt(pos) == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                if (ere.startsWith("[:", pos)) {
                    items.append(characterClass(at));
                    continue;
                }
                int low = rangeEndpoint(at);
                // '-' is literal first or last in the list; otherwise it forms a range.
                if (pos + 1 < ere.length() && ere.charAt(pos) == '-' && ere.charAt(pos + 1) != ']') {
                    pos++;
                    if (ere.startsWith("[:", pos) || ere.startsWith("[=", pos)) {
                        throw error(at, "a range cannot end with a character class");
                    }
                    int high = rangeEndpoint(at);
                    if (high < low) {
                        throw error(at, "range '" + Character.toString(low) + "-" + Character.toString(high)
                                + "' is out of order");
                    }
                    items.append(quoted(low)).append('-').append(quoted(high));
                } else {
                    items.append(quoted(low));
                }
            }
            out.append('[');
            if (negated) {
                out.append('^');
            }
            out.append(items).append(']');
        }

        /** A single character, collating symbol [.c.] or equivalence class [=c=] (the character itself). */
        private int rangeEndpoint(int at) {
            if (ere.startsWith("[.", pos) || ere.startsWith("[=", pos)) {
                char kind = ere.charAt(pos + 1);
                int end = ere.indexOf(kind + "]", pos + 2);
                if (end < 0) {
                    throw error(at, "unterminated '[" + kind + "' in bracket expression");
                }
                String element = ere.substring(pos + 2, end);
                if (element.isEmpty() || element.codePointCount(0, element.length()) != 1) {
                    throw error(at, "'[" + kind + element + kind + "]': only single-character collating"
                            + " elements are supported");
                }
                pos = end + 2;
                return element.codePointAt(0);
            }
            // Inside brackets a backslash is an ordinary character (IEEE 1003.1 9.3.5).
            int cp = ere.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }

        private String characterClass(int at) {
            int end = ere.indexOf(":]", pos + 2);
            if (end < 0) {
                throw error(at, "unterminated '[:' in bracket expression");
            }
            String name = ere.substring(pos + 2, end);
            pos = end + 2;
            return switch (name) {
                case "alnum" -> "\\p{Alnum}";
                case "alpha" -> "\\p{Alpha}";
                case "blank" -> "\\p{Blank}";
                case "cntrl" -> "\\p{Cntrl}";
                case "digit" -> "\\p{Digit}";
                case "graph" -> "\\p{Graph}";
                case "lower" -> "\\p{Lower}";
                case "print" -> "\\p{Print}";
                case "punct" -> "\\p{Punct}";
                case "space" -> "\\p{Space}";
                case "upper" -> "\\p{Upper}";
                case "xdigit" -> "\\p{XDigit}";
                default -> throw error(at, "unknown character class '[:" + name + ":]'");
            };
        }

        private void literal(int cp) {
            out.append(quoted(cp));
        }

        private static String quoted(int cp) {
            boolean plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
            return plain ? Character.toString(cp) : "\\x{" + Integer.toHexString(cp) + "}";
        }

        private InvalidIfcException error(int at, String problem) {
            return new InvalidIfcException(
                    "invalid regular expression '" + ere + "' at index " + at + ": " + problem);
        }
    }
}
