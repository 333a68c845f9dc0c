package io.kubeims.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** metav1.Condition rules: one per type, lastTransitionTime moves only when the status value changes. */
class ConditionWriterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-02T03:04:05.678Z"));
    private final ConditionWriter writer = new ConditionWriter(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void transitionTimeIsKeptWhileTheStatusValueStays() {
        Subscriber subscriber = subscriber(3L);
        SubscriberStatus status = new SubscriberStatus();

        writer.set(status, subscriber, "Provisioned", false, "HssUnavailable", "first");
        now.set(Instant.parse("2026-01-02T03:05:00Z"));
        writer.set(status, subscriber, "Provisioned", false, "SecretNotFound", "second");

        Condition condition = ConditionWriter.find(status, "Provisioned");
        assertEquals(1, status.getConditions().size());
        assertEquals("2026-01-02T03:04:05Z", condition.getLastTransitionTime(), "unchanged value, time kept");
        assertEquals("SecretNotFound", condition.getReason());
        assertEquals("second", condition.getMessage());
        assertEquals(3L, condition.getObservedGeneration());
        assertEquals(3L, status.getObservedGeneration());

        subscriber.getMetadata().setGeneration(4L);
        writer.set(status, subscriber, "Provisioned", true, "Provisioned", "done");

        Condition changed = ConditionWriter.find(status, "Provisioned");
        assertEquals("True", changed.getStatus());
        assertEquals("2026-01-02T03:05:00Z", changed.getLastTransitionTime(), "a new value moves the time");
        assertEquals(4L, status.getObservedGeneration());
    }

    @Test
    void typesAreIndependent() {
        Subscriber subscriber = subscriber(1L);
        SubscriberStatus status = new SubscriberStatus();
        writer.set(status, subscriber, "A", true, "Yes", "a");
        writer.set(status, subscriber, "B", false, "No", "b");

        assertEquals("True", ConditionWriter.find(status, "A").getStatus());
        assertEquals("False", ConditionWriter.find(status, "B").getStatus());
        assertNull(ConditionWriter.find(status, "C"));
        assertNull(ConditionWriter.find(null, "A"));
    }

    private static Subscriber subscriber(long generation) {
        Subscriber subscriber = new Subscriber();
        subscriber.getMetadata().setName("s");
        subscriber.getMetadata().setGeneration(generation);
        return subscriber;
    }
}
