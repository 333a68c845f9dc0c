package io.kubeims.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The few cache operations kube-ims stores need, with compare-and-set writes: what both an embedded Infinispan cache
 * and a Hot Rod remote cache offer atomically per key. Keys and values are strings (values are JSON), so no
 * marshalling schema is needed on either side. Conditional writes compare against a {@link StoredValue} read before.
 * Writes with a lifespan make the entry disappear on its own that long after the write (Infinispan expiration).
 */
public interface VersionedCache {

    /** The cache name, for messages. */
    String name();

    /** The current value and its version, if the key is present (and not expired). */
    Optional<StoredValue> get(String key);

    /** Stores the value if the key is absent; whether it did. */
    boolean putIfAbsent(String key, String value);

    /**
     * Stores the value, to expire {@code lifespan} after this write, if the key is absent; whether it did.
     *
     * @param lifespan positive
     */
    boolean putIfAbsent(String key, String value, Duration lifespan);

    /** Replaces the value if it is still {@code expected}; whether it did. The entry then never expires. */
    boolean replace(String key, StoredValue expected, String value);

    /**
     * Replaces the value if it is still {@code expected}, to expire {@code lifespan} after this write; whether it did.
     *
     * @param lifespan positive
     */
    boolean replace(String key, StoredValue expected, String value, Duration lifespan);

    /** Removes the entry if its value is still {@code expected}; whether it did. */
    boolean remove(String key, StoredValue expected);

    /** The number of entries. */
    long size();

    /**
     * A value as read, with what the adapter needs to detect a concurrent change: the Hot Rod entry version, or
     * nothing beyond the value itself for the embedded cache (whose conditional writes compare values).
     *
     * @param value   the stored string
     * @param version the entry version (0 where the adapter compares values)
     */
    record StoredValue(String value, long version) {
    }
}
