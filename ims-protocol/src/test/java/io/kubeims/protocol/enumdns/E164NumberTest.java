package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class E164NumberTest {

    @Test
    void mapsTheNotesNumberToItsEnumDomain() {
        // Reference note (seeds/001): +61355500911 -> 1.1.9.0.0.5.5.5.3.1.6.e164.arpa
        E164Number number = E164Number.parse("+61355500911");
        assertEquals("61355500911", number.digits());
        assertEquals("+61355500911", number.applicationUniqueString());
        assertEquals("1.1.9.0.0.5.5.5.3.1.6.e164.arpa", number.toEnumDomain());
    }

    @Test
    void mapsTheRfc6116ExampleWithVisualSeparators() {
        // RFC 6116 2.4: +44-20-7946-0148 -> 8.4.1.0.6.4.9.7.0.2.4.4.e164.arpa
        E164Number number = E164Number.parse("+44-20-7946-0148");
        assertEquals("+442079460148", number.applicationUniqueString());
        assertEquals("8.4.1.0.6.4.9.7.0.2.4.4.e164.arpa", number.toEnumDomain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+61 3 5550 0911", "+61 (3) 5550-0911", "+61.3.5550.0911", "  +61355500911  "})
    void dropsVisualSeparators(String text) {
        assertEquals(new E164Number("61355500911"), E164Number.parse(text));
    }

    @Test
    void usesAConfiguredSuffix() {
        E164Number number = E164Number.parse("+61355500911");
        assertEquals("1.1.9.0.0.5.5.5.3.1.6.e164.example.net",
                number.toEnumDomain(new EnumSuffix("E164.Example.NET.")));
    }

    @Test
    void acceptsOneToFifteenDigits() {
        assertEquals("1.e164.arpa", E164Number.parse("+1").toEnumDomain());
        assertEquals("123456789012345", E164Number.parse("+123456789012345").digits());
    }

    @Test
    void takesTheNumberOfATelUri() {
        assertEquals(new E164Number("61355500911"), E164Number.fromTelUri("tel:+61355500911;phone-context=ims.example.net"));
        assertEquals(new E164Number("61355500911"), E164Number.fromTelUri("TEL:+61-3-5550-0911;ext=12"));
        assertEquals(new E164Number("61355500911"), E164Number.fromTelUri("tel:+61355500911"));
    }

    @Test
    void takesTheNumberOfASipUriWithUserPhone() {
        assertEquals(new E164Number("61355500911"), E164Number.fromSipUri("sip:+61355500911@ims.example.net;user=phone"));
        assertEquals(new E164Number("61355500911"),
                E164Number.fromSipUri("sips:+61-3-5550-0911;npdi@ims.example.net;transport=tcp;USER=Phone?subject=a@b"));
        assertEquals(new E164Number("61355500911"), E164Number.fromSipUri("sip:%2B61355500911@ims.example.net;user=phone"));
    }

    @Test
    void rejectsANumberWithoutPlus() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class, () -> E164Number.parse("61355500911"));
        assertEquals("61355500911", e.input());
        assertTrue(e.getMessage().contains("must start with '+'"), e.getMessage());
    }

    @Test
    void rejectsALetter() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class, () -> E164Number.parse("+6135550091a"));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void rejectsSixteenDigits() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class,
                () -> E164Number.parse("+1234567890123456"));
        assertTrue(e.getMessage().contains("16 digits"), e.getMessage());
    }

    @Test
    void rejectsNoDigits() {
        assertTrue(assertThrows(InvalidE164NumberException.class, () -> E164Number.parse("+ -"))
                .getMessage().contains("no digits"));
        assertThrows(InvalidE164NumberException.class, () -> E164Number.parse(""));
        assertThrows(InvalidE164NumberException.class, () -> E164Number.parse(null));
    }

    @Test
    void rejectsACountryCodeStartingWithZero() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class, () -> E164Number.parse("+0011"));
        assertTrue(e.getMessage().contains("starts with 0"), e.getMessage());
    }

    @Test
    void rejectsBadDigitsInTheCanonicalConstructor() {
        assertThrows(InvalidE164NumberException.class, () -> new E164Number("+6135"));
        assertThrows(InvalidE164NumberException.class, () -> new E164Number(""));
        assertThrows(InvalidE164NumberException.class, () -> new E164Number(null));
    }

    @Test
    void rejectsALocalTelUri() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class,
                () -> E164Number.fromTelUri("tel:5550911;phone-context=+613"));
        assertTrue(e.getMessage().contains("local number"), e.getMessage());
    }

    @Test
    void rejectsAnotherSchemeAsTelUri() {
        assertThrows(InvalidE164NumberException.class, () -> E164Number.fromTelUri("sip:+61355500911@h;user=phone"));
    }

    @Test
    void rejectsASipUriWithoutUserPhone() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class,
                () -> E164Number.fromSipUri("sip:+61355500911@ims.example.net"));
        assertTrue(e.getMessage().contains("user=phone"), e.getMessage());
    }

    @Test
    void rejectsASipUriWithoutUserPart() {
        InvalidE164NumberException e = assertThrows(InvalidE164NumberException.class,
                () -> E164Number.fromSipUri("sip:ims.example.net;user=phone"));
        assertTrue(e.getMessage().contains("no user part"), e.getMessage());
    }

    @Test
    void rejectsASipUriWithALocalNumber() {
        assertThrows(InvalidE164NumberException.class,
                () -> E164Number.fromSipUri("sip:5550911;phone-context=+613@ims.example.net;user=phone"));
    }

    @Test
    void rejectsATelUriAsSipUri() {
        assertThrows(InvalidE164NumberException.class, () -> E164Number.fromSipUri("tel:+61355500911"));
    }

    @Test
    void rejectsABadPercentEscape() {
        assertThrows(InvalidE164NumberException.class, () -> E164Number.fromSipUri("sip:%2@ims.example.net;user=phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "e164..arpa", "e164_arpa", "-e164.arpa", "e164.arpa-"})
    void rejectsABadSuffix(String suffix) {
        InvalidEnumSettingsException e = assertThrows(InvalidEnumSettingsException.class, () -> new EnumSuffix(suffix));
        assertEquals("suffix", e.setting());
    }
}
