package io.kubeims.store;

import org.infinispan.Cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link VersionedCache} over an embedded Infinispan cache. Its {@code ConcurrentMap} conditional operations are
 * atomic per key and compare values with {@code equals}; since every stored value is the whole state of its key,
 * an equal value is the same state and value comparison is a sound compare-and-set.
 */
public final class EmbeddedVersionedCache implements VersionedCache {

    private final Cache<String, String> cache;

    /** @param cache a started cache of string keys and values */
    public EmbeddedVersionedCache(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return cache.getName();
    }

    @Override
    public Optional<StoredValue> get(String key) {
        String value = cache.get(key);
        return value == null ? Optional.empty() : Optional.of(new StoredValue(value, 0));
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return cache.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration lifespan) {
        return cache.putIfAbsent(key, value, LifespanMillis.of(lifespan), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public boolean replace(String key, StoredValue expected, String value) {
        return cache.replace(key, expected.value(), value);
    }

    @Override
    public boolean replace(String key, StoredValue expected, String value, Duration lifespan) {
        return cache.replace(key, expected.value(), value, LifespanMillis.of(lifespan), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean remove(String key, StoredValue expected) {
        return cache.remove(key, expected.value());
    }

    @Override
    public long size() {
        return cache.size();
    }
}
