package io.kubeims.operator.subscriber;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code kubeims.operator.subscriber.*}: how the Subscriber reconciler paces its reads and re-checks. */
@ConfigMapping(prefix = "kubeims.operator.subscriber")
public interface SubscriberSettings {

    /**
     * How often a provisioned Subscriber's registration state is read back from the HSS (each time with up to 20%
     * random spread, so that Subscribers created together do not all ask at once); 0 turns it off.
     */
    @WithDefault("10m")
    Duration statusRefresh();

    /**
     * The first delay before a Subscriber is tried again after a transient failure (the HSS down, its token
     * refused). Later delays equal the time it has been failing, so they double, up to {@link #retryMaxDelay()};
     * each with up to 20% random spread.
     */
    @WithDefault("1s")
    Duration retryInitialDelay();

    /** The longest delay between attempts while the HSS stays unavailable. */
    @WithDefault("60s")
    Duration retryMaxDelay();

    /** When a Subscriber refused for a public identity held by another subscriber is tried again. */
    @WithDefault("2m")
    Duration conflictRecheck();
}
