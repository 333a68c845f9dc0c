package io.kubeims.protocol.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.aka.MalformedHexException;
import io.kubeims.protocol.aka.ParameterLengthException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestDigestTest {

    private static final byte[] NO_BODY = new byte[0];

    // RFC 2617 3.5: user Mufasa, password "Circle Of Life", GET /dir/index.html.
    private static final Ha1 MUFASA = Ha1.of("Mufasa", "testrealm@host.com", "Circle Of Life");

    @Test
    void rfc2617WorkedExample() {
        DigestCredentials credentials = DigestCredentials.parse(DigestHeaderTest.RFC2617_CREDENTIALS);
        assertEquals("6629fae49393a05397450978507c4ef1", RequestDigest.compute(MUFASA, credentials, "GET", NO_BODY));
        assertTrue(RequestDigest.matches(MUFASA, credentials, "GET", NO_BODY));
    }

    @Test
    void precomputedHa1AsHandedOutByTheHss() {
        // HA1 of the RFC 2617 example as published with it, e.g. in Wikipedia's "Digest access authentication".
        Ha1 fromHss = Ha1.parseHex("939E7578ED9E3C518A452ACEE763BCE9");
        assertEquals(MUFASA, fromHss);
        assertEquals("939e7578ed9e3c518a452acee763bce9", fromHss.hex());
        assertTrue(RequestDigest.matches(fromHss, DigestCredentials.parse(DigestHeaderTest.RFC2617_CREDENTIALS),
                "GET", NO_BODY));
    }

    @Test
    void wrongPasswordMethodOrUriDoNotMatch() {
        DigestCredentials credentials = DigestCredentials.parse(DigestHeaderTest.RFC2617_CREDENTIALS);
        assertFalse(RequestDigest.matches(Ha1.of("Mufasa", "testrealm@host.com", "Circle of Life"), credentials,
                "GET", NO_BODY));
        assertFalse(RequestDigest.matches(MUFASA, credentials, "POST", NO_BODY));
        DigestCredentials otherUri = DigestCredentials.parse(
                DigestHeaderTest.RFC2617_CREDENTIALS.replace("/dir/index.html", "/dir/other.html"));
        assertFalse(RequestDigest.matches(MUFASA, otherUri, "GET", NO_BODY));
    }

    @Test
    void rfc2069FormWithoutQop() {
        // RFC 2069 2.4 example (user Mufasa, password "CircleOfLife"), with the response corrected by RFC erratum 749.
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"1949323746fe6a43ef61f9606e7febea\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        Ha1 ha1 = Ha1.of("Mufasa", "testrealm@host.com", "CircleOfLife");
        assertEquals("1949323746fe6a43ef61f9606e7febea", RequestDigest.compute(ha1, credentials, "GET", NO_BODY));
        assertTrue(RequestDigest.matches(ha1, credentials, "GET", NO_BODY));
    }

    @Test
    void authIntCoversTheEntityBody() {
        // Independent auth-int values come from SIPp in SippDigestTest; here: the body enters the digest.
        DigestCredentials.Builder builder = DigestCredentials.builder("alice", "example.com", "abc123",
                "sip:example.com").qop(Qop.AUTH_INT, 1, "6b8b4567");
        byte[] body = "hello kube-ims\r\n".getBytes(StandardCharsets.UTF_8);
        DigestCredentials signed = builder.computeResponse(Ha1.of("alice", "example.com", "secret"), "REGISTER", body);
        assertTrue(RequestDigest.matches(Ha1.of("alice", "example.com", "secret"), signed, "REGISTER", body));
        assertFalse(RequestDigest.matches(Ha1.of("alice", "example.com", "secret"), signed, "REGISTER",
                "hello kube-ims\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(Qop.AUTH_INT), signed.qop());
        // With qop=auth the body does not matter.
        DigestCredentials auth = DigestCredentials.builder("alice", "example.com", "abc123", "sip:example.com")
                .qop(Qop.AUTH, 1, "6b8b4567").computeResponse(Ha1.of("alice", "example.com", "secret"), "REGISTER",
                        body);
        assertTrue(RequestDigest.matches(Ha1.of("alice", "example.com", "secret"), auth, "REGISTER", NO_BODY));
        assertNotEquals(auth.response(), signed.response());
    }

    @Test
    void builderRebuildsTheRfc2617Credentials() {
        DigestCredentials built = DigestCredentials.builder("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html")
                .qop(Qop.AUTH, 1, "0a4f113b").opaque(Optional.of("5ccc069c403ebaf9f0171e9517f40e41"))
                .computeResponse(MUFASA, "GET", NO_BODY);
        assertEquals(DigestCredentials.parse(DigestHeaderTest.RFC2617_CREDENTIALS), built);
        assertThrows(MalformedDigestHeaderException.class,
                () -> DigestCredentials.builder("u", "r", "n", "sip:r").qop(Qop.AUTH, 0, "c"));
    }

    @Test
    void malformedHa1IsRejectedAndHa1IsNeverShown() {
        assertEquals("HA1: not a hex digit at position 0",
                assertThrows(MalformedHexException.class, () -> Ha1.parseHex("x39e7578ed9e3c518a452acee763bce9"))
                        .getMessage());
        assertEquals("HA1: must be 16 octets, got 15",
                assertThrows(ParameterLengthException.class, () -> Ha1.parseHex("939e7578ed9e3c518a452acee763bc"))
                        .getMessage());
        assertFalse(MUFASA.toString().contains("939e"), MUFASA.toString());
    }
}
