package io.kubeims.cscf.store;

import io.kubeims.store.CorruptStoredValueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state records' rules (RFC 3261 10.3, RFC 5626, RFC 2617) and their errors, without a store. */
class CscfStateRecordsTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    private static final TransportFlow UDP = new TransportFlow("UDP", "192.0.2.10", 5060);

    @Test
    void aRegisterMayUpdateABindingOnlyWithAnotherCallIdOrAHigherCseq() {
        Contact binding = new Contact("sip:a@192.0.2.10", T, List.of(), null, null, "call-1", 5, UDP, null);
        assertTrue(binding.isSupersededBy("call-1", 6));
        assertFalse(binding.isSupersededBy("call-1", 5), "a duplicate");
        assertFalse(binding.isSupersededBy("call-1", 4), "out of order");
        assertTrue(binding.isSupersededBy("call-2", 1), "another Call-ID: the UE restarted");
    }

    @Test
    void bindingKeysFollowInstanceAndRegId() {
        assertEquals("uri sip:a@192.0.2.10",
                new Contact("sip:a@192.0.2.10", T, List.of(), null, null, "c", 1, UDP, null).bindingKey());
        assertEquals("instance <urn:uuid:1> reg-id 2",
                new Contact("sip:a@192.0.2.10", T, List.of(), "<urn:uuid:1>", 2, "c", 1, UDP, null).bindingKey());
        assertEquals("instance <urn:uuid:1>",
                new Contact("sip:a@192.0.2.10", T, List.of(), "<urn:uuid:1>", null, "c", 1, UDP, null).bindingKey());
    }

    @Test
    void invalidContactsAreRefusedNamingTheField() {
        assertEquals("reg-id 1 without +sip.instance (RFC 5626)", assertThrows(InvalidCscfStateException.class,
                () -> new Contact("sip:a@h", T, List.of(), null, 1, "c", 1, UDP, null)).getMessage());
        assertEquals("q '1.5' is not a qvalue", assertThrows(InvalidCscfStateException.class,
                () -> new Contact("sip:a@h", T, List.of(), null, null, "c", 1, UDP, "1.5")).getMessage());
        assertEquals("cseq 2147483648 is not between 0 and 2^31-1", assertThrows(InvalidCscfStateException.class,
                () -> new Contact("sip:a@h", T, List.of(), null, null, "c", 1L << 31, UDP, null)).getMessage());
        assertEquals("port 0 is not between 1 and 65535", assertThrows(InvalidCscfStateException.class,
                () -> new TransportFlow("UDP", "192.0.2.1", 0)).getMessage());
        assertEquals("callId is missing or blank", assertThrows(InvalidCscfStateException.class,
                () -> new Contact("sip:a@h", T, List.of(), null, null, " ", 1, UDP, null)).getMessage());
        new Contact("sip:a@h", T, List.of(), null, null, "c", 1, UDP, "0.125");
        new Contact("sip:a@h", T, List.of(), null, null, "c", 1, UDP, "1.000");
    }

    @Test
    void aRegistrationRefusesTwoContactsWithOneBindingAndAnEmptyImplicitSet() {
        Contact one = new Contact("sip:a@h", T, List.of(), null, null, "c", 1, UDP, null);
        Registration alice = CscfStates.registration("alice");
        assertEquals("two contacts with binding uri sip:a@h", assertThrows(InvalidCscfStateException.class,
                () -> alice.withContacts(List.of(one, one))).getMessage());
        assertEquals("implicitSet is empty", assertThrows(InvalidCscfStateException.class,
                () -> Registration.of("a@h", List.of(), "<x/>", "pool")).getMessage());
        assertEquals("implicitSet lists sip:a@h twice", assertThrows(InvalidCscfStateException.class,
                () -> Registration.of("a@h", List.of("sip:a@h", "sip:a@h"), "<x/>", "pool")).getMessage());
    }

    @Test
    void instantsAreKeptToTheMillisecondAsStored() {
        Instant precise = T.plusNanos(1_234_567);
        assertEquals(T.plusMillis(1), new Contact("sip:a@h", precise, List.of(), null, null, "c", 1, UDP, null)
                .expiresAt());
    }

    @Test
    void secretsHaveTheirLengthsCheckedWithoutBeingQuoted() {
        assertEquals("CK must be 16 octets, got 15", assertThrows(InvalidCscfStateException.class,
                () -> new ChallengeSecret.Aka(CscfStates.XRES, new byte[15], CscfStates.IK)).getMessage());
        assertEquals("XRES must be 4 to 16 octets, got 3", assertThrows(InvalidCscfStateException.class,
                () -> new ChallengeSecret.Aka(new byte[3], CscfStates.CK, CscfStates.IK)).getMessage());
        assertEquals("Aka[XRES=<redacted>, CK=<redacted>, IK=<redacted>]",
                new ChallengeSecret.Aka(CscfStates.XRES, CscfStates.CK, CscfStates.IK).toString());
        assertEquals("nc 4294967296 is not between 1 and ffffffff", assertThrows(InvalidCscfStateException.class,
                () -> new ChallengeResponse(0x1_0000_0000L, "r", "b")).getMessage());
    }

    @Test
    void aCorruptStoredChallengeNamesTheFieldButNotTheSecret() {
        String stored = new AuthChallengeJson().encode(CscfStates.akaChallenge("n", T))
                .replace("b40ba9a3c58b2a05bbf0d987b21bf8cb", "b40ba9a3c58b2a05bbf0d987b21bf8");
        CorruptStoredValueException e = assertThrows(CorruptStoredValueException.class,
                () -> new AuthChallengeJson().decode("cscf-challenges", "n", stored));
        assertEquals("cache cscf-challenges, key n: invalid secret: CK must be 16 octets, got 15", e.getMessage());
        assertFalse(e.getMessage().contains("b40ba9"));
    }

    @Test
    void storeSettingsAreChecked() {
        assertEquals("challengeLifetime PT0S is not between PT1S and PT10M",
                assertThrows(InvalidCscfStoreSettingsException.class, () -> new CscfStoreSettings(Duration.ZERO,
                        Duration.ofSeconds(5), 16, Duration.ofHours(1), Duration.ofSeconds(30))).getMessage());
        assertEquals("expiryShards 0 is not between 1 and 1024",
                assertThrows(InvalidCscfStoreSettingsException.class, () -> new CscfStoreSettings(
                        Duration.ofSeconds(40), Duration.ofSeconds(5), 0, Duration.ofHours(1),
                        Duration.ofSeconds(30))).getMessage());
        assertEquals("cache name 'a b-registrations' must be 1 to 200 characters of [A-Za-z0-9._-]",
                assertThrows(InvalidCscfStoreSettingsException.class, () -> CscfCacheNames.prefixed("a b"))
                        .getMessage());
    }
}
