package io.kubeims.hssclient;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a request to the HSS is repeated after a connection failure, a timeout or a 5xx
 * answer (never after a 4xx: the HSS refused the request itself). Delays grow exponentially up to a cap, with jitter
 * so that many clients recovering together do not retry in step.
 *
 * @param maxAttempts    attempts in all, at least 1 (1: no retry)
 * @param initialBackoff the delay cap before the second attempt
 * @param maxBackoff     the largest delay cap
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts, 100 ms doubling up to 5 s: about 1.5 s to 3 s of patience in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));

    /** @throws IllegalArgumentException if an attempt count or delay is out of range */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff (" + initialBackoff
                    + ") <= maxBackoff (" + maxBackoff + ")");
        }
    }

    /**
     * The delay before attempt {@code attempt + 1}: a cap of {@code initialBackoff * 2^(attempt-1)} bounded by
     * {@code maxBackoff}, of which half is fixed and half random ("equal jitter"), so delays still grow.
     *
     * @param attempt the attempt that just failed, from 1
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long cap = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        cap = Math.min(Math.max(cap, 0), maxBackoff.toMillis());
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }
}
