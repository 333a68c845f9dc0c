package io.kubeims.cscf.store;

import io.kubeims.store.HotRodCaches;
import org.infinispan.client.hotrod.RemoteCacheManager;

import java.time.Clock;

/**
 * The CSCF stores on an Infinispan Server (cluster) over Hot Rod, shared by every replica of a role: the state that
 * must outlive a pod (DESIGN.md section 2). Caches are created on first use from an XML template, by default
 * {@link HotRodCaches#DISTRIBUTED_CACHE_XML} (two owners, file store, no split-brain writes).
 */
public final class HotRodCscfStorage implements CscfStorage {

    private final HotRodCaches caches;
    private final CachedCscfStores stores;

    /**
     * @param manager          a started Hot Rod client; this storage owns it and closes it in {@link #close()}
     * @param names            the cache names
     * @param cacheXmlTemplate the cache definition, with {@code ${name}} for the cache name
     * @param settings         the store settings
     * @param clock            this replica's clock (replicas' clocks should agree to well within a second)
     * @throws org.infinispan.client.hotrod.exceptions.HotRodClientException if the server is unreachable or refuses
     *         the cache definition
     */
    public HotRodCscfStorage(RemoteCacheManager manager, CscfCacheNames names, String cacheXmlTemplate,
            CscfStoreSettings settings, Clock clock) {
        this.caches = new HotRodCaches(manager, cacheXmlTemplate);
        try {
            this.stores = new CachedCscfStores(caches::cache, names, settings, clock);
        } catch (RuntimeException e) {
            caches.close();
            throw e;
        }
    }

    @Override
    public RegistrationStore registrations() {
        return stores.registrations;
    }

    @Override
    public AuthChallengeStore challenges() {
        return stores.challenges;
    }

    @Override
    public PcscfFlowStore pcscfFlows() {
        return stores.pcscfFlows;
    }

    @Override
    public RegEventSubscriptionStore regEventSubscriptions() {
        return stores.subscriptions;
    }

    /** Closes the Hot Rod client. */
    @Override
    public void close() {
        caches.close();
    }
}
