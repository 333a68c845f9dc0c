package io.kubeims.store;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.UncleanShutdownAction;
import org.infinispan.manager.DefaultCacheManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An embedded (in-process, non-clustered) Infinispan cache container handing out {@link VersionedCache}s: local
 * caches in memory, or, when opened on a data directory, persisted write-through to a soft-index file store under
 * {@code <dir>/<cache>/data} and {@code <dir>/<cache>/index}. For one process: tests, local mode, a single HSS.
 * Open until {@link #close()}.
 */
public final class EmbeddedCaches implements AutoCloseable {

    private final DefaultCacheManager manager;
    private final Path directory;
    private final ConcurrentMap<String, VersionedCache> caches = new ConcurrentHashMap<>();

    private EmbeddedCaches(DefaultCacheManager manager, Path directory) {
        this.manager = manager;
        this.directory = directory;
    }

    /**
     * A container of memory-only caches.
     *
     * @param containerName the cache manager's name (for Infinispan's logs and JMX)
     */
    public static EmbeddedCaches inMemory(String containerName) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName(containerName);
        return new EmbeddedCaches(new DefaultCacheManager(global.build()), null);
    }

    /**
     * A container whose global state lives in {@code dataDirectory} (created if needed), able to hand out
     * file-stored caches there. One container per directory at a time.
     *
     * @param containerName the cache manager's name (for Infinispan's logs and JMX)
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static EmbeddedCaches persistent(String containerName, Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName(containerName);
        // A pod killed without a clean shutdown must come back with its data: IGNORE the dangling lock (the default
        // FAIL would refuse to start, PURGE would wipe the state). The file stores recover on their own.
        global.globalState().enable().persistentLocation(directory.toString())
                .uncleanShutdownAction(UncleanShutdownAction.IGNORE);
        return new EmbeddedCaches(new DefaultCacheManager(global.build()), directory);
    }

    /** The data directory, if this container persists. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The local memory-only cache {@code name}, defined on first use. */
    public VersionedCache inMemoryCache(String name) {
        return caches.computeIfAbsent(name, n -> {
            ConfigurationBuilder builder = new ConfigurationBuilder();
            builder.clustering().cacheMode(CacheMode.LOCAL);
            return start(n, builder);
        });
    }

    /**
     * The local cache {@code name} persisted to a soft-index file store under the data directory, write-through,
     * defined on first use (a later call with the same name returns the same cache, whatever {@code syncWrites}).
     *
     * @param syncWrites whether each write is forced to disk (fdatasync) before it returns; without it a process kill
     *                   loses nothing (the OS page cache has it) but an OS crash may lose the last writes
     * @throws InvalidCacheSettingsException if this container has no data directory
     */
    public VersionedCache fileStoredCache(String name, boolean syncWrites) {
        if (directory == null) {
            throw new InvalidCacheSettingsException("cache " + name
                    + " cannot be file-stored: the embedded container is memory-only");
        }
        return caches.computeIfAbsent(name, n -> {
            ConfigurationBuilder builder = new ConfigurationBuilder();
            builder.clustering().cacheMode(CacheMode.LOCAL);
            builder.persistence().passivation(false)
                    .addSoftIndexFileStore()
                    .dataLocation(directory.resolve(n).resolve("data").toString())
                    .indexLocation(directory.resolve(n).resolve("index").toString())
                    .syncWrites(syncWrites)
                    .purgeOnStartup(false);
            return start(n, builder);
        });
    }

    /** Stops the cache manager; the caches must not be used afterwards. */
    @Override
    public void close() {
        manager.stop();
    }

    private VersionedCache start(String name, ConfigurationBuilder builder) {
        Objects.requireNonNull(name, "name");
        manager.defineConfiguration(name, builder.build());
        Cache<String, String> cache = manager.getCache(name);
        return new EmbeddedVersionedCache(cache);
    }
}
