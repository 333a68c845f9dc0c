package io.kubeims.cscf.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.store.TypedCache.Change;
import io.kubeims.store.testing.SimultaneousCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CscfStorage} must do, run against each backend with two store instances on the same caches (two
 * replicas): round trips, compare-and-set under concurrency, exactly-once nonce use and expiry claims, increasing
 * nonce counts and NOTIFY versions. Time is a settable clock shared by both instances; each test uses fresh caches.
 */
abstract class CscfStorageContract {

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final CscfStoreSettings SETTINGS = new CscfStoreSettings(Duration.ofSeconds(40), Duration.ofSeconds(5), 4,
            Duration.ofHours(1), Duration.ofSeconds(30));

    private static int prefixes;

    protected SettableClock clock;
    protected CscfStorage a;
    protected CscfStorage b;

    /** A store instance on the caches of {@code prefix}: two calls with one prefix are two replicas. */
    protected abstract CscfStorage open(String prefix, SettableClock clock) throws Exception;

    @BeforeEach
    void openReplicas() throws Exception {
        clock = new SettableClock(T0);
        String prefix = getClass().getSimpleName().toLowerCase() + "-" + (++prefixes);
        a = open(prefix, clock);
        b = open(prefix, clock);
    }

    @AfterEach
    void closeReplicas() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    // Registrations

    @Test
    void aRegistrationRoundTripsWithEveryFieldAndIsSeenByTheOtherReplica() {
        Registration alice = CscfStates.registration("alice")
                .withContact(CscfStates.outboundContact("<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", 1,
                        T0.plusSeconds(600), 40001))
                .withContact(CscfStates.contact("sip:alice@192.0.2.10:5060", T0.plusSeconds(3600)));
        Change<Registration> created = a.registrations().update(alice.impi(), current -> Optional.of(alice));
        assertEquals(Optional.empty(), created.previous());
        assertEquals(Optional.of(alice), b.registrations().get("alice@ims.example.com"));
        assertEquals(List.of(alice), b.registrations().findByPublicIdentity("sip:alice@ims.example.com"));
        assertEquals(List.of(alice), b.registrations().findByPublicIdentity(alice.implicitSet().get(1)));
        assertEquals(List.of(), b.registrations().findByPublicIdentity("sip:nobody@ims.example.com"));
        assertEquals(Optional.of(alice), b.registrations().remove("alice@ims.example.com"));
        assertEquals(Optional.empty(), a.registrations().get("alice@ims.example.com"));
        assertEquals(List.of(), a.registrations().findByPublicIdentity("sip:alice@ims.example.com"));
    }

    @Test
    void flowsOfOneInstanceStayDistinctAndARefreshReplacesItsBinding() {
        String instance = "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>";
        a.registrations().update("alice@ims.example.com", current -> Optional.of(CscfStates.registration("alice")
                .withContact(CscfStates.outboundContact(instance, 1, T0.plusSeconds(600), 40001))
                .withContact(CscfStates.outboundContact(instance, 2, T0.plusSeconds(600), 40002))));
        Contact refreshed = new Contact("sip:ue@192.0.2.20:40003;transport=tcp;ob", T0.plusSeconds(1200),
                List.of(), instance, 2, "call-2", 2, new TransportFlow("TCP", "192.0.2.20", 40003), null);
        Registration after = b.registrations().update("alice@ims.example.com",
                current -> current.map(r -> r.withContact(refreshed))).current().orElseThrow();
        assertEquals(2, after.contacts().size());
        assertEquals(Optional.of(refreshed), after.contact("instance " + instance + " reg-id 2"));
        assertEquals(40001, after.contact("instance " + instance + " reg-id 1").orElseThrow().receivedFrom().port());

        Registration oneLeft = a.registrations().update("alice@ims.example.com",
                current -> current.map(r -> r.withoutContact("instance " + instance + " reg-id 1")))
                .current().orElseThrow();
        assertEquals(List.of(refreshed), oneLeft.contacts());
    }

    @Test
    void contactsAddedConcurrentlyFromTwoReplicasAreAllKept() throws Exception {
        a.registrations().update("alice@ims.example.com",
                current -> Optional.of(CscfStates.registration("alice")));
        int threadsPerReplica = 2;
        int perThread = 12;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (CscfStorage replica : List.of(a, b)) {
            for (int t = 0; t < threadsPerReplica; t++) {
                String thread = (replica == a ? "a" : "b") + t;
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Contact contact = CscfStates.contact("sip:" + thread + "-" + i + "@192.0.2.10",
                                T0.plusSeconds(3600 + i));
                        replica.registrations().update("alice@ims.example.com",
                                current -> current.map(r -> r.withContact(contact)));
                    }
                    return perThread;
                });
            }
        }
        SimultaneousCalls.run(tasks);
        Registration stored = a.registrations().get("alice@ims.example.com").orElseThrow();
        assertEquals(2 * threadsPerReplica * perThread, stored.contacts().size());
        Set<String> uris = new HashSet<>();
        stored.contacts().forEach(c -> uris.add(c.uri()));
        assertTrue(uris.contains("sip:a0-0@192.0.2.10") && uris.contains("sip:b1-11@192.0.2.10"), uris.toString());
    }

    @Test
    void aChangedImplicitSetMovesThePublicIdentityIndex() {
        Registration alice = CscfStates.registration("alice");
        a.registrations().update(alice.impi(), current -> Optional.of(alice));
        List<String> newSet = List.of("sip:alice@ims.example.com", "sip:alice.work@ims.example.com");
        b.registrations().update(alice.impi(),
                current -> current.map(r -> r.withProfile(newSet, r.serviceProfile())));
        assertEquals(List.of(), a.registrations().findByPublicIdentity(alice.implicitSet().get(1)));
        assertEquals(newSet, a.registrations().findByPublicIdentity("sip:alice.work@ims.example.com").get(0)
                .implicitSet());
        assertEquals(1, a.registrations().findByPublicIdentity("sip:alice@ims.example.com").size());
    }

    @Test
    void aRegistrationCannotBeWrittenUnderAnotherImpi() {
        InvalidCscfStateException e = assertThrows(InvalidCscfStateException.class, () -> a.registrations()
                .update("mallory@ims.example.com", current -> Optional.of(CscfStates.registration("alice"))));
        assertEquals("registration of alice@ims.example.com written under mallory@ims.example.com", e.getMessage());
        assertEquals(Optional.empty(), b.registrations().get("mallory@ims.example.com"));
    }

    // Expiry

    @Test
    void eachExpiryIsClaimedByExactlyOneOfTwoRacingReplicas() throws Exception {
        int registrations = 16;
        List<String> impis = new ArrayList<>();
        for (int i = 0; i < registrations; i++) {
            Registration r = CscfStates.registration("user" + i)
                    .withContact(CscfStates.contact("sip:user" + i + "@192.0.2.10", T0.plusSeconds(60)));
            if (i % 2 == 0) {
                r = r.withContact(CscfStates.contact("sip:user" + i + "@192.0.2.11", T0.plusSeconds(3600)));
            }
            Registration written = r;
            (i % 2 == 0 ? a : b).registrations().update(r.impi(), current -> Optional.of(written));
            impis.add(r.impi());
        }
        assertEquals(Set.of(), a.registrations().expiryCandidates(T0, T0.plusSeconds(55)));
        assertEquals(List.of(), claimAll(a, impis), "nothing has expired yet");

        clock.advance(Duration.ofSeconds(61));
        assertEquals(new TreeSet<>(impis), new TreeSet<>(a.registrations().expiryCandidates(T0, clock.instant())));
        assertEquals(new TreeSet<>(impis), new TreeSet<>(b.registrations().expiryCandidates(T0, clock.instant())));

        List<List<ClaimedExpiry>> won = SimultaneousCalls.run(List.of(() -> claimAll(a, impis),
                () -> claimAll(b, impis)));
        List<String> claimed = new ArrayList<>();
        won.forEach(list -> list.forEach(c -> claimed.add(c.impi())));
        assertEquals(registrations, claimed.size(), "claims: " + claimed);
        assertEquals(new TreeSet<>(impis), new TreeSet<>(claimed));

        for (int side = 0; side < 2; side++) {
            CscfStorage replica = side == 0 ? a : b;
            for (ClaimedExpiry claim : won.get(side)) {
                assertEquals(1, claim.expired().size());
                int user = Integer.parseInt(claim.impi().replaceAll("\\D", ""));
                assertEquals(user % 2 != 0, claim.endsRegistration());
                Optional<Registration> left = replica.registrations().completeExpiry(claim);
                assertEquals(claim.endsRegistration(), left.isEmpty());
                left.ifPresent(r -> assertEquals(List.of("sip:user" + user + "@192.0.2.11"),
                        r.contacts().stream().map(Contact::uri).toList()));
            }
        }
        assertEquals(List.of(), claimAll(a, impis));
        assertEquals(List.of(), claimAll(b, impis));
        assertEquals(Optional.empty(), a.registrations().get("user1@ims.example.com"));
        assertEquals(List.of(), a.registrations().findByPublicIdentity("sip:user1@ims.example.com"));
    }

    @Test
    void periodicSweepsOfTwoReplicasClaimEachExpiryOnce() throws Exception {
        List<RegistrationExpirySweep> sweeps = List.of(
                new RegistrationExpirySweep(a.registrations(), clock, "scscf-a", Duration.ofMinutes(10)),
                new RegistrationExpirySweep(b.registrations(), clock, "scscf-b", Duration.ofMinutes(10)));
        for (int i = 0; i < 6; i++) {
            Registration r = CscfStates.registration("user" + i)
                    .withContact(CscfStates.contact("sip:user" + i + "@192.0.2.10", T0.plusSeconds(62 + i)));
            a.registrations().update(r.impi(), current -> Optional.of(r));
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), sweepTogether(sweeps));
        // T0+63: user0 and user1 have expired; user2 (T0+64) shares their time bucket but has not.
        clock.advance(Duration.ofSeconds(33));
        assertEquals(List.of("user0@ims.example.com", "user1@ims.example.com"), sweepTogether(sweeps));
        // The next sweeps read that bucket again and the following ones.
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of("user2@ims.example.com", "user3@ims.example.com", "user4@ims.example.com",
                "user5@ims.example.com"), sweepTogether(sweeps));
        assertEquals(List.of(), sweepTogether(sweeps));
    }

    /** The IMPIs claimed by the sweeps run at once, sorted; fails if one was claimed twice. */
    private static List<String> sweepTogether(List<RegistrationExpirySweep> sweeps) throws Exception {
        List<Callable<List<ClaimedExpiry>>> tasks = new ArrayList<>();
        sweeps.forEach(sweep -> tasks.add(sweep::sweep));
        List<String> claimed = new ArrayList<>();
        SimultaneousCalls.run(tasks).forEach(won -> won.forEach(claim -> claimed.add(claim.impi())));
        assertEquals(new HashSet<>(claimed).size(), claimed.size(), "claimed twice: " + claimed);
        return claimed.stream().sorted().toList();
    }

    @Test
    void aClaimWhoseClaimantDiedIsTakenOverAfterItsLease() {
        Registration alice = CscfStates.registration("alice")
                .withContact(CscfStates.contact("sip:alice@192.0.2.10", T0.plusSeconds(60)));
        a.registrations().update(alice.impi(), current -> Optional.of(alice));
        clock.advance(Duration.ofSeconds(61));
        Instant firstScan = clock.instant();
        ClaimedExpiry dead = a.registrations().claimExpiry(alice.impi(), "scscf-a").orElseThrow();
        assertEquals(Optional.empty(), b.registrations().claimExpiry(alice.impi(), "scscf-b"), "lease holds");

        clock.advance(SETTINGS.expiryClaimLease().plusSeconds(6));
        // b's scan of the time since its last one finds the registration again, at the end of the lease.
        assertEquals(Set.of(alice.impi()), b.registrations().expiryCandidates(firstScan, clock.instant()));
        ClaimedExpiry takenOver = b.registrations().claimExpiry(alice.impi(), "scscf-b").orElseThrow();
        assertEquals("scscf-b", takenOver.claim().claimant());

        LostExpiryClaimException lost = assertThrows(LostExpiryClaimException.class,
                () -> a.registrations().completeExpiry(dead));
        assertEquals("expiry claim of scscf-a on alice@ims.example.com was lost to scscf-b", lost.getMessage());
        assertEquals(Optional.empty(), b.registrations().completeExpiry(takenOver));
        assertEquals(Optional.empty(), a.registrations().get(alice.impi()));
    }

    @Test
    void aContactRefreshedDuringTheClaimSurvivesItsCompletion() {
        Registration alice = CscfStates.registration("alice")
                .withContact(CscfStates.contact("sip:alice@192.0.2.10", T0.plusSeconds(60)));
        a.registrations().update(alice.impi(), current -> Optional.of(alice));
        clock.advance(Duration.ofSeconds(61));
        ClaimedExpiry claim = a.registrations().claimExpiry(alice.impi(), "scscf-a").orElseThrow();
        assertTrue(claim.endsRegistration());

        Contact refreshed = new Contact("sip:alice@192.0.2.10", T0.plusSeconds(3661), List.of(), null, null,
                "call-1", 2, new TransportFlow("UDP", "192.0.2.10", 5060), null);
        b.registrations().update(alice.impi(), current -> current.map(r -> r.withContact(refreshed)));
        Registration left = a.registrations().completeExpiry(claim).orElseThrow();
        assertEquals(List.of(refreshed), left.contacts());
        assertEquals(null, left.expiryClaim());
    }

    @Test
    void aRefreshedRegistrationLeftInItsOldBucketIsNotClaimed() {
        Registration alice = CscfStates.registration("alice")
                .withContact(CscfStates.contact("sip:alice@192.0.2.10", T0.plusSeconds(60)));
        a.registrations().update(alice.impi(), current -> Optional.of(alice));
        Contact refreshed = new Contact("sip:alice@192.0.2.10", T0.plusSeconds(3630), List.of(), null, null,
                "call-1", 2, new TransportFlow("UDP", "192.0.2.10", 5060), null);
        clock.advance(Duration.ofSeconds(30));
        b.registrations().update(alice.impi(), current -> current.map(r -> r.withContact(refreshed)));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Set.of(alice.impi()), a.registrations().expiryCandidates(T0, clock.instant()));
        assertEquals(Optional.empty(), a.registrations().claimExpiry(alice.impi(), "scscf-a"));
        assertEquals(Set.of(), a.registrations().expiryCandidates(T0.plusSeconds(65), T0.plusSeconds(3625)));
        assertEquals(Set.of(alice.impi()),
                a.registrations().expiryCandidates(T0.plusSeconds(3625), T0.plusSeconds(3631)));
    }

    // Challenges

    @Test
    void challengesOfBothSchemesRoundTripAndRedactTheirSecrets() {
        AuthChallenge aka = CscfStates.akaChallenge("nonce-aka", T0);
        AuthChallenge digest = CscfStates.digestChallenge("nonce-md5", T0);
        assertTrue(a.challenges().create(aka));
        assertTrue(a.challenges().create(digest));
        assertFalse(b.challenges().create(CscfStates.digestChallenge("nonce-aka", T0)), "nonce already stored");
        assertEquals(Optional.of(aka), b.challenges().get("nonce-aka"));
        assertEquals(Optional.of(digest), b.challenges().get("nonce-md5"));
        String shown = b.challenges().get("nonce-aka").orElseThrow() + " " + b.challenges().get("nonce-md5")
                .orElseThrow();
        for (String secret : List.of("a54211d5e3ba50bf", "b40ba9a3c58b2a05", "f769bcd751044604",
                ((ChallengeSecret.Md5Digest) digest.secret()).ha1().hex())) {
            assertFalse(shown.contains(secret), shown);
        }
        assertTrue(b.challenges().remove("nonce-md5"));
        assertFalse(a.challenges().remove("nonce-md5"));
        assertEquals(Optional.empty(), a.challenges().get("nonce-md5"));
    }

    @Test
    void theFailedAttemptsBeforeAChallengeAreSharedAndKeptWhenItIsAnswered() {
        AuthChallenge third = AuthChallenge.issued("n-3", "alice@ims.example.com", "sip:alice@ims.example.com",
                "ims.example.com", CscfStates.akaChallenge("x", T0).secret(), T0, 2);
        assertTrue(a.challenges().create(third));
        assertEquals(2, b.challenges().get("n-3").orElseThrow().failedAttempts());
        NonceUse use = b.challenges().consume("n-3", new ChallengeResponse(1, "r1", "z9hG4bK-1"));
        assertEquals(2, use.challenge().failedAttempts());
        assertEquals(0, CscfStates.akaChallenge("first", T0).failedAttempts());
        assertThrows(InvalidCscfStateException.class, () -> AuthChallenge.issued("n", "i", "sip:u@h", "r",
                third.secret(), T0, -1));
    }

    @Test
    void aNonceIsConsumedExactlyOnceByTwoRacingReplicas() throws Exception {
        for (int round = 0; round < 8; round++) {
            String nonce = "nonce-" + round;
            a.challenges().create(CscfStates.akaChallenge(nonce, T0));
            ChallengeResponse answer = new ChallengeResponse(1, "6629fae49393a05397450978507c4ef1", "z9hG4bK" + round);
            List<NonceUse> uses = SimultaneousCalls.run(List.of(() -> a.challenges().consume(nonce, answer),
                    () -> b.challenges().consume(nonce, answer)));
            List<NonceUse.Outcome> outcomes = uses.stream().map(NonceUse::outcome).sorted().toList();
            assertEquals(List.of(NonceUse.Outcome.FIRST_USE, NonceUse.Outcome.RETRANSMISSION), outcomes);
            assertEquals(1, b.challenges().get(nonce).orElseThrow().highestNc());
        }
    }

    @Test
    void theNonceCountMustIncrease() {
        a.challenges().create(CscfStates.digestChallenge("n", T0));
        ChallengeResponse first = new ChallengeResponse(1, "r1", "z9hG4bK-1");
        assertEquals(NonceUse.Outcome.FIRST_USE, a.challenges().consume("n", first).outcome());
        assertEquals(NonceUse.Outcome.RETRANSMISSION, b.challenges().consume("n", first).outcome());
        assertEquals(NonceUse.Outcome.REPLAY,
                b.challenges().consume("n", new ChallengeResponse(1, "r1", "z9hG4bK-other")).outcome());
        NonceUse third = b.challenges().consume("n", new ChallengeResponse(3, "r3", "z9hG4bK-3"));
        assertEquals(NonceUse.Outcome.LATER_USE, third.outcome());
        assertTrue(third.accepted());
        assertEquals(3, third.challenge().highestNc());
        assertEquals(NonceUse.Outcome.REPLAY,
                a.challenges().consume("n", new ChallengeResponse(2, "r2", "z9hG4bK-2")).outcome());
        assertEquals(NonceUse.Outcome.RETRANSMISSION,
                a.challenges().consume("n", new ChallengeResponse(3, "r3", "z9hG4bK-3")).outcome());
        assertEquals(NonceUse.Outcome.UNKNOWN, a.challenges().consume("never-sent", first).outcome());
    }

    @Test
    void aChallengeExpiresAfterItsLifetime() {
        a.challenges().create(CscfStates.akaChallenge("n", T0));
        clock.advance(SETTINGS.challengeLifetime().minusMillis(1));
        assertTrue(b.challenges().get("n").isPresent());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), b.challenges().get("n"));
        NonceUse late = b.challenges().consume("n", new ChallengeResponse(1, "r", "z9hG4bK-1"));
        assertEquals(new NonceUse(NonceUse.Outcome.UNKNOWN, null), late);
        assertFalse(a.challenges().create(CscfStates.akaChallenge("old", T0)), "made already expired");
    }

    // P-CSCF flows

    @Test
    void pcscfFlowsRoundTripPerContactAndFlowAndExpire() {
        PcscfFlowKey udp = new PcscfFlowKey("sip:ue@10.0.0.5:5060", new TransportFlow("udp", "198.51.100.7", 40000));
        PcscfFlowKey otherPort = new PcscfFlowKey("sip:ue@10.0.0.5:5060",
                new TransportFlow("UDP", "198.51.100.7", 40001));
        PcscfFlow flow = new PcscfFlow(udp, "alice@ims.example.com",
                List.of("sip:alice@ims.example.com", "tel:+15551230001"),
                List.of("<sip:orig@scscf.ims.example.com;lr>"), T0.plusSeconds(600));
        a.pcscfFlows().put(flow);
        assertEquals(Optional.of(flow), b.pcscfFlows().get(udp));
        assertEquals("UDP", b.pcscfFlows().get(udp).orElseThrow().key().receivedFrom().transport());
        assertEquals(Optional.empty(), b.pcscfFlows().get(otherPort));

        b.pcscfFlows().update(udp, current -> current.map(f -> f.withExpiresAt(T0.plusSeconds(1200))));
        clock.advance(Duration.ofSeconds(700));
        assertEquals(T0.plusSeconds(1200), a.pcscfFlows().get(udp).orElseThrow().expiresAt());
        clock.advance(Duration.ofSeconds(500));
        assertEquals(Optional.empty(), a.pcscfFlows().get(udp));
        assertEquals(Optional.empty(), a.pcscfFlows().remove(udp), "an expired flow is not returned");
    }

    // Reg-event subscriptions

    @Test
    void subscriptionsRoundTripAndAreFoundByTheWatchedIdentity() {
        RegEventSubscription ue = RegEventSubscription.accepted("call-7;from-tag=a;to-tag=b",
                "sip:alice@ims.example.com", "sip:alice@ims.example.com", List.of("<sip:pcscf.ims.example.com;lr>"),
                "sip:alice@192.0.2.10:5060", T0.plusSeconds(600));
        RegEventSubscription pcscf = RegEventSubscription.accepted("call-8;from-tag=c;to-tag=d",
                "sip:alice@ims.example.com", "sip:pcscf.ims.example.com", List.of(), "sip:pcscf.ims.example.com",
                T0.plusSeconds(60));
        assertTrue(a.regEventSubscriptions().create(ue));
        assertTrue(b.regEventSubscriptions().create(pcscf));
        assertFalse(b.regEventSubscriptions().create(ue));
        assertEquals(Optional.of(ue), b.regEventSubscriptions().get(ue.id()));
        assertEquals(Set.of(ue, pcscf),
                Set.copyOf(b.regEventSubscriptions().findByWatchedIdentity("sip:alice@ims.example.com")));

        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of(ue), a.regEventSubscriptions().findByWatchedIdentity("sip:alice@ims.example.com"));
        assertEquals(Optional.empty(), a.regEventSubscriptions().get(pcscf.id()));
        assertEquals(Optional.empty(), a.regEventSubscriptions().nextNotify(pcscf.id()));
        assertEquals(Optional.of(ue), a.regEventSubscriptions().remove(ue.id()));
        assertEquals(List.of(), b.regEventSubscriptions().findByWatchedIdentity("sip:alice@ims.example.com"));
    }

    @Test
    void notifyVersionsIncreaseStrictlyAcrossReplicas() throws Exception {
        RegEventSubscription s = RegEventSubscription.accepted("call-9;from-tag=e;to-tag=f",
                "sip:alice@ims.example.com", "sip:alice@ims.example.com", List.of(), "sip:alice@192.0.2.10",
                T0.plusSeconds(600));
        a.regEventSubscriptions().create(s);
        int perThread = 20;
        List<Callable<List<RegEventSubscription>>> tasks = new ArrayList<>();
        for (CscfStorage replica : List.of(a, b, a, b)) {
            tasks.add(() -> {
                List<RegEventSubscription> taken = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    taken.add(replica.regEventSubscriptions().nextNotify(s.id()).orElseThrow());
                }
                return taken;
            });
        }
        Set<Long> versions = new TreeSet<>();
        for (List<RegEventSubscription> taken : SimultaneousCalls.run(tasks)) {
            for (int i = 0; i < taken.size(); i++) {
                RegEventSubscription notify = taken.get(i);
                assertEquals(notify.version() + 1, notify.localCseq(), "CSeq moves with the version");
                if (i > 0) {
                    assertTrue(notify.version() > taken.get(i - 1).version());
                }
                versions.add(notify.version());
            }
        }
        Set<Long> expected = new TreeSet<>();
        for (long v = 0; v < 4 * perThread; v++) {
            expected.add(v);
        }
        assertEquals(expected, versions, "every version from 0 exactly once (RFC 3680 5.1)");
    }

    /** What {@code replica} wins when it tries to claim each IMPI in turn. */
    private List<ClaimedExpiry> claimAll(CscfStorage replica, List<String> impis) {
        String claimant = replica == a ? "scscf-a" : "scscf-b";
        List<ClaimedExpiry> won = new ArrayList<>();
        for (String impi : impis) {
            replica.registrations().claimExpiry(impi, claimant).ifPresent(won::add);
        }
        return won;
    }
}
