package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.store.StoreContentionException;
import io.kubeims.store.TypedCache;
import io.kubeims.store.VersionedCache;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link DynamicStateStore} over two {@link VersionedCache}s, one for SQN_HE and one for registration records, both
 * keyed by IMPI. Every update is ims-store's compare-and-set loop ({@link TypedCache#update}): read the value with its
 * version, compute the new value, write it only if the entry is unchanged, else start again. Correct for any number
 * of threads and HSS instances as long as the cache applies each conditional write atomically, which both adapters
 * guarantee.
 */
final class CachedDynamicStateStore implements DynamicStateStore {

    /** Attempts before giving up with {@link StoreContentionException}; each failed attempt means another won. */
    static final int MAX_ATTEMPTS = 10_000;

    private final TypedCache<HomeSqnCounter> sqns;
    private final TypedCache<RegistrationRecord> registrations;

    /**
     * @param sqns          SQN_HE per IMPI
     * @param registrations registration record per IMPI
     */
    CachedDynamicStateStore(VersionedCache sqns, VersionedCache registrations) {
        DynamicStateJson json = new DynamicStateJson();
        this.sqns = new TypedCache<>(sqns, json.sqn(), TypedCache.EntryLifespan.immortal(), MAX_ATTEMPTS);
        this.registrations = new TypedCache<>(registrations, json.registration(),
                TypedCache.EntryLifespan.immortal(), MAX_ATTEMPTS);
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
        return sqns.get(key(privateIdentity)).orElse(HomeSqnCounter.initial()).last();
    }

    @Override
    public RegistrationRecord registration(String privateIdentity) {
        return registrations.get(key(privateIdentity)).orElse(RegistrationRecord.notRegistered());
    }

    @Override
    public RegistrationChange updateRegistration(String privateIdentity, UnaryOperator<RegistrationRecord> change) {
        RegistrationRecord absent = RegistrationRecord.notRegistered();
        TypedCache.Change<RegistrationRecord> result = update(registrations, key(privateIdentity), absent, change);
        return new RegistrationChange(result.previous().orElse(absent), result.current().orElse(absent));
    }

    private Sqn updateSqn(String privateIdentity, UnaryOperator<HomeSqnCounter> change) {
        HomeSqnCounter absent = HomeSqnCounter.initial();
        return update(sqns, key(privateIdentity), absent, change).current().orElse(absent).last();
    }

    private static String key(String privateIdentity) {
        return IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
    }

    /**
     * {@code change} applied to the value of {@code key}, {@code absent} standing for a missing entry: an update back
     * to it removes the entry (only registration records ever return to it: SQN_HE only grows).
     */
    private static <T> TypedCache.Change<T> update(TypedCache<T> cache, String key, T absent,
            UnaryOperator<T> change) {
        return cache.update(key, stored -> {
            T next = change.apply(stored.orElse(absent));
            return next.equals(absent) ? Optional.empty() : Optional.of(next);
        });
    }
}
