package io.kubeims.store;

import java.time.Duration;

/** A lifespan for a cache write is missing or below one millisecond (Infinispan would take it for "immortal"). */
public final class InvalidLifespanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param lifespan the refused lifespan, or null */
    public InvalidLifespanException(Duration lifespan) {
        super("lifespan must be at least 1 ms, was " + lifespan);
    }
}
