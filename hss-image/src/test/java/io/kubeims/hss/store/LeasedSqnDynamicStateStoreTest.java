package io.kubeims.hss.store;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQN lease of the embedded store: the durable SQN_HE is a ceiling raised {@code lease} SEQ steps at a time,
 * and a new instance over the same durable state (a restart, clean or not: the old instance is simply dropped)
 * continues above it. The durable state is a real in-memory Infinispan cache under {@link CachedDynamicStateStore}.
 */
class LeasedSqnDynamicStateStoreTest {

    private static final String ALICE = "alice@ims.example.com";
    private static final byte[] AMF = {(byte) 0x80, 0x00};

    private DefaultCacheManager manager;
    private DynamicStateStore durable;

    @BeforeEach
    void openDurableState() {
        manager = new DefaultCacheManager(new GlobalConfigurationBuilder().nonClusteredDefault().build());
        ConfigurationBuilder local = new ConfigurationBuilder();
        local.clustering().cacheMode(CacheMode.LOCAL);
        manager.defineConfiguration("sqn", local.build());
        manager.defineConfiguration("registrations", local.build());
        durable = new CachedDynamicStateStore(new EmbeddedVersionedCache(manager.<String, String>getCache("sqn")),
                new EmbeddedVersionedCache(manager.<String, String>getCache("registrations")));
    }

    @AfterEach
    void close() {
        manager.stop();
    }

    @Test
    void theDurableCeilingMovesOneLeaseAheadOnlyWhenAnSqnWouldPassIt() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8);
        // SEQ 1 passes the initial ceiling 0: the ceiling becomes SEQ 1 + 7, the IND of SQN 1 kept.
        assertEquals(Sqn.of(1, 1), store.nextSqn(ALICE));
        assertEquals(Sqn.of(8, 1), durable.lastSqn(ALICE));
        for (int seq = 2; seq <= 8; seq++) {
            assertEquals(Sqn.of(seq, seq), store.nextSqn(ALICE));
        }
        assertEquals(Sqn.of(8, 1), durable.lastSqn(ALICE), "SEQ 2..8 are under the ceiling: no write");
        assertEquals(Sqn.of(9, 9), store.nextSqn(ALICE));
        assertEquals(Sqn.of(16, 9), durable.lastSqn(ALICE));
        // In memory SQN_HE is exact.
        assertEquals(Sqn.of(9, 9), store.lastSqn(ALICE));
    }

    @Test
    void afterARestartTheFirstSqnIsAboveTheCeilingAndEverySqnIssuedBefore() {
        LeasedSqnDynamicStateStore before = new LeasedSqnDynamicStateStore(durable, 8);
        List<Sqn> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(before.nextSqn(ALICE));
        }
        Sqn ceiling = durable.lastSqn(ALICE);
        assertEquals(Sqn.of(24, 17), ceiling, "raised at SEQ 1, 9 and 17");

        // No close: the first instance is dropped, as a killed process would be.
        LeasedSqnDynamicStateStore after = new LeasedSqnDynamicStateStore(durable, 8);
        assertEquals(ceiling, after.lastSqn(ALICE), "the rest of the lease counts as issued");
        Sqn next = after.nextSqn(ALICE);
        assertEquals(Sqn.of(25, 18), next);
        for (Sqn earlier : issued) {
            assertTrue(next.compareTo(earlier) > 0, next + " above " + earlier);
        }
        assertEquals(Sqn.of(32, 18), durable.lastSqn(ALICE));
    }

    @Test
    void aResyncAboveTheCeilingIsDurableBeforeItReturns() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8);
        store.nextSqn(ALICE);
        assertEquals(Sqn.of(1000, 7), store.resync(ALICE, Sqn.of(1000, 7)));
        assertEquals(Sqn.of(1007, 7), durable.lastSqn(ALICE));
        // A USIM behind SQN_HE changes nothing (TS 33.102 C.3.4), here or on disk.
        assertEquals(Sqn.of(1000, 7), store.resync(ALICE, Sqn.of(3, 3)));
        assertEquals(Sqn.of(1007, 7), durable.lastSqn(ALICE));
        assertEquals(Sqn.of(1008, 8), new LeasedSqnDynamicStateStore(durable, 8).nextSqn(ALICE));
    }

    @Test
    void aUsimAcceptsEveryVectorAcrossManyRestartsWithTheDefaultLease() {
        SubscriberKeys keys = SubscriberKeys.fromOpcHex(TestSubscribers.K, TestSubscribers.OPC);
        Usim usim = new Usim(keys);
        AuthenticationVectorGenerator vectors = new AuthenticationVectorGenerator(new SecureRandom());
        Sqn previous = Sqn.ZERO;
        for (int restart = 0; restart < 40; restart++) {
            LeasedSqnDynamicStateStore store =
                    new LeasedSqnDynamicStateStore(durable, LeasedSqnDynamicStateStore.DEFAULT_LEASE);
            for (int vector = 0; vector < 3; vector++) {
                Sqn sqn = store.nextSqn(ALICE);
                assertTrue(sqn.seq() > previous.seq(), sqn + " after " + previous);
                assertTrue(sqn.seq() - previous.seq() <= LeasedSqnDynamicStateStore.DEFAULT_LEASE,
                        "skips at most one lease: " + previous + " then " + sqn);
                AuthenticationVector av = vectors.generate(keys, sqn, AMF);
                UsimResult result = usim.authenticate(av.rand(), av.autn());
                assertEquals(sqn, assertInstanceOf(UsimResult.Authenticated.class, result,
                        "restart " + restart + ", " + sqn).sqn());
                previous = sqn;
            }
        }
        // 40 restarts skipped about 40 leases: SEQ stays far below the USIM's delta of 2^28.
        assertTrue(previous.seq() < 41L * LeasedSqnDynamicStateStore.DEFAULT_LEASE, previous.toString());
    }

    @Test
    void aLeaseBelowOneIsRefused() {
        InvalidStorageSettingsException e = assertThrows(InvalidStorageSettingsException.class,
                () -> new LeasedSqnDynamicStateStore(durable, 0));
        assertEquals("SQN lease must be at least 1, was 0", e.getMessage());
    }

    @Test
    void aLeaseOfOneMakesEverySqnDurable() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 1);
        for (int seq = 1; seq <= 5; seq++) {
            Sqn sqn = store.nextSqn(ALICE);
            assertEquals(sqn, durable.lastSqn(ALICE));
        }
    }
}
