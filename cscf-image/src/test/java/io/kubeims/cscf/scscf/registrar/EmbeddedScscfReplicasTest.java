package io.kubeims.cscf.scscf.registrar;

/** The replicas contract with both replicas' stores in one embedded Infinispan container. */
class EmbeddedScscfReplicasTest extends ScscfReplicasContract {

    @Override
    protected ScscfTestbed.StorageOpener storage() {
        return null;
    }
}
