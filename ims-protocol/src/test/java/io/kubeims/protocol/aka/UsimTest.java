package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UsimTest {

    private static final Ts35208TestSet SET = Ts35208TestSet.number(8);
    private static final byte[] AMF = {(byte) 0x80, 0x00};
    private static final FreshnessLimits ANY_JUMP = new FreshnessLimits(Sqn.MAX_SEQ, FreshnessLimits.NO_LIMIT);

    private final AuthenticationVectorGenerator home = new AuthenticationVectorGenerator(new SecureRandom());

    static List<Ts35208TestSet> testSets() {
        return Ts35208TestSet.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSets")
    void answersTheTs35208ChallengeWithResCkIk(Ts35208TestSet set) {
        // The published SEQ values are far above 0, so Δ must allow the jump from a fresh USIM.
        Usim usim = new Usim(set.keys(), ANY_JUMP);
        UsimResult.Authenticated result = assertInstanceOf(UsimResult.Authenticated.class,
                usim.authenticate(set.rand(), set.autn()));
        assertAll(
                () -> assertArrayEquals(set.f2(), result.res(), "RES"),
                () -> assertArrayEquals(set.f3(), result.ck(), "CK"),
                () -> assertArrayEquals(set.f4(), result.ik(), "IK"),
                () -> assertEquals(Sqn.fromOctets(set.sqn()), result.sqn(), "SQN"),
                () -> assertEquals(Sqn.fromOctets(set.sqn()), usim.highestAcceptedSqn(), "SQN_MS"));
    }

    @Test
    void aSeqJumpBeyondDeltaIsASynchronisationFailure() {
        Usim usim = new Usim(SET.keys(), new FreshnessLimits(10, FreshnessLimits.NO_LIMIT));
        assertInstanceOf(UsimResult.SynchronisationFailure.class, answer(usim, Sqn.of(11, 11)));
        assertInstanceOf(UsimResult.Authenticated.class, answer(usim, Sqn.of(10, 10)));
        assertInstanceOf(UsimResult.Authenticated.class, answer(usim, Sqn.of(20, 20)));
        // The published set 8 SQN is far beyond the default Δ = 2^28 from SEQ_MS = 20.
        assertInstanceOf(UsimResult.SynchronisationFailure.class,
                new Usim(SET.keys()).authenticate(SET.rand(), SET.autn()));
    }

    @Test
    void tamperedAutnOrOtherKeysGiveMacFailure() {
        Usim usim = new Usim(SET.keys());
        AuthenticationVector vector = vector(Sqn.of(1, 1));
        for (int octet : new int[] {0, 5, 6, 7, 8, 15}) {
            byte[] autn = vector.autn();
            autn[octet] ^= 0x01;
            assertInstanceOf(UsimResult.MacFailure.class, usim.authenticate(vector.rand(), autn),
                    "AUTN octet " + octet + " changed");
        }
        Ts35208TestSet other = Ts35208TestSet.number(15);
        assertInstanceOf(UsimResult.MacFailure.class,
                new Usim(other.keys()).authenticate(vector.rand(), vector.autn()));
        // A MAC failure leaves the state alone: the genuine challenge is still fresh.
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vector.rand(), vector.autn()));
    }

    @Test
    void aReplayedChallengeIsASynchronisationFailureReportingSqnMs() {
        Usim usim = new Usim(SET.keys());
        AuthenticationVector vector = vector(Sqn.of(7, 7));
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vector.rand(), vector.autn()));
        UsimResult.SynchronisationFailure failure = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(vector.rand(), vector.autn()));
        assertEquals(Sqn.of(7, 7), failure.auts().recoverSqnMs(SET.keys(), vector.rand()).orElseThrow());
    }

    @Test
    void autsConcealsSqnMsWithF5StarOfTs35208() {
        Usim usim = new Usim(SET.keys(), ANY_JUMP);
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(SET.rand(), SET.autn()));
        UsimResult.SynchronisationFailure failure = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(SET.rand(), SET.autn()));
        byte[] concealed = failure.auts().concealedSqnMs();
        for (int i = 0; i < 6; i++) {
            assertEquals((byte) (SET.sqn()[i] ^ SET.f5Star()[i]), concealed[i], "AUTS octet " + i);
        }
    }

    @Test
    void theIndArrayAcceptsVectorsOutOfOrderAcrossIndValues() {
        HomeSqnCounter counter = HomeSqnCounter.initial();
        AuthenticationVector[] vectors = new AuthenticationVector[33];
        for (int i = 0; i < vectors.length; i++) {
            counter = counter.next();
            vectors[i] = vector(counter.last());
        }
        Usim usim = new Usim(SET.keys());
        // Vectors 3, 1, 2 (IND 3, 1, 2): each SEQ is above its own slot, so all are fresh.
        for (int i : new int[] {2, 0, 1}) {
            assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vectors[i].rand(), vectors[i].autn()));
        }
        assertEquals(3, usim.acceptedSeq(3));
        assertEquals(1, usim.acceptedSeq(1));
        // Vector 33 reuses IND 1 with SEQ 33; afterwards vector 1 (SEQ 1 <= SEQ_MS(1) = 33) is stale.
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vectors[32].rand(), vectors[32].autn()));
        assertEquals(33, usim.acceptedSeq(1));
        assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(vectors[0].rand(), vectors[0].autn()));
        assertEquals(Sqn.of(33, 1), usim.highestAcceptedSqn());
        // Vector 10 (IND 10) was never used and is still accepted: SEQ 10 > SEQ_MS(10) = 0.
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vectors[9].rand(), vectors[9].autn()));
    }

    @Test
    void limitLRefusesOldSequenceNumbersEvenInAnUnusedSlot() {
        Usim usim = new Usim(SET.keys(), FreshnessLimits.DEFAULT.withLimit(5));
        assertInstanceOf(UsimResult.Authenticated.class, answer(usim, Sqn.of(20, 20)));
        // SEQ_MS - SEQ = 5 is not below L = 5.
        assertInstanceOf(UsimResult.SynchronisationFailure.class, answer(usim, Sqn.of(15, 15)));
        assertInstanceOf(UsimResult.Authenticated.class, answer(usim, Sqn.of(16, 16)));
        // Without L the old SQN is accepted by its unused slot.
        Usim lenient = new Usim(SET.keys());
        assertInstanceOf(UsimResult.Authenticated.class, answer(lenient, Sqn.of(20, 20)));
        assertInstanceOf(UsimResult.Authenticated.class, answer(lenient, Sqn.of(15, 15)));
    }

    @Test
    void homeResynchronisesFromAutsAndTheNextVectorIsAccepted() {
        Usim usim = new Usim(SET.keys());
        HomeSqnCounter counter = HomeSqnCounter.initial();
        for (int i = 0; i < 40; i++) {
            counter = counter.next();
            assertInstanceOf(UsimResult.Authenticated.class, answer(usim, counter.last()));
        }
        // The HSS lost its state (e.g. restored from an old backup).
        counter = HomeSqnCounter.initial().next();
        AuthenticationVector stale = vector(counter.last());
        UsimResult.SynchronisationFailure failure = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(stale.rand(), stale.autn()));
        Sqn sqnMs = failure.auts().recoverSqnMs(SET.keys(), stale.rand()).orElseThrow();
        assertEquals(usim.highestAcceptedSqn(), sqnMs);
        counter = counter.resynchronised(sqnMs).next();
        assertEquals(sqnMs.seq() + 1, counter.last().seq());
        assertInstanceOf(UsimResult.Authenticated.class, answer(usim, counter.last()));
    }

    @Test
    void wrongLengthsAreRejected() {
        Usim usim = new Usim(SET.keys());
        assertEquals("RAND", assertThrows(ParameterLengthException.class,
                () -> usim.authenticate(new byte[15], SET.autn())).parameter());
        assertEquals("AUTN: must be 16 octets, got 15", assertThrows(ParameterLengthException.class,
                () -> usim.authenticate(SET.rand(), new byte[15])).getMessage());
        assertThrows(SqnOutOfRangeException.class, () -> usim.acceptedSeq(32));
        assertEquals("delta: must be at least 1, got 0", assertThrows(AkaParameterException.class,
                () -> new FreshnessLimits(0, FreshnessLimits.NO_LIMIT)).getMessage());
        assertEquals("L", assertThrows(AkaParameterException.class,
                () -> FreshnessLimits.DEFAULT.withLimit(0)).parameter());
    }

    @Test
    void keysAndResultsAreRedacted() {
        Usim usim = new Usim(SET.keys(), ANY_JUMP);
        UsimResult result = usim.authenticate(SET.rand(), SET.autn());
        for (String text : List.of(usim.toString(), result.toString())) {
            for (byte[] secret : List.of(SET.k(), SET.opc(), SET.f2(), SET.f3(), SET.f4())) {
                assertFalse(text.contains(HexKey.format(secret)), text);
            }
        }
    }

    private AuthenticationVector vector(Sqn sqn) {
        return home.generate(SET.keys(), sqn, AMF);
    }

    private UsimResult answer(Usim usim, Sqn sqn) {
        AuthenticationVector vector = vector(sqn);
        return usim.authenticate(vector.rand(), vector.autn());
    }
}
