package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.store.CscfCacheNames;
import io.kubeims.cscf.store.HotRodCscfStorage;
import io.kubeims.store.HotRodCaches;
import io.kubeims.store.testing.InfinispanServerProcess;

/**
 * The replicas contract over Hot Rod against a real Infinispan Server: each replica its own Hot Rod client, as two
 * pods would have, on caches made from the default durable template.
 */
class HotRodScscfReplicasTest extends ScscfReplicasContract {

    private InfinispanServerProcess server;

    @Override
    protected ScscfTestbed.StorageOpener storage() throws Exception {
        server = InfinispanServerProcess.startInTemporaryDirectory();
        return (replica, clock) -> new HotRodCscfStorage(server.newClient(), CscfCacheNames.prefixed("scscf"),
                HotRodCaches.DISTRIBUTED_CACHE_XML, ScscfTestbed.STORE_SETTINGS, clock);
    }

    @Override
    protected void stopStorage() {
        if (server != null) {
            server.close();
        }
    }
}
