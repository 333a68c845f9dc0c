package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.store.EmbeddedVersionedCache;
import io.kubeims.store.VersionedCache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decoded records {@link CachedSubscriberStore} keeps are never stale: two stores over the same caches stand for
 * two HSS instances; what one writes, the other reads at once although it decoded the older record before. A store
 * that keeps only two decoded records still answers every subscriber.
 */
class DecodedSubscriberReuseTest {

    private DefaultCacheManager manager;
    private VersionedCache subscribers;
    private VersionedCache publicIdentities;

    @BeforeEach
    void openCaches() {
        manager = new DefaultCacheManager(new GlobalConfigurationBuilder().nonClusteredDefault().build());
        ConfigurationBuilder local = new ConfigurationBuilder();
        local.clustering().cacheMode(CacheMode.LOCAL);
        manager.defineConfiguration("subscribers", local.build());
        manager.defineConfiguration("identities", local.build());
        subscribers = new EmbeddedVersionedCache(manager.<String, String>getCache("subscribers"));
        publicIdentities = new EmbeddedVersionedCache(manager.<String, String>getCache("identities"));
    }

    @AfterEach
    void close() {
        manager.stop();
    }

    private CachedSubscriberStore store(int maxDecodedRecords) {
        return new CachedSubscriberStore(subscribers, publicIdentities, new SubscriberJson(new CxUserDataReader()),
                Clock.systemUTC(), CachedSubscriberStore.DEFAULT_CLAIM_LEASE, maxDecodedRecords);
    }

    @Test
    void aChangeByAnotherInstanceIsSeenAtOnce() {
        CachedSubscriberStore writer = store(CachedSubscriberStore.DEFAULT_DECODED_RECORDS);
        CachedSubscriberStore reader = store(CachedSubscriberStore.DEFAULT_DECODED_RECORDS);
        Subscriber akaAlice = TestSubscribers.aka("alice", "tel:+15551230001");
        writer.put(akaAlice);
        assertEquals(Optional.of(akaAlice), reader.get("alice@ims.example.com"));
        assertEquals(Optional.of("alice@ims.example.com"), reader.findPrivateIdentity("tel:+15551230001"));

        // Re-provisioned with other credentials, no iFC and another second identity.
        Subscriber digestAlice = TestSubscribers.digest("alice", "tel:+15551230002");
        writer.put(digestAlice);
        assertEquals(Optional.of(digestAlice), reader.get("alice@ims.example.com"));
        assertEquals(Optional.empty(), reader.findPrivateIdentity("tel:+15551230001"));
        assertEquals(Optional.of("alice@ims.example.com"), reader.findPrivateIdentity("tel:+15551230002"));

        writer.delete("alice@ims.example.com");
        assertEquals(Optional.empty(), reader.get("alice@ims.example.com"));
        assertEquals(Optional.empty(), reader.findPrivateIdentity("tel:+15551230002"));
    }

    @Test
    void moreSubscribersThanDecodedRecordsKeptAreAllAnswered() {
        CachedSubscriberStore store = store(2);
        List<Subscriber> all = List.of(TestSubscribers.aka("a"), TestSubscribers.digest("b"),
                TestSubscribers.aka("c"), TestSubscribers.digest("d"), TestSubscribers.aka("e"));
        all.forEach(store::put);
        for (int round = 0; round < 3; round++) {
            for (Subscriber s : all) {
                assertEquals(Optional.of(s), store.get(s.privateIdentity()), "round " + round);
                assertEquals(Optional.of(s.privateIdentity()),
                        store.findPrivateIdentity(s.defaultPublicIdentity().identity()));
            }
        }
    }
}
