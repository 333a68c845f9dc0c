package io.kubeims.hssclient;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exponential backoff with equal jitter: each delay lies in [cap/2, cap], the cap doubles up to the maximum. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void delaysStayWithinTheDoublingCap() {
        RandomGenerator random = new SplittableRandom(7);
        long[] caps = {100, 200, 400, 800, 1000, 1000};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            for (int draw = 0; draw < 200; draw++) {
                long delay = policy.delayAfter(attempt, random).toMillis();
                long cap = caps[attempt - 1];
                assertTrue(delay >= cap / 2 && delay <= cap, "attempt " + attempt + ": " + delay + " not in ["
                        + cap / 2 + ", " + cap + "]");
            }
        }
    }

    @Test
    void smallestAndLargestDrawsReachTheBounds() {
        RandomGenerator lowest = new FixedDraw(0);
        RandomGenerator highest = new FixedDraw(Long.MAX_VALUE);
        assertEquals(Duration.ofMillis(200), policy.delayAfter(3, lowest));
        assertEquals(Duration.ofMillis(400), policy.delayAfter(3, highest));
        assertEquals(Duration.ofMillis(1000), policy.delayAfter(60, highest), "no overflow on late attempts");
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofSeconds(1)));
    }

    /** Returns the lowest or highest value of every bounded draw. */
    private record FixedDraw(long value) implements RandomGenerator {

        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public long nextLong(long bound) {
            return Math.min(value, bound - 1);
        }
    }
}
