package io.kubeims.cscf.store;

import io.kubeims.store.EmbeddedCaches;
import io.kubeims.store.VersionedCache;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The CSCF stores in embedded Infinispan: one process (tests, local mode). In memory, or on a data directory where
 * every cache but the challenges (which live tens of seconds) is a file store written through without forcing, so
 * registrations survive a process restart. Several storages may share one {@link EmbeddedCaches} container, as
 * several roles or test replicas in one JVM.
 */
public final class EmbeddedCscfStorage implements CscfStorage {

    private final EmbeddedCaches caches;
    private final boolean ownsCaches;
    private final CachedCscfStores stores;

    private EmbeddedCscfStorage(EmbeddedCaches caches, boolean ownsCaches, CscfCacheNames names,
            CscfStoreSettings settings, Clock clock) {
        this.caches = caches;
        this.ownsCaches = ownsCaches;
        try {
            this.stores = new CachedCscfStores(name -> cache(caches, names, name), names, settings, clock);
        } catch (RuntimeException e) {
            if (ownsCaches) {
                caches.close();
            }
            throw e;
        }
    }

    /** Memory-only stores with default names and settings, on the system clock. */
    public static EmbeddedCscfStorage inMemory() {
        return new EmbeddedCscfStorage(EmbeddedCaches.inMemory("kubeims-cscf"), true, CscfCacheNames.defaults(),
                CscfStoreSettings.defaults(), Clock.systemUTC());
    }

    /**
     * Stores persisted under {@code dataDirectory} (one storage per directory at a time).
     *
     * @throws java.io.UncheckedIOException if the directory cannot be created
     */
    public static EmbeddedCscfStorage persistent(Path dataDirectory, CscfCacheNames names, CscfStoreSettings settings,
            Clock clock) {
        return new EmbeddedCscfStorage(EmbeddedCaches.persistent("kubeims-cscf", dataDirectory), true, names,
                settings, clock);
    }

    /**
     * Stores over a container the caller owns and closes ({@link #close()} leaves it open): memory-only or persisted
     * as the container is.
     */
    public static EmbeddedCscfStorage sharing(EmbeddedCaches caches, CscfCacheNames names, CscfStoreSettings settings,
            Clock clock) {
        return new EmbeddedCscfStorage(caches, false, names, settings, clock);
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

    /** Stops the cache container if this storage opened it. */
    @Override
    public void close() {
        if (ownsCaches) {
            caches.close();
        }
    }

    private static VersionedCache cache(EmbeddedCaches caches, CscfCacheNames names, String name) {
        boolean durable = caches.directory().isPresent() && !name.equals(names.challenges());
        return durable ? caches.fileStoredCache(name, false) : caches.inMemoryCache(name);
    }
}
