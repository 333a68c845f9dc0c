package io.kubeims.hss.store;

import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.store.EmbeddedCaches;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HSS's stores in embedded Infinispan (a single HSS, tests, local mode): local caches, each persisted to a
 * soft-index file store under the data directory ({@code <dir>/<cache>/data} and {@code <dir>/<cache>/index}), write
 * through, so subscribers, SQN and assignments survive a restart.
 *
 * <p>Durability. SQN_HE is kept exactly in memory and only a ceiling, up to about {@value #SQN_LEASE} SEQ steps
 * ahead and renewed in the background, is written ({@link LeasedSqnDynamicStateStore}); the SQN and registration
 * caches use {@code sync-writes}: the log append is forced to disk (fdatasync) before the write returns. So an SQN
 * is never handed out before a ceiling at or above it is on disk, and no SQN is reused after a process kill
 * (tested) or an OS crash; after any restart fewer than 2 x {@value #SQN_LEASE} SEQ values are skipped. One limit
 * for the OS crash: the file store's compaction moves live records to a new file without forcing it before deleting
 * the old one, so a power loss within the kernel's writeback delay after a compaction of the SQN cache could lose
 * ceilings; HSS replicas on an Infinispan Server (two owners) do not depend on one disk. Subscriber records are
 * written through without forcing: an OS crash may lose the last provisioning changes (a process kill does not:
 * they are in the OS page cache).
 */
public final class EmbeddedHssStorage implements HssStorage {

    /** SEQ steps of SQN_HE reserved per forced write (see {@link LeasedSqnDynamicStateStore}). */
    public static final int SQN_LEASE = LeasedSqnDynamicStateStore.DEFAULT_LEASE;

    /** Threads renewing SQN ceilings: several, so that their forced writes share one fdatasync. */
    private static final int RENEWAL_THREADS = 4;
    private static final long RENEWAL_STOP_SECONDS = 5;

    private final EmbeddedCaches caches;
    private final ExecutorService renewals;
    private final SubscriberStore subscribers;
    private final DynamicStateStore dynamicState;

    /**
     * Opens (creating if needed) the storage under {@code dataDirectory} with the default cache names.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public EmbeddedHssStorage(Path dataDirectory) {
        this(dataDirectory, HssCacheNames.defaults(), Clock.systemUTC());
    }

    /**
     * @param dataDirectory where the file stores and Infinispan's global state live; one storage at a time
     * @param names         the cache names
     * @param clock         time source of the public identity claim lease
     * @throws UncheckedIOException if the directory cannot be created
     */
    public EmbeddedHssStorage(Path dataDirectory, HssCacheNames names, Clock clock) {
        EmbeddedCaches started = EmbeddedCaches.persistent("kubeims-hss", dataDirectory);
        ExecutorService renewalThreads = Executors.newFixedThreadPool(RENEWAL_THREADS, renewalThreads());
        try {
            this.subscribers = new CachedSubscriberStore(started.fileStoredCache(names.subscribers(), false),
                    started.fileStoredCache(names.publicIdentities(), false),
                    new SubscriberJson(new CxUserDataReader()), clock, CachedSubscriberStore.DEFAULT_CLAIM_LEASE);
            this.dynamicState = new LeasedSqnDynamicStateStore(new CachedDynamicStateStore(
                    started.fileStoredCache(names.sqn(), true), started.fileStoredCache(names.registrations(), true)),
                    SQN_LEASE, renewalThreads);
        } catch (RuntimeException e) {
            renewalThreads.shutdownNow();
            started.close();
            throw e;
        }
        this.caches = started;
        this.renewals = renewalThreads;
    }

    @Override
    public SubscriberStore subscribers() {
        return subscribers;
    }

    @Override
    public DynamicStateStore dynamicState() {
        return dynamicState;
    }

    /** Lets renewals under way finish (bounded), then stops the cache manager. */
    @Override
    public void close() {
        renewals.shutdown();
        try {
            if (!renewals.awaitTermination(RENEWAL_STOP_SECONDS, TimeUnit.SECONDS)) {
                renewals.shutdownNow();
            }
        } catch (InterruptedException e) {
            renewals.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            caches.close();
        }
    }

    private static ThreadFactory renewalThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hss-sqn-lease-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
