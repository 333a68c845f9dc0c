package io.kubeims.store;

import org.infinispan.client.hotrod.Flag;
import org.infinispan.client.hotrod.MetadataValue;
import org.infinispan.client.hotrod.RemoteCache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link VersionedCache} over a Hot Rod {@link RemoteCache}: reads with {@code getWithMetadata} and writes with
 * the server-side versioned operations {@code replaceWithVersion} / {@code removeWithVersion}, which the server
 * applies atomically at the key's primary owner. {@code putIfAbsent} needs {@link Flag#FORCE_RETURN_VALUE}: without
 * it Hot Rod returns null whether or not the value was stored.
 */
public final class HotRodVersionedCache implements VersionedCache {

    private final RemoteCache<String, String> cache;
    private final RemoteCache<String, String> returningPrevious;

    /** @param cache a remote cache of string keys and values */
    public HotRodVersionedCache(RemoteCache<String, String> cache) {
        this.cache = cache;
        this.returningPrevious = cache.withFlags(Flag.FORCE_RETURN_VALUE);
    }

    @Override
    public String name() {
        return cache.getName();
    }

    @Override
    public Optional<StoredValue> get(String key) {
        MetadataValue<String> entry = cache.getWithMetadata(key);
        return entry == null ? Optional.empty() : Optional.of(new StoredValue(entry.getValue(), entry.getVersion()));
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return returningPrevious.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration lifespan) {
        return returningPrevious.putIfAbsent(key, value, LifespanMillis.of(lifespan), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public boolean replace(String key, StoredValue expected, String value) {
        return cache.replaceWithVersion(key, value, expected.version());
    }

    @Override
    public boolean replace(String key, StoredValue expected, String value, Duration lifespan) {
        // maxIdle 0 = none
        return cache.replaceWithVersion(key, value, expected.version(), LifespanMillis.of(lifespan),
                TimeUnit.MILLISECONDS, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean remove(String key, StoredValue expected) {
        return cache.removeWithVersion(key, expected.version());
    }

    @Override
    public long size() {
        return cache.size();
    }
}
