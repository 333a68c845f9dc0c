package io.kubeims.protocol.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.FixedRandom;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Ts35208TestSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our digest calculator checked against an independent implementation: SIPp answers our 401 challenges and we
 * verify the Authorization it sends (MD5 with qop=auth, without qop, with qop=auth-int, and AKAv1-MD5).
 */
class SippDigestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REALM = "kube-ims.test";
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    private static final String OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41";

    @TempDir
    Path work;

    @Test
    void md5WithQopAuth() throws Exception {
        DigestChallenge challenge = new DigestChallenge(REALM, NONCE, Optional.of(OPAQUE), Optional.of("MD5"),
                List.of("auth"), false, Map.of());
        RegisterChallengeResponder.AuthorizedRegister register = registerWithPassword(challenge, "sipp-register.xml");

        DigestCredentials credentials = DigestCredentials.parse(register.authorization());
        assertEquals(USER, credentials.username());
        assertEquals(REALM, credentials.realm());
        assertEquals(NONCE, credentials.nonce());
        assertEquals("sip:" + REALM, credentials.uri());
        assertEquals(Optional.of(Qop.AUTH), credentials.qop());
        assertEquals(Optional.of("MD5"), credentials.algorithm());
        assertEquals(Optional.of(OPAQUE), credentials.opaque());
        assertTrue(RequestDigest.matches(Ha1.of(USER, REALM, PASSWORD), credentials, "REGISTER", register.body()),
                register.authorization());
        assertFalse(RequestDigest.matches(Ha1.of(USER, REALM, PASSWORD + "x"), credentials, "REGISTER",
                register.body()));
    }

    @Test
    void md5WithoutQop() throws Exception {
        DigestChallenge challenge = new DigestChallenge(REALM, NONCE, Optional.empty(), Optional.of("MD5"),
                List.of(), false, Map.of());
        RegisterChallengeResponder.AuthorizedRegister register = registerWithPassword(challenge, "sipp-register.xml");

        DigestCredentials credentials = DigestCredentials.parse(register.authorization());
        assertEquals(Optional.empty(), credentials.qop());
        assertTrue(RequestDigest.matches(Ha1.of(USER, REALM, PASSWORD), credentials, "REGISTER", register.body()),
                register.authorization());
    }

    @Test
    void md5WithQopAuthIntCoversTheBody() throws Exception {
        DigestChallenge challenge = new DigestChallenge(REALM, NONCE, Optional.empty(), Optional.of("MD5"),
                List.of("auth-int"), false, Map.of());
        RegisterChallengeResponder.AuthorizedRegister register =
                registerWithPassword(challenge, "sipp-register-auth-int.xml");

        DigestCredentials credentials = DigestCredentials.parse(register.authorization());
        assertEquals(Optional.of(Qop.AUTH_INT), credentials.qop());
        assertTrue(new String(register.body(), StandardCharsets.UTF_8).startsWith("integrity-protected body"));
        assertTrue(RequestDigest.matches(Ha1.of(USER, REALM, PASSWORD), credentials, "REGISTER", register.body()),
                register.authorization());
        assertFalse(RequestDigest.matches(Ha1.of(USER, REALM, PASSWORD), credentials, "REGISTER", new byte[0]));
    }

    @Test
    void akaV1Md5() throws Exception {
        // TS 35.208 test set 8: K, OP and AMF avoid the octets SIPp 3.6.1 mangles in scenario text
        // (00 0a 0d 5b 5c 5d) and RES has no zero octet (SIPp 3.6.1 computes a wrong response then).
        Ts35208TestSet set = Ts35208TestSet.number(8);
        for (byte[] scenarioText : List.of(set.k(), set.op(), set.amf())) {
            for (byte octet : scenarioText) {
                assertFalse(List.of(0x00, 0x0a, 0x0d, 0x5b, 0x5c, 0x5d).contains(octet & 0xff));
            }
        }
        for (byte octet : set.f2()) {
            assertFalse(octet == 0);
        }
        AuthenticationVector vector = new AuthenticationVectorGenerator(new FixedRandom(set.rand()))
                .generate(set.keys(), Sqn.fromOctets(set.sqn()), set.amf());
        DigestChallenge challenge = AkaDigest.challenge(REALM, vector);
        String impi = USER + "@" + REALM;
        String authentication = "[authentication username=" + impi + " aka_K=0x" + HexKey.format(set.k())
                + " aka_OP=0x" + HexKey.format(set.op()) + " aka_AMF=0x" + HexKey.format(set.amf()) + "]";
        Path scenario = scenario("sipp-register.xml", authentication);

        RegisterChallengeResponder.AuthorizedRegister register;
        try (RegisterChallengeResponder responder = new RegisterChallengeResponder(challenge.format())) {
            SippRunner.Result result = SippRunner.require().run(work, scenario, responder.address(),
                    List.of("-s", USER, "-auth_uri", REALM), TIMEOUT);
            assertTrue(result.succeeded(), result.describe());
            register = responder.awaitAuthorizedRegister(TIMEOUT);
        }

        DigestCredentials credentials = DigestCredentials.parse(register.authorization());
        assertEquals(impi, credentials.username());
        assertEquals(Optional.of(AkaDigest.ALGORITHM), credentials.algorithm());
        assertEquals("sip:" + REALM, credentials.uri());
        assertEquals(challenge.nonce(), credentials.nonce());
        assertEquals(Optional.empty(), credentials.auts());
        // The S-CSCF's check: RES from SIPp's Milenage must equal XRES (TS 35.208 f2) for the response to match.
        assertTrue(RequestDigest.matches(AkaDigest.ha1(impi, REALM, set.f2()), credentials, "REGISTER",
                register.body()), register.authorization());
        assertTrue(RequestDigest.matches(AkaDigest.ha1(impi, REALM, vector.xres()), credentials, "REGISTER",
                register.body()));
    }

    private RegisterChallengeResponder.AuthorizedRegister registerWithPassword(DigestChallenge challenge,
            String scenarioResource) throws Exception {
        Path scenario = scenario(scenarioResource, "[authentication]");
        try (RegisterChallengeResponder responder = new RegisterChallengeResponder(challenge.format())) {
            SippRunner.Result result = SippRunner.require().run(work, scenario, responder.address(),
                    List.of("-s", USER, "-ap", PASSWORD, "-auth_uri", REALM), TIMEOUT);
            assertTrue(result.succeeded(), result.describe());
            return responder.awaitAuthorizedRegister(TIMEOUT);
        }
    }

    /** Copies a scenario from the test resources to the work directory, with its [authentication] line replaced. */
    private Path scenario(String resource, String authentication) throws IOException {
        String text;
        try (InputStream in = SippDigestTest.class.getResourceAsStream("/digest/" + resource)) {
            if (in == null) {
                throw new IOException("/digest/" + resource + " is not on the test classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Path scenario = work.resolve(resource);
        Files.writeString(scenario, text.replace("[authentication]", authentication), StandardCharsets.ISO_8859_1);
        return scenario;
    }
}
