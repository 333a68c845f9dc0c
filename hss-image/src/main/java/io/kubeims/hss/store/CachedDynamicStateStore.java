package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.Sqn;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link DynamicStateStore} over two {@link VersionedCache}s, one for SQN_HE and one for registration records, both
 * keyed by IMPI. Every update is a compare-and-set loop: read the value with its version, compute the new value,
 * write it only if the entry is unchanged, else start again. Correct for any number of threads and HSS instances
 * as long as the cache applies each conditional write atomically, which both adapters guarantee.
 */
final class CachedDynamicStateStore implements DynamicStateStore {

    /** Attempts before giving up with {@link StoreContentionException}; each failed attempt means another won. */
    static final int MAX_ATTEMPTS = 10_000;

    private final VersionedCache sqns;
    private final VersionedCache registrations;
    private final ValueCodec<HomeSqnCounter> sqnCodec;
    private final ValueCodec<RegistrationRecord> registrationCodec;

    /**
     * @param sqns          SQN_HE per IMPI
     * @param registrations registration record per IMPI
     */
    CachedDynamicStateStore(VersionedCache sqns, VersionedCache registrations) {
        DynamicStateJson json = new DynamicStateJson();
        this.sqns = sqns;
        this.registrations = registrations;
        this.sqnCodec = json.sqn();
        this.registrationCodec = json.registration();
    }

    @Override
    public Sqn nextSqn(String privateIdentity) {
        return updateSqn(privateIdentity, HomeSqnCounter::next);
    }

    @Override
    public Sqn resync(String privateIdentity, Sqn sqnMs) {
        Objects.requireNonNull(sqnMs, "SQN_MS");
        return updateSqn(privateIdentity, counter -> counter.resynchronised(sqnMs));
    }

    @Override
    public Sqn lastSqn(String privateIdentity) {
        return read(sqns, sqnCodec, key(privateIdentity), HomeSqnCounter.initial()).last();
    }

    @Override
    public RegistrationRecord registration(String privateIdentity) {
        return read(registrations, registrationCodec, key(privateIdentity), RegistrationRecord.notRegistered());
    }

    @Override
    public RegistrationChange updateRegistration(String privateIdentity, UnaryOperator<RegistrationRecord> change) {
        Change<RegistrationRecord> result = update(registrations, registrationCodec, key(privateIdentity),
                RegistrationRecord.notRegistered(), change);
        return new RegistrationChange(result.previous(), result.current());
    }

    private Sqn updateSqn(String privateIdentity, UnaryOperator<HomeSqnCounter> change) {
        return update(sqns, sqnCodec, key(privateIdentity), HomeSqnCounter.initial(), change).current().last();
    }

    private static String key(String privateIdentity) {
        return IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
    }

    private static <T> T read(VersionedCache cache, ValueCodec<T> codec, String key, T absent) {
        return cache.get(key).map(stored -> codec.decode(cache.name(), key, stored.value())).orElse(absent);
    }

    /**
     * The compare-and-set loop. {@code absent} is the value of a missing entry; an update back to it removes the
     * entry (only registration records ever return to it: SQN_HE only grows).
     */
    private static <T> Change<T> update(VersionedCache cache, ValueCodec<T> codec, String key, T absent,
            UnaryOperator<T> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<VersionedCache.StoredValue> stored = cache.get(key);
            T current = stored.map(s -> codec.decode(cache.name(), key, s.value())).orElse(absent);
            T next = change.apply(current);
            if (next.equals(current)) {
                return new Change<>(current, current);
            }
            boolean written;
            if (stored.isEmpty()) {
                written = cache.putIfAbsent(key, codec.encode(next));
            } else if (next.equals(absent)) {
                written = cache.remove(key, stored.get());
            } else {
                written = cache.replace(key, stored.get(), codec.encode(next));
            }
            if (written) {
                return new Change<>(current, next);
            }
        }
        throw new StoreContentionException(cache.name(), key, MAX_ATTEMPTS);
    }

    private record Change<T>(T previous, T current) {
    }
}
