package io.kubeims.hss.store;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.store.EmbeddedVersionedCache;
import org.infinispan.commons.IllegalLifecycleStateException;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQN lease of the embedded store: the durable SQN_HE is a ceiling written before an SQN would pass it and
 * renewed when half the lease is used, and a new instance over the same durable state (a restart, clean or not: the
 * old instance is simply dropped) continues above it. Renewals run on the calling thread ({@code Runnable::run})
 * or, to see them lag, are held in a queue. The durable state is a real in-memory Infinispan cache under {@link CachedDynamicStateStore}.
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
    void theCeilingIsWrittenBeforeTheFirstSqnAndRenewedWhenHalfTheLeaseIsUsed() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8, Runnable::run);
        // SEQ 1 passes the initial ceiling 0: the ceiling SEQ 1 + 7 is written first, with the IND of SQN 1.
        assertEquals(Sqn.of(1, 1), store.nextSqn(ALICE));
        assertEquals(Sqn.of(8, 1), durable.lastSqn(ALICE));
        for (int seq = 2; seq <= 4; seq++) {
            assertEquals(Sqn.of(seq, seq), store.nextSqn(ALICE));
        }
        assertEquals(Sqn.of(8, 1), durable.lastSqn(ALICE), "SEQ 2..4 leave at least half the lease: no write");
        // SEQ 5 leaves 3 < 8 / 2: the ceiling is renewed to 8 + 7 (here on the calling thread).
        assertEquals(Sqn.of(5, 5), store.nextSqn(ALICE));
        assertEquals(Sqn.of(15, 1), durable.lastSqn(ALICE));
        // In memory SQN_HE is exact.
        assertEquals(Sqn.of(5, 5), store.lastSqn(ALICE));
    }

    @Test
    void aRenewalRunsOffTheRequestAndALaggingOneNeverLowersTheCeiling() {
        Queue<Runnable> pending = new ArrayDeque<>();
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8, pending::add);
        for (int seq = 1; seq <= 5; seq++) {
            store.nextSqn(ALICE);
        }
        assertEquals(1, pending.size(), "SEQ 5 asked for a renewal");
        assertEquals(Sqn.of(8, 1), durable.lastSqn(ALICE), "not yet run");
        for (int seq = 6; seq <= 8; seq++) {
            assertEquals(Sqn.of(seq, seq), store.nextSqn(ALICE));
        }
        assertEquals(1, pending.size(), "one renewal at a time");
        // The renewal has not run: SEQ 9 would pass the durable ceiling, so it writes one itself first.
        assertEquals(Sqn.of(9, 9), store.nextSqn(ALICE));
        assertEquals(Sqn.of(16, 9), durable.lastSqn(ALICE));
        // The late renewal to SEQ 15 leaves the higher ceiling as it is.
        pending.remove().run();
        assertEquals(Sqn.of(16, 9), durable.lastSqn(ALICE));
        assertEquals(Sqn.of(10, 10), store.nextSqn(ALICE));
    }

    @Test
    void afterARestartTheFirstSqnIsAboveTheCeilingAndEverySqnIssuedBefore() {
        LeasedSqnDynamicStateStore before = new LeasedSqnDynamicStateStore(durable, 8, Runnable::run);
        List<Sqn> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(before.nextSqn(ALICE));
        }
        Sqn ceiling = durable.lastSqn(ALICE);
        assertEquals(Sqn.of(29, 1), ceiling, "written at SEQ 1 (8), renewed at SEQ 5 (15), 12 (22) and 19 (29)");

        // No close: the first instance is dropped, as a killed process would be.
        LeasedSqnDynamicStateStore after = new LeasedSqnDynamicStateStore(durable, 8, Runnable::run);
        assertEquals(ceiling, after.lastSqn(ALICE), "the rest of the lease counts as issued");
        Sqn next = after.nextSqn(ALICE);
        assertEquals(Sqn.of(30, 2), next);
        for (Sqn earlier : issued) {
            assertTrue(next.compareTo(earlier) > 0, next + " above " + earlier);
        }
        assertEquals(Sqn.of(37, 2), durable.lastSqn(ALICE));
    }

    @Test
    void noSqnPassesTheCeilingWhileTheStoreCannotWrite() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8, Runnable::run);
        store.nextSqn(ALICE);
        manager.stop();
        // SEQ 2..8 are under the durable ceiling 8; the renewal asked for at SEQ 5 fails and is only logged.
        for (int seq = 2; seq <= 8; seq++) {
            assertEquals(Sqn.of(seq, seq), store.nextSqn(ALICE));
        }
        assertThrows(IllegalLifecycleStateException.class, () -> store.nextSqn(ALICE));
        assertEquals(Sqn.of(8, 8), store.lastSqn(ALICE), "SEQ 9 was not issued");
    }

    @Test
    void aResyncAboveTheCeilingIsDurableBeforeItReturns() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 8, Runnable::run);
        store.nextSqn(ALICE);
        assertEquals(Sqn.of(1000, 7), store.resync(ALICE, Sqn.of(1000, 7)));
        assertEquals(Sqn.of(1007, 7), durable.lastSqn(ALICE));
        // A USIM behind SQN_HE changes nothing (TS 33.102 C.3.4), here or on disk.
        assertEquals(Sqn.of(1000, 7), store.resync(ALICE, Sqn.of(3, 3)));
        assertEquals(Sqn.of(1007, 7), durable.lastSqn(ALICE));
        assertEquals(Sqn.of(1008, 8), new LeasedSqnDynamicStateStore(durable, 8, Runnable::run).nextSqn(ALICE));
    }

    @Test
    void aUsimAcceptsEveryVectorAcrossManyRestartsWithTheDefaultLease() {
        SubscriberKeys keys = SubscriberKeys.fromOpcHex(TestSubscribers.K, TestSubscribers.OPC);
        Usim usim = new Usim(keys);
        AuthenticationVectorGenerator vectors = new AuthenticationVectorGenerator(new SecureRandom());
        Sqn previous = Sqn.ZERO;
        for (int restart = 0; restart < 40; restart++) {
            LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable,
                    LeasedSqnDynamicStateStore.DEFAULT_LEASE, Runnable::run);
            for (int vector = 0; vector < 3; vector++) {
                Sqn sqn = store.nextSqn(ALICE);
                assertTrue(sqn.seq() > previous.seq(), sqn + " after " + previous);
                assertTrue(sqn.seq() - previous.seq() < 2 * LeasedSqnDynamicStateStore.DEFAULT_LEASE,
                        "skips less than two leases: " + previous + " then " + sqn);
                AuthenticationVector av = vectors.generate(keys, sqn, AMF);
                UsimResult result = usim.authenticate(av.rand(), av.autn());
                assertEquals(sqn, assertInstanceOf(UsimResult.Authenticated.class, result,
                        "restart " + restart + ", " + sqn).sqn());
                previous = sqn;
            }
        }
        // 40 restarts skipped about 40 leases: SEQ stays far below the USIM's delta of 2^28.
        assertTrue(previous.seq() < 2 * 41L * LeasedSqnDynamicStateStore.DEFAULT_LEASE, previous.toString());
    }

    @Test
    void aLeaseBelowOneIsRefused() {
        InvalidStorageSettingsException e = assertThrows(InvalidStorageSettingsException.class,
                () -> new LeasedSqnDynamicStateStore(durable, 0, Runnable::run));
        assertEquals("SQN lease must be at least 1, was 0", e.getMessage());
    }

    @Test
    void aLeaseOfOneMakesEverySqnDurable() {
        LeasedSqnDynamicStateStore store = new LeasedSqnDynamicStateStore(durable, 1, Runnable::run);
        for (int seq = 1; seq <= 5; seq++) {
            Sqn sqn = store.nextSqn(ALICE);
            assertEquals(sqn, durable.lastSqn(ALICE));
        }
    }
}
