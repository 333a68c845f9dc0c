package io.kubeims.cscf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** One counter per tag combination, registered once; method names bounded to the known ones. */
class TaggedCountersTest {

    @Test
    void eachCombinationOfTagValuesIsItsOwnCounter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TaggedCounters counted = new TaggedCounters(registry, "kubeims.test.requests", "test", "method", "outcome");
        counted.increment("INVITE", "forwarded");
        counted.increment("INVITE", "forwarded");
        counted.increment("INVITE", "480");
        counted.increment("BYE", "forwarded");
        assertEquals(2.0, count(registry, "INVITE", "forwarded"));
        assertEquals(1.0, count(registry, "INVITE", "480"));
        assertEquals(1.0, count(registry, "BYE", "forwarded"));
        assertEquals(3, registry.find("kubeims.test.requests").counters().size());
        assertThrows(IllegalArgumentException.class, () -> counted.increment("INVITE"), "one value per tag name");
    }

    @Test
    void anUnknownMethodIsTaggedOther() {
        assertEquals("INVITE", TaggedCounters.methodTag("INVITE"));
        assertEquals("other", TaggedCounters.methodTag("XINVENTED"));
    }

    private static double count(SimpleMeterRegistry registry, String method, String outcome) {
        Counter counter = registry.find("kubeims.test.requests").tags("method", method, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
