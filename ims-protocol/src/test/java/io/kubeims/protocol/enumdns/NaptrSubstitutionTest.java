package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.enumdns.InvalidNaptrRegexpException.Problem;
import io.kubeims.protocol.regex.InvalidPosixEreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NaptrSubstitutionTest {

    private static final String AUS = "+61355500911";

    @Test
    void replacesTheWholeNumber() {
        // Reference note: "!^.*$!sip:...!" matches anything and yields the URI unchanged.
        NaptrSubstitution s = NaptrSubstitution.parse("!^.*$!sip:61355500911@192.0.2.98!");
        assertEquals('!', s.delimiter());
        assertEquals("^.*$", s.ere());
        assertFalse(s.caseInsensitive());
        assertEquals(Optional.of("sip:61355500911@192.0.2.98"), s.apply(AUS));
    }

    @Test
    void fillsInABackReference() {
        NaptrSubstitution s = NaptrSubstitution.parse("!^\\+(.*)$!sip:\\1@regex.enum.example.net!");
        assertEquals(1, s.groupCount());
        assertEquals(Optional.of("sip:61255502000@regex.enum.example.net"), s.apply("+61255502000"));
    }

    @Test
    void keepsThePlusOfTheApplicationUniqueString() {
        // RFC 6116 2.4: the AUS is the number with its leading '+', so \1 of (^.*$) includes it.
        // The brief's example "!(^.*$)!sip:+\1@example.com!" therefore doubles the '+'.
        assertEquals(Optional.of("sip:++61355500911@example.com"),
                NaptrSubstitution.parse("!(^.*$)!sip:+\\1@example.com!").apply(AUS));
        assertEquals(Optional.of("sip:+61355500911@example.com"),
                NaptrSubstitution.parse("!(^.*$)!sip:\\1@example.com!").apply(AUS));
    }

    @Test
    void appliesTheNotesWildcardExpressionLiterally() {
        // The note's record "!(^.*$)!sip:+1\\1@...!" (zone text) is "!(^.*$)!sip:+1\1@...!" on the
        // wire; by RFC 3402 it yields "+1" followed by the whole AUS, not the note's comment
        // "sip:61255502000@regex...". The fixture uses "!^\+(.*)$!sip:\1@...!" instead.
        assertEquals(Optional.of("sip:+1+61255502000@enum.example.net"),
                NaptrSubstitution.parse("!(^.*$)!sip:+1\\1@enum.example.net!").apply("+61255502000"));
    }

    @Test
    void numbersGroupsByTheirOpeningParenthesis() {
        // RFC 3402 3.2 (and RFC 2168): the ERE (A(B(C)DE)(F)G) has \1=ABCDEFG, \2=BCDE, \3=C, \4=F.
        NaptrSubstitution s = NaptrSubstitution.parse("!(A(B(C)DE)(F)G)!\\1 \\2 \\3 \\4!");
        assertEquals(4, s.groupCount());
        assertEquals(Optional.of("ABCDEFG BCDE C F"), s.apply("ABCDEFG"));
    }

    @Test
    void appliesTheRfc3403CidExample() {
        // RFC 3403 6.1: "!^urn:cid:.+@([^\.]+\.)(.*)$!\2!i" turns
        // urn:cid:199606121851.1@bar.example.com into example.com. In POSIX the backslash inside
        // the bracket expression is a literal character.
        NaptrSubstitution s = NaptrSubstitution.parse("!^urn:cid:.+@([^\\.]+\\.)(.*)$!\\2!i");
        assertTrue(s.caseInsensitive());
        assertEquals(Optional.of("example.com"), s.apply("urn:cid:199606121851.1@bar.example.com"));
        assertEquals(Optional.of("example.com"), s.apply("URN:CID:199606121851.1@bar.example.com"));
    }

    @Test
    void matchesCaseSensitivelyWithoutTheIFlag() {
        NaptrSubstitution s = NaptrSubstitution.parse("!^urn:cid:.+@([^\\.]+\\.)(.*)$!\\2!");
        assertEquals(Optional.empty(), s.apply("URN:CID:199606121851.1@bar.example.com"));
    }

    @Test
    void returnsEmptyWhenTheEreDoesNotMatch() {
        assertEquals(Optional.empty(), NaptrSubstitution.parse("!^\\+44.*$!sip:uk@example.net!").apply(AUS));
    }

    @Test
    void givesAnUnmatchedGroupAsEmpty() {
        NaptrSubstitution s = NaptrSubstitution.parse("!^\\+(44)?(.*)$!sip:\\1\\2@example.net!");
        assertEquals(Optional.of("sip:61355500911@example.net"), s.apply(AUS));
    }

    @Test
    void translatesPosixCharacterClassesAndIntervals() {
        NaptrSubstitution s = NaptrSubstitution.parse("!^\\+([[:digit:]]{2})([[:digit:]]{1,13})$!sip:\\2@cc\\1.example.net!");
        assertEquals(Optional.of("sip:355500911@cc61.example.net"), s.apply(AUS));
        assertEquals(Optional.empty(), s.apply("+6135550091x"));
    }

    @Test
    void acceptsAnyOtherDelimiterAndEscapedDelimiters() {
        assertEquals(Optional.of("sip:61355500911@example.net"),
                NaptrSubstitution.parse("/^\\+(.*)$/sip:\\1@example.net/").apply(AUS));
        // An escaped delimiter is a literal delimiter, in the ERE and in the replacement.
        NaptrSubstitution hash = NaptrSubstitution.parse("#^a\\#(.*)$#sip:\\1\\#x@example.net#");
        assertEquals(Optional.of("sip:b#x@example.net"), hash.apply("a#b"));
        // A letter can delimit too; escaped, it is that letter.
        assertEquals(Optional.of("sip:q@example.net"),
                NaptrSubstitution.parse("q^.*$qsip:\\q@example.netq").apply(AUS));
    }

    @Test
    void readsADoubleBackslashInTheReplacementAsOneBackslash() {
        assertEquals(Optional.of("a\\b"), NaptrSubstitution.parse("!^.*$!a\\\\b!").apply(AUS));
    }

    @Test
    void comparesByExpression() {
        assertEquals(NaptrSubstitution.parse("!^.*$!sip:a@b!"), NaptrSubstitution.parse("!^.*$!sip:a@b!"));
        assertEquals("!^.*$!sip:a@b!", NaptrSubstitution.parse("!^.*$!sip:a@b!").toString());
    }

    // --- malformed expressions: one Problem each, with the expression in the message

    @ParameterizedTest
    @ValueSource(strings = {"", "!", "!^.*$", "!^.*$!sip:x@example.net", "!^.*$!sip:x@example.net\\!"})
    void reportsAMissingDelimiter(String expression) {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse(expression));
        assertEquals(Problem.MISSING_DELIMITER, e.problem());
        assertEquals(expression, e.expression());
    }

    @Test
    void saysHowManyDelimitersWereFound() {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse("!^.*$!sip:x@example.net"));
        assertTrue(e.getMessage().contains("'!^.*$!sip:x@example.net'"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2 of the 3"), e.getMessage());
    }

    @Test
    void reportsAnExtraDelimiter() {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse("!^.*$!sip:x@example.net!i!"));
        assertEquals(Problem.EXTRA_DELIMITER, e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1^.*$1sip:x@example.net1", "\\^.*$\\sip:x@example.net\\", "i^.*$isip:x@example.neti"})
    void reportsAnInvalidDelimiter(String expression) {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse(expression));
        assertEquals(Problem.INVALID_DELIMITER, e.problem());
        assertTrue(e.getMessage().contains("cannot be the delimiter"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the ERE syntax itself is tested in io.kubeims.protocol.regex.PosixEreTest
            "!^(.*$!sip:x@example.net!     | ^(.*$  | 1",
            "!!sip:x@example.net!          | ''     | 0",
            "!^\\d+$!sip:x@example.net!    | ^\\d+$ | 1",
            "#^[a-c-e]\\#$#sip:x@example.net# | ^[a-c-e]\\#$ | 5"})
    void reportsABadEre(String expression, String ere, int index) {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse(expression));
        assertEquals(Problem.BAD_ERE, e.problem());
        assertEquals(expression, e.expression());
        InvalidPosixEreException cause = assertInstanceOf(InvalidPosixEreException.class, e.getCause());
        assertEquals(ere, cause.expression());
        assertEquals(index, cause.index());
        assertEquals("invalid NAPTR regexp '" + expression + "' (BAD_ERE): '" + ere + "' at index " + index + ": "
                + cause.problem(), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "!^.*$!sip:\\1@example.net!       | the ERE has 0 groups",
            "!(^.*$)!sip:\\2@example.net!     | the ERE has 1 group",
            "!(A(B(C)DE)(F)G)!\\5!            | the ERE has 4 groups",
            "!(^.*$)!sip:\\0@example.net!     | \\0 is not an allowed back-reference"})
    void reportsABackReferenceBeyondTheGroups(String expression, String hint) {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse(expression));
        assertEquals(Problem.BAD_BACKREFERENCE, e.problem());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"!^.*$!sip:x@example.net!g", "!^.*$!sip:x@example.net!I", "!^.*$!sip:x@example.net!i "})
    void reportsABadFlag(String expression) {
        InvalidNaptrRegexpException e = assertThrows(InvalidNaptrRegexpException.class,
                () -> NaptrSubstitution.parse(expression));
        assertEquals(Problem.BAD_FLAG, e.problem());
        assertTrue(e.getMessage().contains("defines only 'i'"), e.getMessage());
    }
}
