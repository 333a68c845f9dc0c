package io.kubeims.cscf.scscf.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.protocol.ifc.SessionCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The ODI Route user part: readable by any replica holding the pool key, refused when forged, altered or expired. */
class OdiCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SettableClock clock = new SettableClock(NOW);

    private static OdiToken token() {
        return new OdiToken(SessionCase.TERMINATING_UNREGISTERED, "sip:carol@ims.example.com", 20,
                NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anotherReplicaWithThePoolKeyReadsTheToken() {
        String user = new OdiCodec(KEY, clock).encode(token());

        assertEquals(token(), new OdiCodec(KEY.clone(), clock).decode(user));
    }

    @Test
    void theUserPartUsesOnlyUnreservedCharactersOfRfc3261() {
        String user = new OdiCodec(KEY, clock).encode(new OdiToken(SessionCase.ORIGINATING_REGISTERED,
                "sip:+49301234;x=ä@ims.example.com", 0, NOW.plusSeconds(60)));

        assertTrue(user.startsWith("odi-"));
        // RFC 3261 25.1: unreserved = alphanum / mark; '.', '-', '_' are marks
        assertTrue(user.matches("[A-Za-z0-9._-]+"), user);
    }

    /** The signature is HMAC-SHA256 of the payload, truncated to 16 bytes, computed here with the JDK directly. */
    @Test
    void theSignatureIsTheTruncatedHmacSha256OfThePayload() throws Exception {
        String user = new OdiCodec(KEY, clock).encode(token());
        String[] parts = user.substring(4).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        assertEquals("v1|2|20|" + NOW.plus(Duration.ofMinutes(5)).getEpochSecond() + "|sip:carol@ims.example.com",
                new String(payload, StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        assertArrayEquals(Arrays.copyOf(mac.doFinal(payload), 16), Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void anotherPoolsKeyIsRefused() {
        String user = new OdiCodec(KEY, clock).encode(token());
        byte[] other = KEY.clone();
        other[0] ^= 1;

        InvalidOdiException e = assertThrows(InvalidOdiException.class, () -> new OdiCodec(other, clock).decode(user));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void anAlteredPayloadIsRefused() {
        String user = new OdiCodec(KEY, clock).encode(token());
        String payload = new String(Base64.getUrlDecoder().decode(user.substring(4, user.indexOf('.'))),
                StandardCharsets.UTF_8);
        // resume after priority 99 instead: skips the AS of priority 20 and more
        String forged = "odi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|20|", "|99|").getBytes(StandardCharsets.UTF_8)) + user.substring(user.indexOf('.'));

        assertThrows(InvalidOdiException.class, () -> new OdiCodec(KEY, clock).decode(forged));
    }

    @Test
    void anExpiredTokenIsRefused() {
        OdiCodec codec = new OdiCodec(KEY, clock);
        String user = codec.encode(token());
        clock.set(NOW.plus(Duration.ofMinutes(5)));

        InvalidOdiException e = assertThrows(InvalidOdiException.class, () -> codec.decode(user));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void malformedUserPartsAreRefused() {
        OdiCodec codec = new OdiCodec(KEY, clock);
        assertFalse(OdiCodec.isOdi("orig"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("orig"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("odi-"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("odi-abc"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("odi-a.b.c"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("odi-@@@.###"));
        assertThrows(InvalidOdiException.class, () -> codec.decode("odi-" + "A".repeat(2000) + ".AA"));
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        InvalidSessionSettingsException e = assertThrows(InvalidSessionSettingsException.class,
                () -> new OdiCodec("short-secret".getBytes(StandardCharsets.US_ASCII), clock));
        assertEquals("odiKey", e.setting());
        assertFalse(e.getMessage().contains("short-secret"));
        assertFalse(new OdiCodec(KEY, clock).toString().contains("0123"));
    }
}
