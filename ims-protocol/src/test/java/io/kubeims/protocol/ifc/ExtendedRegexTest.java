package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POSIX ERE semantics (IEEE Std 1003.1 chapter 9) as regexec() without REG_NEWLINE applies them. */
class ExtendedRegexTest {

    private static boolean find(String ere, String subject) {
        return ExtendedRegex.compile(ere).find(subject);
    }

    @Test
    void searchesAnywhereUnlessAnchored() {
        assertTrue(find("voicemail", "sip:voicemail@example.com"));
        assertFalse(find("^voicemail", "sip:voicemail@example.com"));
        assertTrue(find("^sip:", "sip:voicemail@example.com"));
        assertFalse(find("example$", "sip:voicemail@example.com"));
        assertTrue(find("example\\.com$", "sip:voicemail@example.com"));
    }

    @Test
    void dollarMatchesOnlyAtTheVeryEnd() {
        // Java's '$' would also match before a final newline; POSIX '$' (no REG_NEWLINE) does not.
        assertFalse(find("^abc$", "abc\n"));
        assertTrue(find("^abc$", "abc"));
    }

    @Test
    void periodAndNonMatchingListMatchNewline() {
        assertTrue(find("^a.c$", "a\nc"));
        assertTrue(find("^a[^b]c$", "a\nc"));
    }

    @Test
    void posixCharacterClasses() {
        assertTrue(find("^[[:digit:]]{3}$", "123"));
        assertFalse(find("^[[:digit:]]{3}$", "12a"));
        assertTrue(find("^[[:alpha:][:digit:]]+$", "abc123"));
        assertFalse(find("^[[:alpha:][:digit:]]+$", "abc-123"));
        assertTrue(find("[[:upper:]]", "abC"));
        assertFalse(find("[[:upper:]]", "abc"));
        assertTrue(find("^[[:xdigit:]]+$", "09afAF"));
        assertFalse(find("^[[:xdigit:]]+$", "0g"));
        assertTrue(find("[[:space:]]", "a\tb"));
        assertTrue(find("^[[:punct:]]+$", "!;-"));
        assertTrue(find("^[^[:digit:]]+$", "abc"));
        assertFalse(find("^[^[:digit:]]+$", "ab1"));
    }

    @ParameterizedTest(name = "[{0}] on ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
        // ']' first in a list is literal, also after '^'
        "[]a]|]|true",
        "[]a]|b|false",
        "[^]a]|]|false",
        "[^]a]|b|true",
        // a backslash inside a bracket expression is an ordinary character
        "[\\d]|\\|true",
        "[\\d]|d|true",
        "[\\d]|5|false",
        // '-' first or last is literal
        "[a-]|-|true",
        "[-a]|-|true",
        "[a-c]|b|true",
        "[a-c]|-|false",
        // '&&' means nothing special in POSIX (it is class intersection in Java)
        "[a&&b]|&|true",
        // collating symbol and equivalence class of a single character
        "[[.-.]]|-|true",
        "[[=e=]]|e|true",
        // '[' inside a list is literal when not opening a class
        "[[a]|[|true",
    })
    void bracketExpressions(String ere, String subject, boolean expected) {
        assertEquals(expected, find("^" + ere + "$", subject));
    }

    @Test
    void escapesAndSpecialCharacters() {
        assertTrue(find("a\\.b", "a.b"));
        assertFalse(find("a\\.b", "axb"));
        assertTrue(find("a.b", "axb"));
        assertTrue(find("^\\+1", "+1555"));
        assertTrue(find("\\(x\\)", "(x)"));
        // An unmatched ')' is an ordinary character (IEEE 1003.1 9.4.3).
        assertTrue(find("a)", "a)"));
        // '}' and ']' alone are ordinary characters.
        assertTrue(find("a}]", "a}]"));
    }

    @Test
    void alternationGroupingAndIntervals() {
        assertTrue(find("^(INVITE|MESSAGE)$", "MESSAGE"));
        assertFalse(find("^(INVITE|MESSAGE)$", "OPTIONS"));
        assertTrue(find("^(ab)+c$", "ababc"));
        assertFalse(find("^(ab)+c$", "abac"));
        assertTrue(find("^x{2,3}$", "xxx"));
        assertFalse(find("^x{2,3}$", "xxxx"));
        assertTrue(find("^x{2,}$", "xxxxx"));
        assertTrue(find("^x{2}$", "xx"));
        assertTrue(find("^ab?c$", "ac"));
        assertTrue(find("^a*$", ""));
        // GNU spelling {,n} of {0,n}
        assertTrue(find("^ax{,2}b$", "ab"));
        assertFalse(find("^ax{,2}b$", "axxxb"));
    }

    @Test
    void glibcShorthandsAreAccepted() {
        assertTrue(find("^\\w+\\s\\w+$", "ab_1 c"));
        assertFalse(find("^\\w+$", "a-b"));
        assertTrue(find("^\\S+$", "a-b"));
        assertTrue(find("\\bINVITE\\b", "x INVITE y"));
        assertFalse(find("\\bVITE", "INVITE"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(find("invite", "INVITE"));
    }

    @ParameterizedTest(name = "''{0}'' rejected: {1}")
    @CsvSource(delimiter = '#', value = {
        "\\d+#not part of POSIX ERE",
        "\\1#not part of POSIX ERE",
        "\\<word#GNU anchor",
        "[abc#unterminated bracket expression",
        "a**#directly after another repetition",
        "a+?#directly after another repetition",
        "*a#nothing to repeat",
        "a|*b#nothing to repeat",
        "(?i)a#nothing to repeat",
        "^*a#nothing to repeat",
        "(ab#unmatched '('",
        "[[:foo:]]#unknown character class",
        "a{3,1}#maximum below its minimum",
        "a{x}#invalid interval",
        "a{2#unterminated interval",
        "a{256}#exceeds RE_DUP_MAX",
        "[z-a]#out of order",
        "a\\#trailing backslash",
        "[[.ab.]]#single-character collating",
    })
    void invalidExpressionsAreRejectedWithTheProblem(String ere, String problem) {
        InvalidIfcException e = assertThrows(InvalidIfcException.class, () -> ExtendedRegex.compile(ere));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("'" + ere + "'"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(InvalidIfcException.class, () -> ExtendedRegex.compile(null));
    }

    @Test
    void equalityIsByExpression() {
        assertEquals(ExtendedRegex.compile("^a+$"), ExtendedRegex.compile("^a+$"));
        assertEquals(ExtendedRegex.compile("^a+$").hashCode(), ExtendedRegex.compile("^a+$").hashCode());
        assertNotEquals(ExtendedRegex.compile("^a+$"), ExtendedRegex.compile("^a+"));
        assertEquals("^a+$", ExtendedRegex.compile("^a+$").expression());
    }
}
