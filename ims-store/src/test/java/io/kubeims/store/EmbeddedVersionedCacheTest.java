package io.kubeims.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The cache contract on embedded in-memory Infinispan. An embedded local cache lives in one process, so "another
 * client" is the same cache used from other threads.
 */
class EmbeddedVersionedCacheTest extends VersionedCacheContract {

    private EmbeddedCaches caches;

    @BeforeEach
    void open() {
        caches = EmbeddedCaches.inMemory("versioned-cache-test");
    }

    @AfterEach
    void close() {
        caches.close();
    }

    @Override
    protected VersionedCache client(String name) {
        return caches.inMemoryCache(name);
    }

    @Override
    protected VersionedCache otherClient(String name) {
        return caches.inMemoryCache(name);
    }
}
