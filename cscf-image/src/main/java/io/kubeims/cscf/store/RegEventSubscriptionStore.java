package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache.Change;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The S-CSCF's reg-event subscriptions (RFC 3680) by dialog id, shared by the replicas so that any of them can send
 * the next NOTIFY with the next reginfo version. An entry lives until its {@link RegEventSubscription#expiresAt()}
 * (Infinispan lifespan, and checked on every read).
 */
public interface RegEventSubscriptionStore {

    /** Stores a new subscription; false if its id is already stored. */
    boolean create(RegEventSubscription subscription);

    /** The subscription, if stored and not expired. */
    Optional<RegEventSubscription> get(String id);

    /** The unexpired subscriptions watching {@code identity}. */
    List<RegEventSubscription> findByWatchedIdentity(String identity);

    /**
     * Applies {@code change} atomically (e.g. a refresh); empty to remove. It may run several times, so it must not
     * have side effects.
     *
     * @throws InvalidCscfStateException if the next subscription has another id or watches another identity
     */
    Change<RegEventSubscription> update(String id,
            Function<Optional<RegEventSubscription>, Optional<RegEventSubscription>> change);

    /**
     * Takes the next NOTIFY of the subscription: its reginfo version and dialog CSeq both one higher, atomically, so
     * that NOTIFYs from any replicas carry strictly increasing versions (RFC 3680) and CSeqs.
     *
     * @return the subscription with the version and CSeq to send; empty if it is not stored or expired
     */
    Optional<RegEventSubscription> nextNotify(String id);

    /** Removes the subscription; the one removed, if it had not expired. */
    Optional<RegEventSubscription> remove(String id);
}
