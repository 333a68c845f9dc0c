package io.kubeims.hss.store;

import java.util.Optional;

/**
 * The few cache operations the stores need, with compare-and-set writes: what both an embedded Infinispan cache
 * and a Hot Rod remote cache offer atomically. Keys and values are strings (values are JSON), so no marshalling
 * schema is needed on either side. Conditional writes compare against a {@link StoredValue} read before.
 */
interface VersionedCache {

    /** The cache name, for messages. */
    String name();

    /** The current value and its version, if the key is present. */
    Optional<StoredValue> get(String key);

    /** Stores the value if the key is absent; whether it did. */
    boolean putIfAbsent(String key, String value);

    /** Replaces the value if it is still {@code expected}; whether it did. */
    boolean replace(String key, StoredValue expected, String value);

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
