package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomeSqnCounterTest {

    @Test
    void eachVectorStepsSeqByOneAndIndCyclically() {
        HomeSqnCounter counter = HomeSqnCounter.initial();
        assertEquals(Sqn.ZERO, counter.last());
        counter = counter.next();
        assertEquals(Sqn.of(1, 1), counter.last());
        Set<Integer> indsOfOneCycle = new HashSet<>();
        Sqn previous = counter.last();
        for (int i = 0; i < 100; i++) {
            counter = counter.next();
            assertTrue(counter.last().compareTo(previous) > 0, "SQN must strictly increase");
            assertEquals(previous.seq() + 1, counter.last().seq());
            assertEquals((previous.ind() + 1) % 32, counter.last().ind());
            if (i < Sqn.IND_COUNT) {
                indsOfOneCycle.add(counter.last().ind());
            }
            previous = counter.last();
        }
        assertEquals(Sqn.IND_COUNT, indsOfOneCycle.size(), "32 consecutive vectors use every IND once");
    }

    @Test
    void seqNeverWraps() {
        HomeSqnCounter atEnd = new HomeSqnCounter(Sqn.of(Sqn.MAX_SEQ - 1, 30));
        HomeSqnCounter last = atEnd.next();
        assertEquals(Sqn.of(Sqn.MAX_SEQ, 31), last.last());
        assertEquals("SEQ_HE reached 2^43-1; issuing another SQN would wrap",
                assertThrows(SqnExhaustedException.class, last::next).getMessage());
    }

    @Test
    void resynchronisationJumpsToSqnMsWhenTheUsimIsAhead() {
        HomeSqnCounter counter = new HomeSqnCounter(Sqn.of(10, 10));
        HomeSqnCounter resynchronised = counter.resynchronised(Sqn.of(500, 3));
        assertEquals(Sqn.of(500, 3), resynchronised.last());
        assertEquals(Sqn.of(501, 4), resynchronised.next().last());
    }

    @Test
    void resynchronisationNeverMovesBackwards() {
        HomeSqnCounter counter = new HomeSqnCounter(Sqn.of(600, 8));
        assertSame(counter, counter.resynchronised(Sqn.of(500, 3)));
        assertSame(counter, counter.resynchronised(Sqn.of(600, 20)));
        assertEquals(Sqn.of(601, 9), counter.resynchronised(Sqn.of(500, 3)).next().last());
    }
}
