package io.kubeims.protocol.regex;

/**
 * One bracket expression of an ERE (IEEE Std 1003.1 XBD 9.3.5, grammar 9.5.2, POSIX locale) as a Java character
 * class. Everything is re-quoted, since '[', '&&' and '\' inside a Java class mean something else.
 */
final class BracketExpression {

    private final String ere;
    private final int open;
    private final StringBuilder items = new StringBuilder("[");
    private final String java;
    private int pos;

    /**
     * Reads the bracket expression starting at {@code open}.
     *
     * @param open the index of the '[' that opens the expression
     * @throws InvalidPosixEreException if the expression is not closed or not valid
     */
    BracketExpression(String ere, int open) {
        this.ere = ere;
        this.open = open;
        this.pos = open + 1;
        this.java = parse();
    }

    /** @return the equivalent Java character class */
    String toJava() {
        return java;
    }

    /** @return the index just after the closing ']' */
    int end() {
        return pos;
    }

    private String parse() {
        if (pos < ere.length() && ere.charAt(pos) == '^') {
            items.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= ere.length()) {
                throw error(open, "unterminated bracket expression '['");
            }
            char c = ere.charAt(pos);
            // ']' first (after an optional '^') is a literal; anywhere else it closes the list.
            if (c == ']' && !first) {
                pos++;
                return items.append(']').toString();
            }
            if (ere.startsWith("[:", pos)) {
                items.append(characterClass());
            } else if (ere.startsWith("[=", pos)) {
                // Only single characters are primary-equivalent to themselves in the POSIX locale.
                items.append(EreTranslation.quoted(delimited('=')));
            } else {
                expressionTerm(first);
            }
            first = false;
        }
    }

    /** A single character or collating symbol, alone or as the start of a range expression. */
    private void expressionTerm(boolean first) {
        int at = pos;
        boolean hyphen = ere.charAt(pos) == '-';
        boolean last = pos + 1 < ere.length() && ere.charAt(pos + 1) == ']';
        // XBD 9.3.5: '-' is itself only first, last or as the end of a range; "[a-m-o]" and a '-' after a class
        // are undefined.
        if (hyphen && !first && !last && pos + 1 < ere.length()) {
            throw error(at, "'-' is neither first, last nor part of a range");
        }
        int low = rangePoint();
        boolean range = pos + 1 < ere.length() && ere.charAt(pos) == '-' && ere.charAt(pos + 1) != ']';
        if (!range) {
            items.append(EreTranslation.quoted(low));
            return;
        }
        pos++;
        if (ere.startsWith("[:", pos) || ere.startsWith("[=", pos)) {
            throw error(pos, "a range cannot end with a character class or an equivalence class");
        }
        int high = rangePoint();
        if (high < low) {
            // In the POSIX locale the collation sequence is the code point order.
            throw error(at, "range '" + ere.substring(at, pos) + "' is out of order");
        }
        items.append(EreTranslation.quoted(low)).append('-').append(EreTranslation.quoted(high));
    }

    /** A range point: a single character or a collating symbol [.c.]; a backslash is an ordinary character here. */
    private int rangePoint() {
        if (ere.startsWith("[.", pos)) {
            return delimited('.');
        }
        int cp = ere.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    /** The single character of "[.c.]" or "[=c=]"; pos is at its '['. */
    private int delimited(char kind) {
        int at = pos;
        int end = ere.indexOf(kind + "]", pos + 2);
        if (end < 0) {
            throw error(at, "unterminated '[" + kind + "' in bracket expression");
        }
        String element = ere.substring(pos + 2, end);
        if (element.isEmpty() || element.codePointCount(0, element.length()) != 1) {
            // XBD 9.3.5: a collating symbol that is not a collating element of the locale is invalid.
            throw error(at, "'[" + kind + element + kind + "]' is not a single-character collating element,"
                    + " the only kind the POSIX locale has");
        }
        pos = end + 2;
        return element.codePointAt(0);
    }

    private String characterClass() {
        int at = pos;
        int end = ere.indexOf(":]", pos + 2);
        if (end < 0) {
            throw error(at, "unterminated '[:' in bracket expression");
        }
        String name = ere.substring(pos + 2, end);
        pos = end + 2;
        // The classes every locale has (XBD 9.3.5), with their POSIX-locale members; Java's \p{..} are ASCII.
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

    private InvalidPosixEreException error(int at, String problem) {
        return new InvalidPosixEreException(ere, at, problem);
    }
}
