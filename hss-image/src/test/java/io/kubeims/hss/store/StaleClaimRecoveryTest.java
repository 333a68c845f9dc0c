package io.kubeims.hss.store;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A put that died between claiming a public identity and writing its record leaves a claim nobody's record backs:
 * it is invisible to lookups, blocks others only for the lease, and is then taken over. Real (in-memory) Infinispan
 * caches; a settable clock instead of waiting.
 */
class StaleClaimRecoveryTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private DefaultCacheManager manager;
    private VersionedCache index;
    private SettableClock clock;
    private SubscriberStore store;

    @BeforeEach
    void open() {
        manager = new DefaultCacheManager(new GlobalConfigurationBuilder().nonClusteredDefault().build());
        ConfigurationBuilder local = new ConfigurationBuilder();
        local.clustering().cacheMode(CacheMode.LOCAL);
        manager.defineConfiguration("subscribers", local.build());
        manager.defineConfiguration("index", local.build());
        index = new EmbeddedVersionedCache(manager.getCache("index"));
        clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
        store = new CachedSubscriberStore(new EmbeddedVersionedCache(manager.getCache("subscribers")), index,
                new SubscriberJson(new CxUserDataReader()), clock, LEASE);
    }

    @AfterEach
    void close() {
        manager.stop();
    }

    /** What a put of crashed@ims.example.com leaves behind if its process dies right after claiming. */
    private void leaveOrphanClaim(String impu) {
        String claim = new PublicIdentityClaim.Json().encode(
                new PublicIdentityClaim("crashed@ims.example.com", clock.millis(), "t-1"));
        assertTrue(index.putIfAbsent(impu, claim));
    }

    @Test
    void orphanClaimIsInvisibleToLookups() {
        leaveOrphanClaim("sip:carol@ims.example.com");
        assertEquals(Optional.empty(), store.findPrivateIdentity("sip:carol@ims.example.com"));
    }

    @Test
    void orphanClaimBlocksOthersDuringTheLeaseOnly() {
        leaveOrphanClaim("sip:carol@ims.example.com");
        clock.advance(LEASE.minusMillis(1));
        DuplicatePublicIdentityException inFlight = assertThrows(DuplicatePublicIdentityException.class,
                () -> store.put(TestSubscribers.digest("carol")));
        assertEquals("crashed@ims.example.com", inFlight.owner());

        clock.advance(Duration.ofMillis(1));
        store.put(TestSubscribers.digest("carol"));
        assertEquals(Optional.of("carol@ims.example.com"), store.findPrivateIdentity("sip:carol@ims.example.com"));
    }

    @Test
    void orphanOwnerTakesItsClaimBackAtOnce() {
        leaveOrphanClaim("sip:crashed@ims.example.com");
        // The crashed put is retried by its owner (the operator reconciles again): its own claim is refreshed.
        store.put(TestSubscribers.digest("crashed"));
        assertEquals(Optional.of("crashed@ims.example.com"),
                store.findPrivateIdentity("sip:crashed@ims.example.com"));
    }

    @Test
    void backedClaimIsNeverTakenOver() {
        store.put(TestSubscribers.digest("alice"));
        clock.advance(Duration.ofDays(365));
        DuplicatePublicIdentityException e = assertThrows(DuplicatePublicIdentityException.class,
                () -> store.put(TestSubscribers.digest("mallory", "sip:alice@ims.example.com")));
        assertEquals("alice@ims.example.com", e.owner());
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
