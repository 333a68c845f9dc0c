package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache;
import io.kubeims.store.TypedCache.Change;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@link PcscfFlowStore} over one cache keyed by {@code TRANSPORT|address|port|contactUri}. */
final class CachedPcscfFlowStore implements PcscfFlowStore {

    private final TypedCache<PcscfFlow> flows;
    private final Clock clock;

    CachedPcscfFlowStore(VersionedCache cache, Clock clock) {
        this.clock = clock;
        this.flows = new TypedCache<>(cache, new PcscfFlowJson(),
                flow -> Optional.of(Duration.between(clock.instant(), flow.expiresAt())),
                TypedCache.DEFAULT_MAX_ATTEMPTS);
    }

    @Override
    public Optional<PcscfFlow> get(PcscfFlowKey key) {
        return flows.get(StateFields.requirePresent("key", key).cacheKey()).filter(this::live);
    }

    @Override
    public void put(PcscfFlow flow) {
        Objects.requireNonNull(flow, "flow");
        update(flow.key(), current -> Optional.of(flow));
    }

    @Override
    public Change<PcscfFlow> update(PcscfFlowKey key, Function<Optional<PcscfFlow>, Optional<PcscfFlow>> change) {
        StateFields.requirePresent("key", key);
        Objects.requireNonNull(change, "change");
        Change<PcscfFlow> result = flows.update(key.cacheKey(), stored -> {
            Optional<PcscfFlow> next = change.apply(stored.filter(this::live));
            if (next.isPresent() && !next.get().key().equals(key)) {
                throw new InvalidCscfStateException("flow of " + next.get().key() + " written under " + key);
            }
            return next;
        });
        return new Change<>(result.previous().filter(this::live), result.current());
    }

    @Override
    public Optional<PcscfFlow> remove(PcscfFlowKey key) {
        return update(key, current -> Optional.empty()).previous();
    }

    private boolean live(PcscfFlow flow) {
        return !flow.isExpired(clock.instant());
    }
}
