package io.kubeims.operator.subscriber;

import io.kubeims.hssclient.HssSubscriber;

import java.util.Objects;

/**
 * The resource type of {@link HssSubscriberDependentResource}: the subscriber as it is to be held by the HSS. A plain
 * class rather than the {@link HssSubscriber} record itself, because the operator SDK's build step introspects a
 * dependent's resource type through its class hierarchy, which for a record ends in the un-indexed
 * {@code java.lang.Record}. {@code toString()} redacts the credentials (through {@link HssSubscriber}).
 */
public final class HssSubscription {

    private final HssSubscriber body;

    HssSubscription(HssSubscriber body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /** The body of the PUT. */
    public HssSubscriber body() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HssSubscription that && body.equals(that.body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return "HssSubscription[" + body + "]";
    }
}
