package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.store.testing.SimultaneousCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link HssStorage} must do, run against each implementation: subscriber round trips, the public
 * identity index, SQN management (TS 33.102 Annex C.3) and S-CSCF assignment (TS 29.228 8.1.2). Each test gets a
 * fresh, empty storage.
 */
abstract class HssStorageContract {

    private static final String SCSCF_1 = "sip:scscf-1.ims.example.com:6060";
    private static final String SCSCF_2 = "sip:scscf-2.ims.example.com:6060";

    protected HssStorage storage;

    /** A new, empty storage for one test. */
    protected abstract HssStorage openStorage() throws Exception;

    @BeforeEach
    void open() throws Exception {
        storage = openStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** Runs each task on its own thread, all released at once; returns their results. */
    protected static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        return SimultaneousCalls.run(tasks);
    }

    /** Fails naming the first pair of {@code taken} that does not increase. */
    protected static void assertStrictlyIncreasing(List<Sqn> taken) {
        for (int i = 1; i < taken.size(); i++) {
            if (taken.get(i).compareTo(taken.get(i - 1)) <= 0) {
                throw new AssertionError("SQN #" + i + " " + taken.get(i) + " is not above #" + (i - 1) + " "
                        + taken.get(i - 1));
            }
        }
    }

    /** The SQN with SEQ {@code seq} in the HE scheme of TS 33.102 C.3.2 from SQN_HE = 0: IND = SEQ mod 32. */
    protected static Sqn sqnWithSeq(long seq) {
        return Sqn.of(seq, (int) (seq % Sqn.IND_COUNT));
    }

    // ---- subscribers ----

    @Test
    void akaSubscriberWithIfcsRoundTrips() {
        Subscriber alice = TestSubscribers.aka("alice", "tel:+15551230001");
        assertEquals(Optional.empty(), storage.subscribers().put(alice));
        assertEquals(Optional.of(alice), storage.subscribers().get("alice@ims.example.com"));
        assertEquals(TestSubscribers.IFCS,
                storage.subscribers().get("alice@ims.example.com").orElseThrow().initialFilterCriteria());
        assertEquals(1, storage.subscribers().count());
    }

    @Test
    void digestSubscriberRoundTripsAndReplaceReturnsThePrevious() {
        Subscriber bob = TestSubscribers.digest("bob");
        storage.subscribers().put(bob);
        Subscriber barredBob = new Subscriber(bob.privateIdentity(),
                List.of(new PublicUserIdentity("sip:bob@ims.example.com", true, "Bob (barred)")), true,
                bob.credentials(), TestSubscribers.IFCS);
        assertEquals(Optional.of(bob), storage.subscribers().put(barredBob));
        assertEquals(Optional.of(barredBob), storage.subscribers().get("bob@ims.example.com"));
        assertEquals(1, storage.subscribers().count());
    }

    @Test
    void unknownSubscriberIsAbsent() {
        assertEquals(Optional.empty(), storage.subscribers().get("nobody@ims.example.com"));
        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("sip:nobody@ims.example.com"));
        assertEquals(Optional.empty(), storage.subscribers().delete("nobody@ims.example.com"));
        assertEquals(0, storage.subscribers().count());
    }

    @Test
    void everyPublicIdentityFindsItsPrivateIdentity() {
        storage.subscribers().put(TestSubscribers.aka("alice", "tel:+15551230001", "sip:+15551230001@ims.example.com"));
        storage.subscribers().put(TestSubscribers.digest("bob"));
        for (String impu : List.of("sip:alice@ims.example.com", "tel:+15551230001",
                "sip:+15551230001@ims.example.com")) {
            assertEquals(Optional.of("alice@ims.example.com"), storage.subscribers().findPrivateIdentity(impu), impu);
        }
        assertEquals(Optional.of("bob@ims.example.com"),
                storage.subscribers().findPrivateIdentity("sip:bob@ims.example.com"));
        // Exact comparison: another user part is another identity.
        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("sip:Alice@ims.example.com"));
        assertEquals(2, storage.subscribers().count());
    }

    @Test
    void publicIdentityOfAnotherSubscriberIsRefusedAndNothingChanges() {
        storage.subscribers().put(TestSubscribers.aka("alice", "tel:+15551230001"));
        Subscriber mallory = TestSubscribers.digest("mallory", "sip:mallory2@ims.example.com", "tel:+15551230001");

        DuplicatePublicIdentityException e = assertThrows(DuplicatePublicIdentityException.class,
                () -> storage.subscribers().put(mallory));
        assertEquals("tel:+15551230001", e.publicIdentity());
        assertEquals("alice@ims.example.com", e.owner());
        assertTrue(e.getMessage().contains("tel:+15551230001") && e.getMessage().contains("alice@ims.example.com"));

        assertEquals(Optional.empty(), storage.subscribers().get("mallory@ims.example.com"));
        // The identities mallory claimed before the refusal were given back: a third subscriber can have them.
        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("sip:mallory@ims.example.com"));
        storage.subscribers().put(TestSubscribers.digest("carol", "sip:mallory@ims.example.com",
                "sip:mallory2@ims.example.com"));
        assertEquals(Optional.of("carol@ims.example.com"),
                storage.subscribers().findPrivateIdentity("sip:mallory2@ims.example.com"));
        assertEquals(Optional.of("alice@ims.example.com"),
                storage.subscribers().findPrivateIdentity("tel:+15551230001"));
        assertEquals(2, storage.subscribers().count());
    }

    @Test
    void replaceReindexesAddedAndRemovedIdentities() {
        storage.subscribers().put(TestSubscribers.aka("alice", "tel:+15551230001", "sip:old@ims.example.com"));
        storage.subscribers().put(TestSubscribers.aka("alice", "tel:+15551230001", "sip:new@ims.example.com"));

        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("sip:old@ims.example.com"));
        assertEquals(Optional.of("alice@ims.example.com"),
                storage.subscribers().findPrivateIdentity("sip:new@ims.example.com"));
        assertEquals(Optional.of("alice@ims.example.com"),
                storage.subscribers().findPrivateIdentity("tel:+15551230001"));
        // The released identity is free for someone else at once.
        storage.subscribers().put(TestSubscribers.digest("bob", "sip:old@ims.example.com"));
        assertEquals(Optional.of("bob@ims.example.com"),
                storage.subscribers().findPrivateIdentity("sip:old@ims.example.com"));
    }

    @Test
    void deleteReleasesEveryIdentity() {
        Subscriber alice = TestSubscribers.aka("alice", "tel:+15551230001");
        storage.subscribers().put(alice);
        assertEquals(Optional.of(alice), storage.subscribers().delete("alice@ims.example.com"));

        assertEquals(Optional.empty(), storage.subscribers().get("alice@ims.example.com"));
        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("sip:alice@ims.example.com"));
        assertEquals(Optional.empty(), storage.subscribers().findPrivateIdentity("tel:+15551230001"));
        assertEquals(0, storage.subscribers().count());
        storage.subscribers().put(TestSubscribers.digest("bob", "tel:+15551230001"));
        assertEquals(Optional.of("bob@ims.example.com"), storage.subscribers().findPrivateIdentity("tel:+15551230001"));
    }

    @Test
    void concurrentPutsForOneIdentityLetExactlyOneSubscriberHaveIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            String contested = "tel:+1555999" + String.format("%04d", round);
            List<Callable<String>> tasks = new ArrayList<>();
            for (String name : List.of("x" + round, "y" + round, "z" + round)) {
                tasks.add(() -> {
                    try {
                        storage.subscribers().put(TestSubscribers.digest(name, contested));
                        return name + "@ims.example.com";
                    } catch (DuplicatePublicIdentityException e) {
                        return null;
                    }
                });
            }
            List<String> winners = concurrently(tasks).stream().filter(w -> w != null).toList();
            assertEquals(1, winners.size(), "round " + round + ": " + winners);
            assertEquals(Optional.of(winners.get(0)), storage.subscribers().findPrivateIdentity(contested));
            int holders = 0;
            for (String name : List.of("x" + round, "y" + round, "z" + round)) {
                if (storage.subscribers().get(name + "@ims.example.com")
                        .map(s -> s.publicIdentityUris().contains(contested)).orElse(false)) {
                    holders++;
                }
            }
            assertEquals(1, holders, "round " + round);
        }
    }

    // ---- SQN ----

    @Test
    void firstSqnsFollowTheHomeScheme() {
        assertEquals(Sqn.ZERO, storage.dynamicState().lastSqn("alice@ims.example.com"));
        assertEquals(Sqn.of(1, 1), storage.dynamicState().nextSqn("alice@ims.example.com"));
        assertEquals(Sqn.of(2, 2), storage.dynamicState().nextSqn("alice@ims.example.com"));
        assertEquals(Sqn.of(2, 2), storage.dynamicState().lastSqn("alice@ims.example.com"));
        // Another IMPI has its own counter.
        assertEquals(Sqn.of(1, 1), storage.dynamicState().nextSqn("bob@ims.example.com"));
    }

    @Test
    void concurrentNextSqnNeverRepeatsAndEachThreadSeesItIncrease() throws Exception {
        int threads = 4;
        int perThread = 250;
        List<Callable<List<Sqn>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                List<Sqn> taken = new ArrayList<>(perThread);
                for (int i = 0; i < perThread; i++) {
                    taken.add(storage.dynamicState().nextSqn("alice@ims.example.com"));
                }
                return taken;
            });
        }
        Set<Sqn> all = new TreeSet<>();
        for (List<Sqn> taken : concurrently(tasks)) {
            assertStrictlyIncreasing(taken);
            all.addAll(taken);
        }
        assertEquals(threads * perThread, all.size(), "duplicates issued");
        Set<Sqn> expected = new TreeSet<>();
        for (long seq = 1; seq <= threads * perThread; seq++) {
            expected.add(sqnWithSeq(seq));
        }
        assertEquals(expected, all);
        assertEquals(sqnWithSeq(threads * perThread), storage.dynamicState().lastSqn("alice@ims.example.com"));
    }

    @Test
    void resyncNeverMovesBackwards() {
        for (int i = 0; i < 5; i++) {
            storage.dynamicState().nextSqn("alice@ims.example.com");
        }
        // The USIM reports SEQ 3 (behind SEQ_HE 5): SQN_HE stays.
        assertEquals(Sqn.of(5, 5), storage.dynamicState().resync("alice@ims.example.com", Sqn.of(3, 30)));
        assertEquals(Sqn.of(6, 6), storage.dynamicState().nextSqn("alice@ims.example.com"));
        // Equal SEQ is not ahead either.
        assertEquals(Sqn.of(6, 6), storage.dynamicState().resync("alice@ims.example.com", Sqn.of(6, 0)));
    }

    @Test
    void resyncMovesUpWhenTheUsimIsAhead() {
        storage.dynamicState().nextSqn("alice@ims.example.com");
        Sqn usim = Sqn.of(1000, 7);
        assertEquals(usim, storage.dynamicState().resync("alice@ims.example.com", usim));
        assertEquals(usim, storage.dynamicState().lastSqn("alice@ims.example.com"));
        assertEquals(Sqn.of(1001, 8), storage.dynamicState().nextSqn("alice@ims.example.com"));
        // Before any vector was issued, too.
        assertEquals(Sqn.of(40, 3), storage.dynamicState().resync("new@ims.example.com", Sqn.of(40, 3)));
    }

    @Test
    void sqnSurvivesDeletingTheSubscriber() {
        storage.subscribers().put(TestSubscribers.aka("alice"));
        storage.dynamicState().nextSqn("alice@ims.example.com");
        storage.subscribers().delete("alice@ims.example.com");
        storage.subscribers().put(TestSubscribers.aka("alice"));
        assertEquals(Sqn.of(2, 2), storage.dynamicState().nextSqn("alice@ims.example.com"));
    }

    // ---- registration ----

    @Test
    void unknownSubscriberIsNotRegistered() {
        assertEquals(RegistrationRecord.notRegistered(), storage.dynamicState().registration("alice@ims.example.com"));
    }

    @Test
    void firstAssignmentThenSameScscfAgain() {
        ServerAssignment first = storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_1,
                RegistrationState.REGISTERED);
        ServerAssignment.Assigned assigned = assertInstanceOf(ServerAssignment.Assigned.class, first);
        assertTrue(assigned.firstAssignment());
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_1, null), assigned.record());

        ServerAssignment again = storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_1,
                RegistrationState.REGISTERED);
        assertFalse(assertInstanceOf(ServerAssignment.Assigned.class, again).firstAssignment());
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_1, null),
                storage.dynamicState().registration("alice@ims.example.com"));
    }

    @Test
    void anotherScscfIsToldWhoHoldsTheSubscriber() {
        storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_1, RegistrationState.UNREGISTERED);
        ServerAssignment other = storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_2,
                RegistrationState.REGISTERED);
        ServerAssignment.HeldByOther held = assertInstanceOf(ServerAssignment.HeldByOther.class, other);
        assertEquals(SCSCF_1, held.holder());
        assertEquals(new RegistrationRecord(RegistrationState.UNREGISTERED, SCSCF_1, null),
                storage.dynamicState().registration("alice@ims.example.com"));
    }

    @Test
    void concurrentAssignmentsOfDifferentScscfsLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 10; round++) {
            String impi = "user" + round + "@ims.example.com";
            List<Callable<ServerAssignment>> tasks = new ArrayList<>();
            for (String scscf : List.of(SCSCF_1, SCSCF_2, "sip:scscf-3.ims.example.com")) {
                tasks.add(() -> storage.dynamicState().assignServerName(impi, scscf, RegistrationState.REGISTERED));
            }
            List<ServerAssignment> results = concurrently(tasks);
            List<ServerAssignment> won = results.stream()
                    .filter(r -> r instanceof ServerAssignment.Assigned).toList();
            assertEquals(1, won.size(), results.toString());
            String winner = won.get(0).record().serverName();
            for (ServerAssignment r : results) {
                if (r instanceof ServerAssignment.HeldByOther held) {
                    assertEquals(winner, held.holder());
                }
            }
            assertEquals(winner, storage.dynamicState().registration(impi).serverName());
        }
    }

    @Test
    void pendingNameFromMarThenReassignmentOnlyFromTheExpectedHolder() {
        storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_1, RegistrationState.REGISTERED);
        RegistrationRecord pending = storage.dynamicState().recordPendingServerName("alice@ims.example.com",
                SCSCF_2);
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_1, SCSCF_2), pending);

        ServerAssignment stale = storage.dynamicState().reassignServerName("alice@ims.example.com",
                "sip:scscf-9.ims.example.com", SCSCF_2, RegistrationState.REGISTERED);
        assertEquals(SCSCF_1, assertInstanceOf(ServerAssignment.HeldByOther.class, stale).holder());

        ServerAssignment moved = storage.dynamicState().reassignServerName("alice@ims.example.com", SCSCF_1,
                SCSCF_2, RegistrationState.REGISTERED);
        assertInstanceOf(ServerAssignment.Assigned.class, moved);
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_2, null),
                storage.dynamicState().registration("alice@ims.example.com"));
    }

    @Test
    void clearRegistrationFreesTheSubscriberForAnyScscf() {
        storage.dynamicState().assignServerName("alice@ims.example.com", SCSCF_1, RegistrationState.REGISTERED);
        assertEquals(SCSCF_1, storage.dynamicState().clearRegistration("alice@ims.example.com").serverName());
        assertEquals(RegistrationRecord.notRegistered(), storage.dynamicState().registration("alice@ims.example.com"));
        assertInstanceOf(ServerAssignment.Assigned.class, storage.dynamicState().assignServerName(
                "alice@ims.example.com", SCSCF_2, RegistrationState.REGISTERED));
    }

    @Test
    void badRegistrationRequestsAreRefused() {
        assertThrows(InvalidRegistrationException.class, () -> storage.dynamicState().assignServerName(
                "alice@ims.example.com", "scscf-1.ims.example.com", RegistrationState.REGISTERED));
        assertThrows(InvalidRegistrationException.class, () -> storage.dynamicState().assignServerName(
                "alice@ims.example.com", SCSCF_1, RegistrationState.NOT_REGISTERED));
        assertThrows(InvalidRegistrationException.class, () -> storage.dynamicState().recordPendingServerName(
                "alice@ims.example.com", "tel:+15551230001"));
        assertThrows(io.kubeims.hss.subscriber.InvalidIdentityException.class,
                () -> storage.dynamicState().nextSqn("not-a-nai"));
        assertEquals(RegistrationRecord.notRegistered(), storage.dynamicState().registration("alice@ims.example.com"));
    }
}
