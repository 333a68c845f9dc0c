package io.kubeims.cscf.store;

import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.util.function.Function;

/** The four CSCF stores built over caches of one backend, as both storages use them. */
final class CachedCscfStores {

    final RegistrationStore registrations;
    final AuthChallengeStore challenges;
    final PcscfFlowStore pcscfFlows;
    final RegEventSubscriptionStore subscriptions;

    /** @param cache the backend's cache of a name (durable or not is the backend's choice per name) */
    CachedCscfStores(Function<String, VersionedCache> cache, CscfCacheNames names, CscfStoreSettings settings,
            Clock clock) {
        this.registrations = new CachedRegistrationStore(cache.apply(names.registrations()),
                cache.apply(names.registrationExpiries()), cache.apply(names.registrationIdentities()), settings,
                clock);
        this.challenges = new CachedAuthChallengeStore(cache.apply(names.challenges()), settings.challengeLifetime(),
                clock);
        this.pcscfFlows = new CachedPcscfFlowStore(cache.apply(names.pcscfFlows()), clock);
        this.subscriptions = new CachedRegEventSubscriptionStore(cache.apply(names.subscriptions()),
                cache.apply(names.subscriptionWatchers()), clock);
    }
}
