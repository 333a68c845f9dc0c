package io.kubeims.cscf.store;

import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.store.HotRodCaches;
import io.kubeims.store.testing.InfinispanServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The CSCF storage contract over Hot Rod against one real Infinispan Server for the class: the two replicas are two
 * Hot Rod clients, as two pods would have, on caches created from the default durable template.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotRodCscfStorageTest extends CscfStorageContract {

    private InfinispanServerProcess server;

    @BeforeAll
    void startServer() throws Exception {
        server = InfinispanServerProcess.startInTemporaryDirectory();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CscfStorage open(String prefix, SettableClock clock) {
        return new HotRodCscfStorage(server.newClient(), CscfCacheNames.prefixed(prefix),
                HotRodCaches.DISTRIBUTED_CACHE_XML, SETTINGS, clock);
    }
}
