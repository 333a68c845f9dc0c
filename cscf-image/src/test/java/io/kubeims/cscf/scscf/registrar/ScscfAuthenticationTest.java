package io.kubeims.cscf.scscf.registrar;

import static io.kubeims.cscf.scscf.registrar.ScscfRegistrarTest.contacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cscf.ue.UserEquipment.Answering;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication at the S-CSCF when the UE gets it wrong or plays tricks (TS 24.229 5.4.1.2, TS 33.203, RFC 2617,
 * RFC 3310): no REGISTER without a right, fresh answer ever gets a 200 (seed 000: a core that answered 200 to empty
 * credentials); stale and unknown nonces, replays, reused nonce counts, wrong answers up to the limit, AKA
 * resynchronisation, and answers that belong to another challenge. Real HSS, real store, real SIP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScscfAuthenticationTest {

    private ScscfTestbed testbed;

    @BeforeAll
    void start() throws Exception {
        testbed = ScscfTestbed.start(1, settings -> settings);
    }

    @BeforeEach
    void atT0() {
        testbed.clock.set(ScscfTestbed.T0);
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    /** Sends an initial REGISTER and returns the challenge of the 401. */
    private static DigestChallenge challenge(UserEquipment ue) throws Exception {
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        Response response = ue.send(initial);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), response.getReasonPhrase());
        return UserEquipment.challengeOf(response);
    }

    private static Response answer(UserEquipment ue, DigestChallenge challenge, Answering answering)
            throws Exception {
        Request register = ue.newRegister(600);
        ue.authorize(register, challenge, answering);
        return ue.send(register);
    }

    // ---- no credentials, empty credentials: never 200 ----

    @Test
    void aRegisterWithoutAuthorizationIsChallengedEveryTimeAlsoWhenRegistered() throws Exception {
        ScscfTestbed.Provisioned alice = testbed.provisionAka("alice");
        UserEquipment ue = testbed.ue(alice);
        for (int i = 0; i < 2; i++) {
            Response response = ue.send(ue.newRegister(600));
            assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
            assertEquals(Optional.of("AKAv1-MD5"), UserEquipment.challengeOf(response).algorithm());
        }
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(alice.impi()).state());
        assertEquals(Response.OK, ue.register().getStatusCode());
        Response again = ue.send(ue.newRegister(600));
        assertEquals(Response.UNAUTHORIZED, again.getStatusCode(), "registered or not: no credentials, no 200");
    }

    @Test
    void emptyCredentialsOfARegisteredUserAreChallengedNotAccepted() throws Exception {
        // seed 000, steps 13-16: "REGISTER with empty auth values gets a 200 OK"
        ScscfTestbed.Provisioned bob = testbed.provisionDigest("bob");
        UserEquipment ue = testbed.ue(bob);
        assertEquals(Response.OK, ue.register().getStatusCode());

        Request empty = ue.newRegister(600);
        ue.authorizeInitially(empty);
        assertEquals(Response.UNAUTHORIZED, ue.send(empty).getStatusCode());

        // the last nonce, but an empty response
        Request emptyResponse = ue.newRegister(600);
        ue.withAuthorization(emptyResponse, DigestCredentials.builder(bob.impi(), ScscfTestbed.REALM,
                ue.lastChallenge().nonce(), "sip:" + ScscfTestbed.REALM).build("").format());
        Response response = ue.send(emptyResponse);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertFalse(UserEquipment.challengeOf(response).stale());
        assertEquals(1, testbed.awaitChanges(bob.impi(), 1).size());
    }

    // ---- wrong answers ----

    @Test
    void wrongPasswordsAreChallengedAgainUntilTheLimitThenForbiddenAndReportedToTheHss() throws Exception {
        ScscfTestbed.Provisioned carol = testbed.provisionDigest("carol");
        UserEquipment ue = testbed.ue(carol);
        DigestChallenge challenge = challenge(ue);
        assertEquals(ScscfTestbed.SERVER_NAME, testbed.hssRecord(carol.impi()).pendingServerName(),
                "the MAR recorded this S-CSCF as pending (TS 29.228 6.3.1)");
        for (int attempt = 1; attempt < 3; attempt++) {
            Response again = answer(ue, challenge, Answering.WRONG_SECRET);
            assertEquals(Response.UNAUTHORIZED, again.getStatusCode(), "attempt " + attempt);
            DigestChallenge next = UserEquipment.challengeOf(again);
            assertNotEquals(challenge.nonce(), next.nonce(), "a new nonce for each attempt");
            challenge = next;
        }
        Response refused = answer(ue, challenge, Answering.WRONG_SECRET);
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertEquals("Authentication Failed", refused.getReasonPhrase());
        RegistrationRecord hss = testbed.hssRecord(carol.impi());
        assertEquals(RegistrationState.NOT_REGISTERED, hss.state());
        assertNull(hss.pendingServerName(), "SAR AUTHENTICATION_FAILURE cleared it (TS 29.228 6.1.2)");
        assertEquals(Optional.empty(), testbed.stored(carol.impi()));
        assertTrue(testbed.registers(RegisterOutcome.AUTHENTICATION_FAILED) >= 1);
        // a wrong answer to the old nonce of the chain restarts nothing: that nonce is gone
        Response late = answer(ue, challenge, Answering.WRONG_SECRET);
        assertEquals(Response.UNAUTHORIZED, late.getStatusCode());
        assertTrue(UserEquipment.challengeOf(late).stale(), "its nonce was forgotten");
    }

    @Test
    void aWrongResThenTheRightOneRegisters() throws Exception {
        ScscfTestbed.Provisioned dave = testbed.provisionAka("dave");
        UserEquipment ue = testbed.ue(dave);
        Response again = answer(ue, challenge(ue), Answering.WRONG_SECRET);
        assertEquals(Response.UNAUTHORIZED, again.getStatusCode());
        Response ok = answer(ue, UserEquipment.challengeOf(again), Answering.CORRECTLY);
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(dave.impi()).state());
    }

    @Test
    void aRegisteredUserKeepsItsBindingsOnAFailedReAuthenticationUntilTheLimitRemovesThem() throws Exception {
        ScscfTestbed.Provisioned erin = testbed.provisionAka("erin");
        UserEquipment ue = testbed.ue(erin);
        assertEquals(Response.OK, ue.register().getStatusCode());

        Response first = answer(ue, challenge(ue), Answering.WRONG_SECRET);
        assertEquals(Response.UNAUTHORIZED, first.getStatusCode());
        assertEquals(1, testbed.stored(erin.impi()).orElseThrow().contacts().size(), "still registered");
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(erin.impi()).state());
        Response second = answer(ue, UserEquipment.challengeOf(first), Answering.WRONG_SECRET);
        assertEquals(Response.UNAUTHORIZED, second.getStatusCode());
        assertEquals(1, testbed.stored(erin.impi()).orElseThrow().contacts().size(), "still registered");

        Response third = answer(ue, UserEquipment.challengeOf(second), Answering.WRONG_SECRET);
        assertEquals(Response.FORBIDDEN, third.getStatusCode());
        assertEquals(Optional.empty(), testbed.stored(erin.impi()));
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(erin.impi()).state(),
                "SAR ADMINISTRATIVE_DEREGISTRATION");
        List<RegistrationChange> changes = testbed.awaitChanges(erin.impi(), 2);
        assertEquals(RegistrationChange.Cause.NETWORK_DEREGISTERED, changes.get(1).cause());
        assertNull(changes.get(1).after());
        assertEquals(1, changes.get(1).before().contacts().size());
    }

    // ---- replays ----

    @Test
    void aReplayedAnswerIsChallengedAgainNeverAccepted() throws Exception {
        // seed 000, steps 5-6: a UE re-sending the old nonce, response and opaque
        ScscfTestbed.Provisioned frank = testbed.provisionDigest("frank");
        UserEquipment ue = testbed.ue(frank);
        assertEquals(Response.OK, ue.register().getStatusCode());
        String accepted = ue.lastAuthorization();

        Request replay = ue.newRegister(600);
        ue.withAuthorization(replay, accepted);
        Response response = ue.send(replay);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertFalse(UserEquipment.challengeOf(response).stale());
        assertTrue(testbed.registers(RegisterOutcome.REPLAY_CHALLENGED) >= 1);
    }

    @Test
    void aReusedNonceCountWithAFreshCnonceIsAReplay() throws Exception {
        ScscfTestbed.Provisioned grace = testbed.provisionAka("grace");
        UserEquipment ue = testbed.ue(grace);
        assertEquals(Response.OK, ue.register().getStatusCode());
        Request reused = ue.newRegister(600);
        ue.authorize(reused, ue.lastChallenge(), Answering.CORRECTLY, 1);
        assertEquals(Response.UNAUTHORIZED, ue.send(reused).getStatusCode());
        assertEquals(1, testbed.awaitChanges(grace.impi(), 1).size());
    }

    @Test
    void aNonceMayBeReusedWithAHigherNonceCountWithinItsLifetime() throws Exception {
        // RFC 2617 3.2.2: the nonce count lets a server accept the nonce again while refusing replays
        ScscfTestbed.Provisioned heidi = testbed.provisionDigest("heidi");
        UserEquipment ue = testbed.ue(heidi);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        Response refreshed = ue.refreshWithLastNonce(1200);
        assertEquals(Response.OK, refreshed.getStatusCode());
        assertEquals(1200, contacts(refreshed).get(0).getExpires());
    }

    // ---- stale and unknown nonces ----

    @Test
    void anExpiredNonceIsChallengedAgainWithStaleTrue() throws Exception {
        ScscfTestbed.Provisioned ivan = testbed.provisionAka("ivan");
        UserEquipment ue = testbed.ue(ivan);
        DigestChallenge challenge = challenge(ue);
        testbed.clock.advance(Duration.ofSeconds(41));
        Response stale = answer(ue, challenge, Answering.CORRECTLY);
        assertEquals(Response.UNAUTHORIZED, stale.getStatusCode());
        DigestChallenge fresh = UserEquipment.challengeOf(stale);
        assertTrue(fresh.stale(), "stale=true (RFC 2617 3.2.1)");
        assertNotEquals(challenge.nonce(), fresh.nonce());
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(ivan.impi()).state());
        Response ok = answer(ue, fresh, Answering.CORRECTLY);
        assertEquals(Response.OK, ok.getStatusCode());
    }

    @Test
    void aNonceNeverIssuedIsChallengedWithStaleTrue() throws Exception {
        ScscfTestbed.Provisioned judy = testbed.provisionDigest("judy");
        UserEquipment ue = testbed.ue(judy);
        DigestChallenge invented = new DigestChallenge(ScscfTestbed.REALM,
                Base64.getEncoder().encodeToString(new byte[16]), Optional.empty(), Optional.of("MD5"),
                List.of("auth"), false, java.util.Map.of());
        Response response = answer(ue, invented, Answering.CORRECTLY);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertTrue(UserEquipment.challengeOf(response).stale());
    }

    // ---- AKA resynchronisation ----

    @Test
    void aUsimAheadOfTheHssResynchronisesThroughTheHssAndRegisters() throws Exception {
        ScscfTestbed.Provisioned kate = testbed.provisionAka("kate");
        UserEquipment ue = testbed.ue(kate);
        ue.advanceSqn(100_000);
        DigestChallenge stale = challenge(ue);
        Request report = ue.newRegister(600);
        assertTrue(ue.authorize(report, stale, Answering.CORRECTLY), "the USIM refuses the HSS's SQN");
        Response resynchronised = ue.send(report);
        assertEquals(Response.UNAUTHORIZED, resynchronised.getStatusCode());
        DigestChallenge fresh = UserEquipment.challengeOf(resynchronised);
        assertNotEquals(stale.nonce(), fresh.nonce());
        assertTrue(testbed.hss().storage().dynamicState().lastSqn(kate.impi()).seq() > 100_000,
                "the HSS moved SQN_HE past the USIM's (TS 33.102 C.3.4)");
        Request answer = ue.newRegister(600);
        assertFalse(ue.authorize(answer, fresh, Answering.CORRECTLY), "the new SQN is fresh");
        assertEquals(Response.OK, ue.send(answer).getStatusCode());
        assertTrue(testbed.registers(RegisterOutcome.RESYNCHRONISED) >= 1);
    }

    @Test
    void anAutsTheHssCannotVerifyIsForbidden() throws Exception {
        ScscfTestbed.Provisioned leo = testbed.provisionAka("leo");
        UserEquipment ue = testbed.ue(leo);
        DigestChallenge challenge = challenge(ue);
        Request forged = ue.newRegister(600);
        ue.withAuthorization(forged, DigestCredentials.builder(leo.impi(), challenge.realm(), challenge.nonce(),
                "sip:" + ScscfTestbed.REALM).algorithm("AKAv1-MD5").qop(io.kubeims.protocol.digest.Qop.AUTH, 1,
                "0a1b2c3d").auts(Base64.getEncoder().encodeToString(new byte[14])).build(
                "00000000000000000000000000000000").format());
        Response response = ue.send(forged);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Synchronisation Failed", response.getReasonPhrase());
    }

    // ---- answers that belong elsewhere ----

    @Test
    void anAnswerToAnotherSubscribersChallengeIsForbidden() throws Exception {
        ScscfTestbed.Provisioned mallory = testbed.provisionDigest("mallory");
        ScscfTestbed.Provisioned victim = testbed.provisionDigest("victim");
        UserEquipment attacker = testbed.ue(mallory);
        UserEquipment target = testbed.ue(victim);
        DigestChallenge victimsChallenge = challenge(target);
        // mallory answers the victim's challenge with mallory's own credentials, registering the victim's IMPU
        Request attempt = attacker.newRegister(600);
        attacker.authorize(attempt, victimsChallenge, Answering.CORRECTLY);
        Response response = attacker.send(attempt);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Credentials Do Not Match The Challenge", response.getReasonPhrase());
        assertEquals(Optional.empty(), testbed.stored(victim.impi()));
        assertEquals(Optional.empty(), testbed.stored(mallory.impi()));
    }
}
