package io.kubeims.protocol.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POSIX ERE syntax and semantics (IEEE Std 1003.1 XBD 9.3.5, 9.4) as regexec() without REG_NEWLINE applies them;
 * quoted examples are the standard's own.
 */
class PosixEreTest {

    private static final boolean CASE = false;
    private static final boolean ICASE = true;

    /** ERE, REG_ICASE, subject, whether the ERE matches somewhere in the subject. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                // searched anywhere unless anchored
                arguments("voicemail", CASE, "sip:voicemail@example.com", true),
                arguments("^voicemail", CASE, "sip:voicemail@example.com", false),
                arguments("^sip:", CASE, "sip:voicemail@example.com", true),
                arguments("example$", CASE, "sip:voicemail@example.com", false),
                arguments("example\\.com$", CASE, "sip:voicemail@example.com", true),
                // '$' only at the very end (Java's '$' would also match before a final newline)
                arguments("^abc$", CASE, "abc\n", false),
                arguments("^abc$", CASE, "abc", true),
                // XBD 9.2: '.' and a non-matching list match a newline
                arguments("^a.c$", CASE, "a\nc", true),
                arguments("^a[^b]c$", CASE, "a\nc", true),
                // '.' is one character, also outside the BMP
                arguments("^.$", CASE, "\uD83D\uDE00", true),
                arguments("^[\uD83D\uDE00]$", CASE, "\uD83D\uDE00", true),
                // XBD 9.4.9: anchors anywhere, "a^b" and "e$f" are valid but never match
                arguments("a^b", CASE, "a^b", false),
                arguments("e$f", CASE, "e$f", false),
                arguments("(^ab)", CASE, "abcdef", true),
                arguments("(^ab)", CASE, "cdefab", false),
                arguments("(ef$)", CASE, "abcdef", true),
                // character classes
                arguments("^[[:digit:]]{3}$", CASE, "123", true),
                arguments("^[[:digit:]]{3}$", CASE, "12a", false),
                arguments("^[[:alpha:][:digit:]]+$", CASE, "abc123", true),
                arguments("^[[:alpha:][:digit:]]+$", CASE, "abc-123", false),
                arguments("[[:upper:]]", CASE, "abC", true),
                arguments("[[:upper:]]", CASE, "abc", false),
                arguments("^[[:xdigit:]]+$", CASE, "09afAF", true),
                arguments("^[[:xdigit:]]+$", CASE, "0g", false),
                arguments("[[:space:]]", CASE, "a\tb", true),
                arguments("^[[:punct:]]+$", CASE, "!;-", true),
                arguments("^[^[:digit:]]+$", CASE, "abc", true),
                arguments("^[^[:digit:]]+$", CASE, "ab1", false),
                arguments("^\\+([[:digit:]]{2})([[:digit:]]{1,13})$", CASE, "+61355500911", true),
                arguments("^\\+([[:digit:]]{2})([[:digit:]]{1,13})$", CASE, "+6135550091x", false),
                // ']' first in a list is literal, also after '^'
                arguments("^[]a]$", CASE, "]", true),
                arguments("^[]a]$", CASE, "b", false),
                arguments("^[^]a]$", CASE, "]", false),
                arguments("^[^]a]$", CASE, "b", true),
                arguments("^[]x]+$", CASE, "]x]", true),
                // a backslash inside a bracket expression is an ordinary character
                arguments("^[\\d]$", CASE, "\\", true),
                arguments("^[\\d]$", CASE, "d", true),
                arguments("^[\\d]$", CASE, "5", false),
                arguments("^urn:cid:.+@([^\\.]+\\.)(.*)$", CASE, "urn:cid:199606121851.1@bar.example.com", true),
                // '-' first or last is literal; ranges
                arguments("^[a-]$", CASE, "-", true),
                arguments("^[-a]$", CASE, "-", true),
                arguments("^[a-c]$", CASE, "b", true),
                arguments("^[a-c]$", CASE, "-", false),
                arguments("^[a-c-]+$", CASE, "a-cb", true),
                arguments("^[^-ac]$", CASE, "b", true),
                arguments("^[^-ac]$", CASE, "-", false),
                arguments("^[^0-9]+$", CASE, "+", true),
                // XBD 9.3.5: "[%--]" is '%' to '-', "[--@]" is '-' to '@', "[][.-.]-0]" is ']' or '-' to '0'
                arguments("^[%--]$", CASE, "*", true),
                arguments("^[%--]$", CASE, ".", false),
                arguments("^[--@]$", CASE, "5", true),
                arguments("^[--@]$", CASE, "A", false),
                arguments("^[][.-.]-0]$", CASE, "]", true),
                arguments("^[][.-.]-0]$", CASE, "/", true),
                arguments("^[][.-.]-0]$", CASE, "1", false),
                // '&&' and '[' mean nothing special in POSIX (intersection and union in Java)
                arguments("^[a&&b]$", CASE, "&", true),
                arguments("^[&[]+$", CASE, "&[&", true),
                arguments("^[[a]$", CASE, "[", true),
                // collating symbols and equivalence classes of a single character
                arguments("^[[.-.]]$", CASE, "-", true),
                arguments("^[[=e=]]$", CASE, "e", true),
                arguments("^[[.+.][=7=]]+$", CASE, "+77", true),
                arguments("^[a-[.c.]]$", CASE, "b", true),
                // escapes and ordinary characters
                arguments("a\\.b", CASE, "a.b", true),
                arguments("a\\.b", CASE, "axb", false),
                arguments("a.b", CASE, "axb", true),
                arguments("^\\+1", CASE, "+1555", true),
                arguments("\\(x\\)", CASE, "(x)", true),
                arguments("a\\]\\}", CASE, "a]}", true),
                arguments("^a\\{2\\}$", CASE, "a{2}", true),
                arguments("^a\\-b\\#$", CASE, "a-b#", true),
                // XBD 9.4.3: an unmatched ')' is an ordinary character; '}' and ']' alone are too
                arguments("a)", CASE, "a)", true),
                arguments("a}]", CASE, "a}]", true),
                // alternation, grouping, duplication (XBD 9.4.6 to 9.4.8)
                arguments("^(INVITE|MESSAGE)$", CASE, "MESSAGE", true),
                arguments("^(INVITE|MESSAGE)$", CASE, "OPTIONS", false),
                arguments("a((bc)|d)", CASE, "abc", true),
                arguments("a((bc)|d)", CASE, "ad", true),
                arguments("^(abba|cde)$", CASE, "abbcde", false),
                arguments("^(ab)+c$", CASE, "ababc", true),
                arguments("^(ab)+c$", CASE, "abac", false),
                arguments("b+(bc)", CASE, "acabbbcde", true),
                arguments("(ab){2,}", CASE, "abababccccccd", true),
                arguments("^x{2,3}$", CASE, "xxx", true),
                arguments("^x{2,3}$", CASE, "xxxx", false),
                arguments("^x{2,}$", CASE, "xxxxx", true),
                arguments("^x{2}$", CASE, "xx", true),
                arguments("^x{0}y$", CASE, "y", true),
                arguments("^x{002}$", CASE, "xx", true),
                arguments("^x{255}$", CASE, "x".repeat(255), true),
                arguments("^ab?c$", CASE, "ac", true),
                arguments("^a*$", CASE, "", true),
                // glibc shorthands, ASCII as in the C locale
                arguments("^\\w+\\s\\w+$", CASE, "ab_1 c", true),
                arguments("^\\w+$", CASE, "a-b", false),
                arguments("^\\W$", CASE, "-", true),
                arguments("^\\S+$", CASE, "a-b", true),
                arguments("\\bINVITE\\b", CASE, "x INVITE y", true),
                arguments("\\bVITE", CASE, "INVITE", false),
                arguments("\\BVITE", CASE, "INVITE", true),
                // REG_ICASE
                arguments("invite", CASE, "INVITE", false),
                arguments("invite", ICASE, "INVITE", true),
                arguments("^[a-c]+$", ICASE, "ABC", true),
                arguments("^urn:cid:.+@([^\\.]+\\.)(.*)$", ICASE, "URN:CID:199606121851.1@bar.example.com", true),
                arguments("^urn:cid:.+@([^\\.]+\\.)(.*)$", CASE, "URN:CID:199606121851.1@bar.example.com", false));
    }

    @ParameterizedTest(name = "{0} (icase {1}) on ''{2}'' -> {3}")
    @MethodSource("accepted")
    void acceptedExpressionsMatchAsPosixSays(String ere, boolean caseInsensitive, String subject, boolean matches) {
        assertEquals(matches, PosixEre.compile(ere, caseInsensitive).find(subject));
    }

    @ParameterizedTest(name = "''{0}'' rejected at {1}: {2}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        // empty, escapes
        "\"\"#0#the ERE is empty",
        "a\\#1#trailing backslash",
        "\\d+#0#'\\d' is not part of POSIX ERE",
        "^\\d+$#1#'\\d' is not part of POSIX ERE",
        "\\1#0#not part of POSIX ERE (an ERE has no back-references)",
        "\\é#0#'\\é' is not part of POSIX ERE",
        "\\<word#0#GNU anchor",
        "a\\>#1#GNU anchor",
        "\\`a#0#GNU anchor",
        "a\\'#1#GNU anchor",
        // duplication with nothing to repeat (XBD 9.4.3)
        "*a#0#'*' has nothing to repeat",
        "a|*b#2#'*' has nothing to repeat",
        "^*a#1#'*' has nothing to repeat",
        "a$*#2#'*' has nothing to repeat",
        "\\b*#2#'*' has nothing to repeat",
        "(?i)a#1#'?' has nothing to repeat ('(?' groups are not part of POSIX ERE)",
        "^(?i)abc$#2#'?' has nothing to repeat ('(?' groups are not part of POSIX ERE)",
        "{2}#0#'{' has nothing to repeat",
        // stacked duplication (XBD 9.4.6), i.e. no lazy or possessive quantifiers
        "a**#2#'*' directly after another repetition",
        "a+?#2#'?' directly after another repetition",
        "^.*?$#3#'?' directly after another repetition",
        "^.*+$#3#'+' directly after another repetition",
        "a{2}{3}#4#'{' directly after another repetition",
        "a*{2}#2#'{' directly after another repetition",
        // groups
        "(ab#0#unmatched '('",
        "^(.*$#1#unmatched '('",
        "(a(b#2#unmatched '('",
        // intervals
        "a{3,1}#1#interval {3,1} has its maximum below its minimum",
        "^a{3,2}$#2#interval {3,2} has its maximum below its minimum",
        "a{x}#1#invalid interval '{x}'",
        "a{1,2,3}#1#invalid interval '{1,2,3}'",
        "a{,}#1#invalid interval '{,}'",
        "^ax{,2}b$#3#invalid interval '{,2}': the minimum is required",
        "a{2#1#unterminated interval '{'",
        "^a{2$#2#unterminated interval '{'",
        "a{256}#1#interval bound 256 exceeds RE_DUP_MAX (255)",
        "a{1000}#1#interval bound 1000 exceeds RE_DUP_MAX (255)",
        "a{1,0300}#1#interval bound 300 exceeds RE_DUP_MAX (255)",
        // bracket expressions (XBD 9.3.5)
        "[abc#0#unterminated bracket expression '['",
        "^[abc$#1#unterminated bracket expression '['",
        "[]#0#unterminated bracket expression '['",
        "[[:foo:]]#1#unknown character class '[:foo:]'",
        "^[[:digits:]]$#2#unknown character class '[:digits:]'",
        "[[:alpha]#1#unterminated '[:' in bracket expression",
        "[[.a]#1#unterminated '[.' in bracket expression",
        "[z-a]#1#range 'z-a' is out of order",
        "^[z-a]$#2#range 'z-a' is out of order",
        "[a--@]#1#range 'a--' is out of order",
        "^[a-c-e]$#5#'-' is neither first, last nor part of a range",
        "[[=a=]-z]#6#'-' is neither first, last nor part of a range",
        "[[:alpha:]-z]#10#'-' is neither first, last nor part of a range",
        "[a-[:digit:]]#3#a range cannot end with a character class or an equivalence class",
        "[a-[=e=]]#3#a range cannot end with a character class or an equivalence class",
        "[[.ab.]]#1#'[.ab.]' is not a single-character collating element",
        "^[[.ab.]]$#2#'[.ab.]' is not a single-character collating element",
        "[[==]]#1#'[==]' is not a single-character collating element",
    })
    void rejectedExpressionsNameTheProblemAndWhereItIs(String ere, int index, String problem) {
        InvalidPosixEreException e = assertThrows(InvalidPosixEreException.class, () -> PosixEre.compile(ere, false));
        assertTrue(e.problem().contains(problem), e.problem());
        assertEquals(index, e.index(), e.getMessage());
        assertEquals(ere, e.expression());
        assertEquals("invalid POSIX ERE '" + ere + "' at index " + index + ": " + e.problem(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} has {1} groups")
    @CsvSource(delimiter = '#', value = {
        // XBD 9.4.3: escaped, bracketed and unmatched parentheses are ordinary characters
        "(A(B(C)DE)(F)G)#4",
        "\\(x\\)#0",
        "[(]a)#0",
        "(a)|(b)#2",
        "^.*$#0",
    })
    void groupsAreTheParenthesisedSubexpressions(String ere, int groups) {
        assertEquals(groups, PosixEre.compile(ere, false).groupCount());
        assertEquals(groups, PosixEre.compile(ere, false).pattern().matcher("").groupCount());
    }

    @Test
    void nullIsNotAnExpression() {
        assertThrows(NullPointerException.class, () -> PosixEre.compile(null, false));
    }

    @Test
    void equalityIsByExpressionAndCaseSensitivity() {
        PosixEre plain = PosixEre.compile("^a+$", false);
        assertEquals(plain, PosixEre.compile("^a+$", false));
        assertEquals(plain.hashCode(), PosixEre.compile("^a+$", false).hashCode());
        assertNotEquals(plain, PosixEre.compile("^a+", false));
        assertNotEquals(plain, PosixEre.compile("^a+$", true));
        assertEquals("^a+$", plain.expression());
        assertEquals("^a+$", plain.toString());
        assertTrue(PosixEre.compile("^a+$", true).caseInsensitive());
    }
}
