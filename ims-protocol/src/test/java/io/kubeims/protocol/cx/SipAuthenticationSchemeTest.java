package io.kubeims.protocol.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipAuthenticationSchemeTest {

    @Test
    void wireValuesOfTs29228() {
        // TS 29.228 clause 6.3, Authentication Scheme values, sent verbatim in SIP-Authentication-Scheme.
        assertEquals("Digest-AKAv1-MD5", SipAuthenticationScheme.DIGEST_AKA_V1_MD5.wireValue());
        assertEquals("SIP Digest", SipAuthenticationScheme.SIP_DIGEST.wireValue());
        assertEquals("NASS-Bundled", SipAuthenticationScheme.NASS_BUNDLED.wireValue());
        assertEquals("Early-IMS-Security", SipAuthenticationScheme.EARLY_IMS_SECURITY.wireValue());
        assertEquals("Unknown", SipAuthenticationScheme.UNKNOWN.wireValue());
        assertEquals(5, SipAuthenticationScheme.values().length);
    }

    @ParameterizedTest
    @EnumSource(SipAuthenticationScheme.class)
    void parseRoundTrips(SipAuthenticationScheme scheme) {
        assertSame(scheme, SipAuthenticationScheme.parse(scheme.wireValue()));
    }

    @Test
    void parseIgnoresCaseAndSurroundingWhiteSpace() {
        assertSame(SipAuthenticationScheme.SIP_DIGEST, SipAuthenticationScheme.parse(" sip digest\t"));
        assertSame(SipAuthenticationScheme.DIGEST_AKA_V1_MD5, SipAuthenticationScheme.parse("DIGEST-AKAV1-MD5"));
        assertSame(SipAuthenticationScheme.UNKNOWN, SipAuthenticationScheme.parse("unknown"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Digest-MD5", "HTTP_DIGEST_MD5", "Digest-AKAv2-MD5", "SIPDigest", "SIP  Digest", ""})
    void otherNamesAreRejectedNotGuessed(String value) {
        UnknownAuthenticationSchemeException e =
                assertThrows(UnknownAuthenticationSchemeException.class, () -> SipAuthenticationScheme.parse(value));
        assertEquals(value, e.value());
        assertEquals("unknown SIP-Authentication-Scheme \"" + value + "\"; expected one of "
                + "Digest-AKAv1-MD5, SIP Digest, NASS-Bundled, Early-IMS-Security, Unknown", e.getMessage());
    }

    @Test
    void nullIsRejected() {
        UnknownAuthenticationSchemeException e =
                assertThrows(UnknownAuthenticationSchemeException.class, () -> SipAuthenticationScheme.parse(null));
        assertNull(e.value());
        assertEquals("SIP-Authentication-Scheme is missing (null)", e.getMessage());
    }
}
