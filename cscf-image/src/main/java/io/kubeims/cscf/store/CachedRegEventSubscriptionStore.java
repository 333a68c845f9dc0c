package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache;
import io.kubeims.store.TypedCache.Change;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link RegEventSubscriptionStore} over two caches: subscriptions by id, and the index watched identity ->
 * subscription ids (each member lapsing with its subscription), added to before a subscription is written.
 */
final class CachedRegEventSubscriptionStore implements RegEventSubscriptionStore {

    private final TypedCache<RegEventSubscription> subscriptions;
    private final MemberIndex watchers;
    private final Clock clock;

    CachedRegEventSubscriptionStore(VersionedCache subscriptions, VersionedCache watchers, Clock clock) {
        this.clock = clock;
        this.subscriptions = new TypedCache<>(subscriptions, new RegEventSubscriptionJson(),
                subscription -> Optional.of(Duration.between(clock.instant(), subscription.expiresAt())),
                TypedCache.DEFAULT_MAX_ATTEMPTS);
        this.watchers = new MemberIndex(watchers, clock);
    }

    @Override
    public boolean create(RegEventSubscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        Change<RegEventSubscription> result = update(subscription.id(),
                current -> current.isPresent() ? current : Optional.of(subscription));
        return result.previous().isEmpty() && result.changed();
    }

    @Override
    public Optional<RegEventSubscription> get(String id) {
        return subscriptions.get(StateFields.requireText("id", id)).filter(this::live);
    }

    @Override
    public List<RegEventSubscription> findByWatchedIdentity(String identity) {
        List<RegEventSubscription> found = new ArrayList<>();
        for (String id : watchers.members(StateFields.requireText("identity", identity))) {
            get(id).filter(s -> s.watchedIdentity().equals(identity)).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public Change<RegEventSubscription> update(String id,
            Function<Optional<RegEventSubscription>, Optional<RegEventSubscription>> change) {
        StateFields.requireText("id", id);
        Objects.requireNonNull(change, "change");
        Change<RegEventSubscription> result = subscriptions.update(id, stored -> {
            Optional<RegEventSubscription> current = stored.filter(this::live);
            Optional<RegEventSubscription> next = change.apply(current);
            if (next.isPresent()) {
                RegEventSubscription written = next.get();
                if (!written.id().equals(id)) {
                    throw new InvalidCscfStateException("subscription " + written.id() + " written under " + id);
                }
                if (current.isPresent() && !current.get().watchedIdentity().equals(written.watchedIdentity())) {
                    throw new InvalidCscfStateException("subscription " + id + " cannot change its watched identity");
                }
                // Index before the write, for as long as the subscription lives.
                if (current.isEmpty() || !current.get().expiresAt().equals(written.expiresAt())) {
                    watchers.add(written.watchedIdentity(), id, written.expiresAt().toEpochMilli());
                }
            }
            return next;
        });
        return new Change<>(result.previous().filter(this::live), result.current());
    }

    @Override
    public Optional<RegEventSubscription> nextNotify(String id) {
        return update(id, current -> current.map(RegEventSubscription::nextNotify)).current();
    }

    @Override
    public Optional<RegEventSubscription> remove(String id) {
        Optional<RegEventSubscription> removed = update(id, current -> Optional.empty()).previous();
        removed.ifPresent(s -> watchers.remove(s.watchedIdentity(), id));
        return removed;
    }

    private boolean live(RegEventSubscription subscription) {
        return !subscription.isExpired(clock.instant());
    }
}
