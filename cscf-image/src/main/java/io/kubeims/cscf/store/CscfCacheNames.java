package io.kubeims.cscf.store;

import io.kubeims.store.CacheNameSet;
import io.kubeims.store.InvalidCacheSettingsException;

import java.util.List;

/**
 * The names of the CSCF caches. Several kube-ims cores can share one Infinispan Server when each uses its own
 * {@link #prefixed prefix}.
 *
 * @param registrations          S-CSCF registrations by IMPI
 * @param registrationExpiries   the expiry index (time bucket and shard -> IMPIs)
 * @param registrationIdentities the public identity index (IMPU -> IMPIs)
 * @param challenges             authentication challenges by nonce
 * @param pcscfFlows             P-CSCF per-UE state by contact and flow
 * @param subscriptions          reg-event subscriptions by dialog id
 * @param subscriptionWatchers   the watched identity index (identity -> subscription ids)
 */
public record CscfCacheNames(String registrations, String registrationExpiries, String registrationIdentities,
        String challenges, String pcscfFlows, String subscriptions, String subscriptionWatchers) {

    /**
     * @throws InvalidCscfStoreSettingsException if a name is blank, repeated or has characters outside [A-Za-z0-9._-]
     */
    public CscfCacheNames {
        try {
            CacheNameSet.of(registrations, registrationExpiries, registrationIdentities, challenges, pcscfFlows,
                    subscriptions, subscriptionWatchers);
        } catch (InvalidCacheSettingsException e) {
            throw new InvalidCscfStoreSettingsException(e.getMessage(), e);
        }
    }

    /** The names with prefix {@code cscf}. */
    public static CscfCacheNames defaults() {
        return prefixed("cscf");
    }

    /**
     * {@code <prefix>-registrations}, {@code <prefix>-registration-expiries}, {@code <prefix>-registration-identities},
     * {@code <prefix>-challenges}, {@code <prefix>-pcscf-flows}, {@code <prefix>-subscriptions},
     * {@code <prefix>-subscription-watchers}.
     *
     * @throws InvalidCscfStoreSettingsException if the prefix makes an invalid name
     */
    public static CscfCacheNames prefixed(String prefix) {
        return new CscfCacheNames(prefix + "-registrations", prefix + "-registration-expiries",
                prefix + "-registration-identities", prefix + "-challenges", prefix + "-pcscf-flows",
                prefix + "-subscriptions", prefix + "-subscription-watchers");
    }

    /** All seven names. */
    public List<String> all() {
        return List.of(registrations, registrationExpiries, registrationIdentities, challenges, pcscfFlows,
                subscriptions, subscriptionWatchers);
    }
}
