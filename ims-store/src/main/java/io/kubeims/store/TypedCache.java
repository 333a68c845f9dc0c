package io.kubeims.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link VersionedCache} seen through a {@link ValueCodec}: typed reads, and the one compare-and-set update loop of
 * kube-ims's stores. {@link #update} reads a key's value with its version, computes the next value, writes it only
 * if the entry is unchanged, and otherwise starts again, at most {@code maxAttempts} times. Correct for any number
 * of threads and processes sharing the cache, since both adapters apply each conditional write atomically.
 * Values are compared with {@code equals} (records), so a change that computes the same value writes nothing.
 *
 * @param <T> the value type, immutable with value equality
 */
public final class TypedCache<T> {

    /** Attempts of an update before {@link StoreContentionException}; each failed attempt means another writer won. */
    public static final int DEFAULT_MAX_ATTEMPTS = 1_000;

    private final VersionedCache cache;
    private final ValueCodec<T> codec;
    private final EntryLifespan<T> lifespan;
    private final int maxAttempts;

    /** Values that never expire, {@link #DEFAULT_MAX_ATTEMPTS}. */
    public TypedCache(VersionedCache cache, ValueCodec<T> codec) {
        this(cache, codec, EntryLifespan.immortal(), DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * @param cache       the cache
     * @param codec       the stored form of the values
     * @param lifespan    how long each written value lives
     * @param maxAttempts bound of the update loop, at least 1
     * @throws InvalidCacheSettingsException if {@code maxAttempts} is below 1
     */
    public TypedCache(VersionedCache cache, ValueCodec<T> codec, EntryLifespan<T> lifespan, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new InvalidCacheSettingsException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.cache = Objects.requireNonNull(cache, "cache");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.lifespan = Objects.requireNonNull(lifespan, "lifespan");
        this.maxAttempts = maxAttempts;
    }

    /** The cache name, for messages. */
    public String name() {
        return cache.name();
    }

    /**
     * The value of {@code key}, if present.
     *
     * @throws CorruptStoredValueException if the stored value does not decode
     */
    public Optional<T> get(String key) {
        return cache.get(key).map(stored -> codec.decode(cache.name(), key, stored.value()));
    }

    /** Stores {@code value} if {@code key} is absent; whether it did. */
    public boolean putIfAbsent(String key, T value) {
        Optional<Duration> life = lifespan.of(value);
        String encoded = codec.encode(value);
        return life.isPresent() ? cache.putIfAbsent(key, encoded, atLeastOneMilli(life.get()))
                : cache.putIfAbsent(key, encoded);
    }

    /**
     * Applies {@code change} to the value of {@code key} atomically: the change sees the current value (empty when
     * absent) and returns the next one (empty to remove the entry). {@code change} may run several times, once per
     * attempt, so any side effect of it must be harmless to repeat; an exception from it ends the update with nothing
     * written.
     *
     * @return the value before and after the update that took effect
     * @throws StoreContentionException    if concurrent writers won {@code maxAttempts} times in a row
     * @throws CorruptStoredValueException if the stored value does not decode
     */
    public Change<T> update(String key, Function<Optional<T>, Optional<T>> change) {
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Optional<VersionedCache.StoredValue> stored = cache.get(key);
            Optional<T> current = stored.map(s -> codec.decode(cache.name(), key, s.value()));
            Optional<T> next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (next.equals(current)) {
                return new Change<>(current, current);
            }
            boolean written;
            if (next.isEmpty()) {
                written = cache.remove(key, stored.orElseThrow());
            } else {
                String encoded = codec.encode(next.get());
                Optional<Duration> life = lifespan.of(next.get());
                if (stored.isEmpty()) {
                    written = life.isPresent() ? cache.putIfAbsent(key, encoded, atLeastOneMilli(life.get()))
                            : cache.putIfAbsent(key, encoded);
                } else {
                    written = life.isPresent()
                            ? cache.replace(key, stored.get(), encoded, atLeastOneMilli(life.get()))
                            : cache.replace(key, stored.get(), encoded);
                }
            }
            if (written) {
                return new Change<>(current, next);
            }
        }
        throw new StoreContentionException(cache.name(), key, maxAttempts);
    }

    /** Removes {@code key} whatever its value; the value it had. */
    public Optional<T> remove(String key) {
        return update(key, current -> Optional.empty()).previous();
    }

    /** A value already past its end is written to expire at once, rather than to never expire. */
    private static Duration atLeastOneMilli(Duration lifespan) {
        return lifespan.toMillis() < 1 ? Duration.ofMillis(1) : lifespan;
    }

    /**
     * How long a written value lives in the cache.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface EntryLifespan<T> {

        /** The lifespan of {@code value} from now; empty for never; a non-positive one expires it at once. */
        Optional<Duration> of(T value);

        /** Values never expire. */
        static <T> EntryLifespan<T> immortal() {
            return value -> Optional.empty();
        }
    }

    /**
     * The outcome of an {@link #update}: the value before and after (equal when the change wrote nothing).
     *
     * @param previous the value the change saw
     * @param current  the value now stored by this update (or left unchanged)
     * @param <T>      the value type
     */
    public record Change<T>(Optional<T> previous, Optional<T> current) {

        /** Whether the update wrote (created, replaced or removed) the entry. */
        public boolean changed() {
            return !previous.equals(current);
        }
    }
}
