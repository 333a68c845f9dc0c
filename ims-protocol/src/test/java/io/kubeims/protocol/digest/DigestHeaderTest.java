package io.kubeims.protocol.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and formatting of WWW-Authenticate and Authorization values (RFC 2617 1.2, 3.2.1, 3.2.2). */
class DigestHeaderTest {

    // RFC 2617 3.5, folded over lines as in the RFC.
    static final String RFC2617_CHALLENGE = "Digest\r\n"
            + "                 realm=\"testrealm@host.com\",\r\n"
            + "                 qop=\"auth,auth-int\",\r\n"
            + "                 nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
            + "                 opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    static final String RFC2617_CREDENTIALS = "Digest username=\"Mufasa\",\r\n"
            + "                 realm=\"testrealm@host.com\",\r\n"
            + "                 nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
            + "                 uri=\"/dir/index.html\",\r\n"
            + "                 qop=auth,\r\n"
            + "                 nc=00000001,\r\n"
            + "                 cnonce=\"0a4f113b\",\r\n"
            + "                 response=\"6629fae49393a05397450978507c4ef1\",\r\n"
            + "                 opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    @Test
    void parsesTheRfc2617Challenge() {
        DigestChallenge challenge = DigestChallenge.parse(RFC2617_CHALLENGE);
        assertEquals("testrealm@host.com", challenge.realm());
        assertEquals("dcd98b7102dd2f0e8b11d0f600bfb0c093", challenge.nonce());
        assertEquals(Optional.of("5ccc069c403ebaf9f0171e9517f40e41"), challenge.opaque());
        assertEquals(List.of("auth", "auth-int"), challenge.qopOptions());
        assertEquals(Optional.empty(), challenge.algorithm());
        assertFalse(challenge.stale());
        assertTrue(challenge.offers(Qop.AUTH_INT));
        assertEquals(Map.of(), challenge.otherParams());
    }

    @Test
    void parsesTheRfc2617Credentials() {
        DigestCredentials credentials = DigestCredentials.parse(RFC2617_CREDENTIALS);
        assertEquals("Mufasa", credentials.username());
        assertEquals("testrealm@host.com", credentials.realm());
        assertEquals("dcd98b7102dd2f0e8b11d0f600bfb0c093", credentials.nonce());
        assertEquals("/dir/index.html", credentials.uri());
        assertEquals(Optional.of(Qop.AUTH), credentials.qop());
        assertEquals(Optional.of("00000001"), credentials.nc());
        assertEquals(OptionalLong.of(1), credentials.nonceCount());
        assertEquals(Optional.of("0a4f113b"), credentials.cnonce());
        assertEquals("6629fae49393a05397450978507c4ef1", credentials.response());
        assertEquals(Optional.of("5ccc069c403ebaf9f0171e9517f40e41"), credentials.opaque());
        assertEquals(Optional.empty(), credentials.auts());
    }

    @Test
    void namesAndSchemeAreCaseInsensitiveAndTokenValuesNeedNoQuotes() {
        DigestChallenge challenge = DigestChallenge.parse(
                "digest REALM=ims.example.com,Nonce=abc, ALGORITHM=AKAv1-MD5, Qop=auth, STALE=TRUE");
        assertEquals("ims.example.com", challenge.realm());
        assertEquals("abc", challenge.nonce());
        assertEquals(Optional.of("AKAv1-MD5"), challenge.algorithm());
        assertEquals(List.of("auth"), challenge.qopOptions());
        assertTrue(challenge.stale());
    }

    @Test
    void quotedStringsMayHoldEscapedQuotesBackslashesAndCommas() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"al\\\"ice\\\\x\", "
                + "realm=\"a, b=c\", nonce=\"\", uri=\"sip:a.example;transport=tcp\", response=\"\"");
        assertEquals("al\"ice\\x", credentials.username());
        assertEquals("a, b=c", credentials.realm());
        assertEquals("sip:a.example;transport=tcp", credentials.uri());
        assertEquals(credentials, DigestCredentials.parse(credentials.format()));
    }

    @Test
    void imsInitialRegisterHasEmptyNonceAndResponse() {
        // TS 24.229 5.1.1.2: the first REGISTER carries the IMPI in an Authorization header without a response.
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"alice@ims.example.com\", "
                + "realm=\"ims.example.com\", nonce=\"\", uri=\"sip:ims.example.com\", response=\"\"");
        assertEquals("", credentials.nonce());
        assertEquals("", credentials.response());
        assertEquals(Optional.empty(), credentials.qop());
    }

    @Test
    void emptyListElementsAndExtraWhitespaceAreAllowed() {
        DigestChallenge challenge = DigestChallenge.parse("Digest  ,realm = \"r\" ,, nonce=\"n\"\t, ");
        assertEquals("r", challenge.realm());
        assertEquals("n", challenge.nonce());
    }

    @Test
    void unknownParametersAreKeptInOrder() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"ims.example.com\", nonce=\"n\", "
                + "algorithm=AKAv1-MD5, ck=\"00112233445566778899aabbccddeeff\", ik=\"ffeeddccbbaa99887766554433221100\"");
        assertEquals(List.of("ck", "ik"), List.copyOf(challenge.otherParams().keySet()));
        DigestChallenge stripped = challenge.withoutParams("CK", "ik");
        assertEquals(Map.of(), stripped.otherParams());
        assertEquals("Digest realm=\"ims.example.com\", nonce=\"n\", algorithm=AKAv1-MD5", stripped.format());
        assertEquals(challenge, DigestChallenge.parse(challenge.format()));
        assertEquals(challenge, stripped.withParam("ck", "00112233445566778899aabbccddeeff")
                .withParam("IK", "ffeeddccbbaa99887766554433221100"));
    }

    @Test
    void formatsTokensUnquotedAndTheRestQuoted() {
        DigestChallenge challenge = new DigestChallenge("ims.example.com", "bm9uY2U=", Optional.of("op\"aque"),
                Optional.of("MD5"), List.of("auth", "auth-int"), true, Map.of());
        assertEquals("Digest realm=\"ims.example.com\", nonce=\"bm9uY2U=\", opaque=\"op\\\"aque\", algorithm=MD5, "
                + "qop=\"auth,auth-int\", stale=true", challenge.format());
        assertEquals(challenge, DigestChallenge.parse(challenge.format()));

        DigestCredentials credentials = DigestCredentials.parse(RFC2617_CREDENTIALS);
        assertEquals("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001", credentials.format());
        assertEquals(credentials, DigestCredentials.parse(credentials.format()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not Digest           | Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==      | Authorization: scheme is not Digest
            no parameters        | Digest                                  | Authorization: expected whitespace after the scheme at position 6
            only commas          | 'Digest , ,'                            | Authorization: no parameters
            missing =            | Digest username                         | Authorization: expected '=' after parameter 'username' at position 15
            missing value        | Digest username=, realm=r               | Authorization: parameter 'username' has no value at position 16
            missing comma        | Digest username="a" realm="r"           | Authorization: expected ',' after parameter 'username' at position 20
            unterminated quote   | Digest username="a, realm="r            | Authorization: expected ',' after parameter 'username' at position 27
            open quote at end    | Digest username="alice, realm=r         | Authorization: unterminated quoted-string for parameter 'username' starting at position 16
            duplicate            | Digest realm="a", username="u", REALM="b" | Authorization: duplicate parameter 'realm' at position 32
            bad name             | Digest =x                               | Authorization: expected a parameter name at position 7
            """)
    void malformedCredentialsAreRejectedWithoutQuotingValues(String what, String value, String message) {
        MalformedDigestHeaderException e = assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(value));
        assertEquals(message, e.getMessage(), what);
        assertFalse(e.getMessage().contains("alice"));
        assertFalse(e.getMessage().contains("QWxh"));
    }

    @Test
    void controlCharactersInQuotedStringsAreRejected() {
        assertEquals("Authorization: control character in the value of parameter 'username' at position 18",
                assertThrows(MalformedDigestHeaderException.class,
                        () -> DigestCredentials.parse("Digest username=\"a\u0000b\"")).getMessage());
    }

    @Test
    void requiredParametersMustBePresent() {
        String full = "username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"\"";
        for (String name : List.of("username", "realm", "nonce", "uri", "response")) {
            String without = full.replaceAll(name + "=\"[^\"]*\"(, )?", "");
            assertEquals("Authorization: missing parameter '" + name + "'", assertThrows(
                    MalformedDigestHeaderException.class, () -> DigestCredentials.parse("Digest " + without))
                    .getMessage());
        }
        assertEquals("WWW-Authenticate: missing parameter 'nonce'", assertThrows(MalformedDigestHeaderException.class,
                () -> DigestChallenge.parse("Digest realm=\"r\", qop=\"auth\"")).getMessage());
    }

    @Test
    void qopNeedsCnonceAndNc() {
        String base = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", "
                + "response=\"6629fae49393a05397450978507c4ef1\"";
        String error = "Authorization: qop, cnonce and nc must be given together";
        assertEquals(error, assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(base + ", qop=auth, nc=00000001")).getMessage());
        assertEquals(error, assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(base + ", qop=auth, cnonce=\"c\"")).getMessage());
        assertEquals(error, assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(base + ", nc=00000001, cnonce=\"c\"")).getMessage());
        assertEquals("Authorization: nc must be 8 hex digits", assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(base + ", qop=auth, nc=1, cnonce=\"c\"")).getMessage());
        assertEquals("qop: unsupported value (expected auth or auth-int)", assertThrows(
                MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(base + ", qop=auth-conf, nc=00000001, cnonce=\"c\"")).getMessage());
    }

    @Test
    void otherValueChecks() {
        String base = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\"";
        assertEquals("Authorization: response must be 32 hex digits", assertThrows(
                MalformedDigestHeaderException.class, () -> DigestCredentials.parse(base + ", response=\"abc\""))
                .getMessage());
        assertEquals("WWW-Authenticate: stale must be true or false", assertThrows(
                MalformedDigestHeaderException.class,
                () -> DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", stale=maybe")).getMessage());
        assertEquals("WWW-Authenticate: algorithm is not a token", assertThrows(MalformedDigestHeaderException.class,
                () -> DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=\"AKA v1\"")).getMessage());
        assertEquals("WWW-Authenticate: duplicate parameter 'realm'", assertThrows(
                MalformedDigestHeaderException.class,
                () -> DigestChallenge.of("r", "n", "MD5").withParam("Realm", "x")).getMessage());
        assertEquals("Authorization: value is missing", assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.parse(null)).getMessage());
    }
}
