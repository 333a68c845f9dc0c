package io.kubeims.store;

import io.kubeims.store.testing.InfinispanServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache contract over Hot Rod against one real Infinispan Server for the class, with two Hot Rod clients (as two
 * pods would have) on the same caches, created from {@link HotRodCaches#DISTRIBUTED_CACHE_XML}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotRodVersionedCacheTest extends VersionedCacheContract {

    private InfinispanServerProcess server;
    private HotRodCaches first;
    private HotRodCaches second;
    private final List<HotRodCaches> extra = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        server = InfinispanServerProcess.startInTemporaryDirectory();
        first = new HotRodCaches(server.newClient(), HotRodCaches.DISTRIBUTED_CACHE_XML);
        second = new HotRodCaches(server.newClient(), HotRodCaches.DISTRIBUTED_CACHE_XML);
    }

    @AfterAll
    void stopServer() {
        for (HotRodCaches caches : extra) {
            caches.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected VersionedCache client(String name) {
        return first.cache(name);
    }

    @Override
    protected VersionedCache otherClient(String name) {
        return second.cache(name);
    }

    @Test
    void anExistingCacheIsReusedWithItsEntries() {
        VersionedCache cache = first.cache("reused");
        assertTrue(cache.putIfAbsent("k", "v"));
        HotRodCaches later = new HotRodCaches(server.newClient(), HotRodCaches.DISTRIBUTED_CACHE_XML);
        extra.add(later);
        assertEquals("v", later.cache("reused").get("k").orElseThrow().value());
        assertEquals("reused", later.cache("reused").name());
    }
}
