package io.kubeims.protocol.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Auts;
import io.kubeims.protocol.aka.FixedRandom;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.ParameterLengthException;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.Ts35208TestSet;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AkaDigestTest {

    private static final String IMPI = "alice@ims.example.com";
    private static final String REALM = "ims.example.com";
    private static final String URI = "sip:ims.example.com";
    private static final byte[] NO_BODY = new byte[0];
    private static final byte[] AMF = {(byte) 0x80, 0x00};
    private static final Ts35208TestSet SET = Ts35208TestSet.number(8);

    @Test
    void nonceIsBase64OfRandAndAutn() {
        AuthenticationVector vector = new AuthenticationVectorGenerator(new FixedRandom(SET.rand()))
                .generate(SET.keys(), Sqn.fromOctets(SET.sqn()), SET.amf());
        DigestChallenge challenge = AkaDigest.challenge(REALM, vector);
        assertEquals(Optional.of("AKAv1-MD5"), challenge.algorithm());
        assertEquals(List.of("auth"), challenge.qopOptions());
        byte[] decoded = Base64.getDecoder().decode(challenge.nonce());
        assertEquals(32, decoded.length);
        byte[] randAndAutn = new byte[32];
        System.arraycopy(SET.rand(), 0, randAndAutn, 0, 16);
        System.arraycopy(SET.autn(), 0, randAndAutn, 16, 16);
        assertArrayEquals(randAndAutn, decoded);
        AkaNonce nonce = AkaNonce.decode(challenge.nonce());
        assertArrayEquals(SET.rand(), nonce.rand());
        assertArrayEquals(SET.autn(), nonce.autn());
        assertEquals(0, nonce.serverData().length);
    }

    @Test
    void nonceMayCarryServerData() {
        AkaNonce nonce = new AkaNonce(SET.rand(), SET.autn(), new byte[] {1, 2, 3});
        AkaNonce decoded = AkaNonce.decode(nonce.encode());
        assertEquals(nonce, decoded);
        assertArrayEquals(new byte[] {1, 2, 3}, decoded.serverData());
    }

    @Test
    void shortOrMalformedNoncesAreRejected() {
        String thirtyOneOctets = Base64.getEncoder().encodeToString(new byte[31]);
        assertEquals("AKA nonce decodes to 31 octets, RAND || AUTN needs 32",
                assertThrows(InvalidAkaNonceException.class, () -> AkaNonce.decode(thirtyOneOctets)).getMessage());
        InvalidAkaNonceException notBase64 = assertThrows(InvalidAkaNonceException.class,
                () -> AkaNonce.decode("dcd98b7102dd2f0e8b11d0f600bfb0c093!"));
        assertEquals("AKA nonce is not valid base64", notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("dcd98b"));
        assertEquals("AKA nonce is missing",
                assertThrows(InvalidAkaNonceException.class, () -> AkaNonce.decode(null)).getMessage());
        assertEquals("AUTN", assertThrows(ParameterLengthException.class,
                () -> new AkaNonce(SET.rand(), new byte[15], new byte[0])).parameter());
    }

    @Test
    void resIsTheBinaryPassword() {
        // RFC 3310 3.3: HA1 = MD5(username ":" realm ":" RES) with RES as octets, not hex text.
        Ha1 binary = AkaDigest.ha1(IMPI, REALM, SET.f2());
        assertEquals(Ha1.of(IMPI, REALM, SET.f2()), binary);
        assertFalse(binary.equals(Ha1.of(IMPI, REALM, io.kubeims.protocol.aka.HexKey.format(SET.f2()))));
        assertEquals(Ha1.of(IMPI, REALM, ""), AkaDigest.synchronisationFailureHa1(IMPI, REALM));
    }

    @Test
    void ueResponseIsAcceptedAgainstXres() {
        SubscriberKeys keys = SET.keys();
        AuthenticationVector vector = new AuthenticationVectorGenerator(new SecureRandom())
                .generate(keys, HomeSqnCounter.initial().next().last(), AMF);
        DigestChallenge challenge = AkaDigest.challenge(REALM, vector);

        AkaNonce nonce = AkaNonce.decode(DigestChallenge.parse(challenge.format()).nonce());
        UsimResult.Authenticated usim = assertInstanceOf(UsimResult.Authenticated.class,
                new Usim(keys).authenticate(nonce.rand(), nonce.autn()));
        DigestCredentials credentials = DigestCredentials.builder(IMPI, challenge.realm(), challenge.nonce(), URI)
                .algorithm(AkaDigest.ALGORITHM).qop(Qop.AUTH, 1, "0a4f113b")
                .computeResponse(AkaDigest.ha1(IMPI, challenge.realm(), usim.res()), "REGISTER", NO_BODY);

        DigestCredentials received = DigestCredentials.parse(credentials.format());
        assertTrue(RequestDigest.matches(AkaDigest.ha1(IMPI, REALM, vector.xres()), received, "REGISTER", NO_BODY));
        byte[] wrongXres = vector.xres();
        wrongXres[7] ^= 1;
        assertFalse(RequestDigest.matches(AkaDigest.ha1(IMPI, REALM, wrongXres), received, "REGISTER", NO_BODY));
    }

    @Test
    void synchronisationFailureIsReportedWithAutsAndAnEmptyPassword() {
        SubscriberKeys keys = SET.keys();
        AuthenticationVectorGenerator home = new AuthenticationVectorGenerator(new SecureRandom());
        Usim usim = new Usim(keys);
        AuthenticationVector first = home.generate(keys, Sqn.of(50, 1), AMF);
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(first.rand(), first.autn()));

        // The HSS lost its counter and challenges with SEQ 1, IND 1: stale for the USIM's IND 1 slot.
        HomeSqnCounter counter = HomeSqnCounter.initial().next();
        DigestChallenge challenge = AkaDigest.challenge(REALM, home.generate(keys, counter.last(), AMF));
        AkaNonce nonce = AkaNonce.decode(challenge.nonce());
        UsimResult.SynchronisationFailure failure = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(nonce.rand(), nonce.autn()));
        DigestCredentials credentials = DigestCredentials.builder(IMPI, REALM, challenge.nonce(), URI)
                .algorithm(AkaDigest.ALGORITHM).qop(Qop.AUTH, 1, "c0ffee").auts(AkaDigest.encodeAuts(failure.auts()))
                .computeResponse(AkaDigest.synchronisationFailureHa1(IMPI, REALM), "REGISTER", NO_BODY);

        // S-CSCF: the response is made with the empty password; RAND and AUTS go to the HSS.
        DigestCredentials received = DigestCredentials.parse(credentials.format());
        assertTrue(RequestDigest.matches(AkaDigest.synchronisationFailureHa1(IMPI, REALM), received, "REGISTER",
                NO_BODY));
        Auts auts = AkaDigest.decodeAuts(received.auts().orElseThrow());
        Sqn sqnMs = auts.recoverSqnMs(keys, AkaNonce.decode(received.nonce()).rand()).orElseThrow();
        assertEquals(Sqn.of(50, 1), sqnMs);

        counter = counter.resynchronised(sqnMs).next();
        AuthenticationVector fresh = home.generate(keys, counter.last(), AMF);
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(fresh.rand(), fresh.autn()));
    }

    @Test
    void autsParameterIsBase64OfFourteenOctets() {
        Auts auts = Auts.compute(SET.keys(), SET.rand(), Sqn.of(3, 3));
        String encoded = AkaDigest.encodeAuts(auts);
        assertArrayEquals(auts.toOctets(), Base64.getDecoder().decode(encoded));
        assertEquals(auts, AkaDigest.decodeAuts(encoded));
        assertEquals("auts decodes to 13 octets, AUTS is 14", assertThrows(InvalidAutsException.class,
                () -> AkaDigest.decodeAuts(Base64.getEncoder().encodeToString(new byte[13]))).getMessage());
        assertEquals("auts is not valid base64",
                assertThrows(InvalidAutsException.class, () -> AkaDigest.decodeAuts("#not base64#")).getMessage());
        assertEquals("auts is missing",
                assertThrows(InvalidAutsException.class, () -> AkaDigest.decodeAuts(null)).getMessage());
    }
}
