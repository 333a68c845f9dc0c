package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.regex.InvalidPosixEreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The iFC view of a POSIX ERE: a case-sensitive regexec() search, errors as {@link InvalidIfcException}. The ERE
 * syntax itself is tested in {@code io.kubeims.protocol.regex.PosixEreTest}.
 */
class ExtendedRegexTest {

    @Test
    void searchesAnywhereUnlessAnchored() {
        assertTrue(ExtendedRegex.compile("voicemail").find("sip:voicemail@example.com"));
        assertFalse(ExtendedRegex.compile("^voicemail").find("sip:voicemail@example.com"));
    }

    @Test
    void matchingIsCaseSensitive() {
        // TS 29.228 Annex B gives no case-insensitive flag; regcomp() without REG_ICASE.
        assertFalse(ExtendedRegex.compile("invite").find("INVITE"));
        assertTrue(ExtendedRegex.compile("INVITE").find("INVITE"));
    }

    @ParameterizedTest(name = "''{0}'' rejected at index {1}")
    @CsvSource(delimiter = '#', value = {
        "[abc#0",
        "a{256}#1",
        "(?i)a#1",
        "\\d#0",
    })
    void invalidExpressionsAreInvalidIfcData(String ere, int index) {
        InvalidIfcException e = assertThrows(InvalidIfcException.class, () -> ExtendedRegex.compile(ere));
        InvalidPosixEreException cause = assertInstanceOf(InvalidPosixEreException.class, e.getCause());
        assertEquals(index, cause.index());
        assertEquals("invalid regular expression '" + ere + "' at index " + index + ": " + cause.problem(),
                e.getMessage());
    }

    @Test
    void nullIsRejected() {
        InvalidIfcException e = assertThrows(InvalidIfcException.class, () -> ExtendedRegex.compile(null));
        assertEquals("regular expression is required", e.getMessage());
    }

    @Test
    void charactersXmlCannotCarryAreRejected() {
        // Cx-User-Data carries the expression as XML 1.0 text.
        InvalidIfcException e = assertThrows(InvalidIfcException.class, () -> ExtendedRegex.compile("a\u0001b"));
        assertTrue(e.getMessage().contains("U+0001 at index 1, which XML 1.0 cannot carry"), e.getMessage());
    }

    @Test
    void equalityIsByExpression() {
        assertEquals(ExtendedRegex.compile("^a+$"), ExtendedRegex.compile("^a+$"));
        assertEquals(ExtendedRegex.compile("^a+$").hashCode(), ExtendedRegex.compile("^a+$").hashCode());
        assertNotEquals(ExtendedRegex.compile("^a+$"), ExtendedRegex.compile("^a+"));
        assertEquals("^a+$", ExtendedRegex.compile("^a+$").expression());
        assertEquals("^a+$", ExtendedRegex.compile("^a+$").toString());
    }
}
