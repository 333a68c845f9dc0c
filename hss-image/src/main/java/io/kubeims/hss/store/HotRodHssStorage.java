package io.kubeims.hss.store;

import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.store.HotRodCaches;
import org.infinispan.client.hotrod.RemoteCacheManager;

import java.time.Clock;

/**
 * The HSS's stores on an Infinispan Server (cluster) over Hot Rod, for several HSS replicas sharing state. The
 * caches are created on first use from an XML template ({@link HotRodCaches}) and reused when they exist.
 * Conditional writes are Hot Rod's versioned operations, applied atomically by the key's primary owner.
 */
public final class HotRodHssStorage implements HssStorage {

    /**
     * The default cache definition: distributed, synchronous, two owners, persisted to the server's file store.
     * On a network split the minority partition refuses reads and writes, so no two partitions can each issue
     * SQNs or assign S-CSCFs. {@code ${name}} is replaced by the cache name.
     */
    public static final String DEFAULT_CACHE_XML = HotRodCaches.DISTRIBUTED_CACHE_XML;

    private final HotRodCaches caches;
    private final SubscriberStore subscribers;
    private final DynamicStateStore dynamicState;

    /** The default cache names and definition; see {@link #HotRodHssStorage(RemoteCacheManager, HssCacheNames, String, Clock)}. */
    public HotRodHssStorage(RemoteCacheManager manager) {
        this(manager, HssCacheNames.defaults(), DEFAULT_CACHE_XML, Clock.systemUTC());
    }

    /**
     * @param manager          a started Hot Rod client; this storage owns it and closes it in {@link #close()}
     * @param names            the cache names
     * @param cacheXmlTemplate the cache definition, with {@code ${name}} for the cache name
     * @param clock            time source of the public identity claim lease (HSS replicas' clocks should agree
     *                         to well within the lease, 30 s)
     * @throws org.infinispan.client.hotrod.exceptions.HotRodClientException if the server is unreachable or refuses
     *         the cache definition
     */
    public HotRodHssStorage(RemoteCacheManager manager, HssCacheNames names, String cacheXmlTemplate, Clock clock) {
        this.caches = new HotRodCaches(manager, cacheXmlTemplate);
        try {
            this.subscribers = new CachedSubscriberStore(caches.cache(names.subscribers()),
                    caches.cache(names.publicIdentities()), new SubscriberJson(new CxUserDataReader()),
                    clock, CachedSubscriberStore.DEFAULT_CLAIM_LEASE);
            this.dynamicState = new CachedDynamicStateStore(caches.cache(names.sqn()),
                    caches.cache(names.registrations()));
        } catch (RuntimeException e) {
            caches.close();
            throw e;
        }
    }

    @Override
    public SubscriberStore subscribers() {
        return subscribers;
    }

    @Override
    public DynamicStateStore dynamicState() {
        return dynamicState;
    }

    @Override
    public void close() {
        caches.close();
    }
}
