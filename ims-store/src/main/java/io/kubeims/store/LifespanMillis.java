package io.kubeims.store;

import java.time.Duration;

/** An entry lifespan as Infinispan takes it: positive whole milliseconds (0 or less would mean "never expires"). */
final class LifespanMillis {

    private LifespanMillis() {
    }

    /**
     * @throws InvalidLifespanException if {@code lifespan} is null, or not at least one millisecond
     */
    static long of(Duration lifespan) {
        if (lifespan == null || lifespan.toMillis() < 1) {
            throw new InvalidLifespanException(lifespan);
        }
        return lifespan.toMillis();
    }
}
