package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache.Change;

import java.util.Optional;
import java.util.function.Function;

/**
 * The P-CSCF's per-UE state by contact and flow, shared by P-CSCF replicas. An entry lives until its
 * {@link PcscfFlow#expiresAt()} (Infinispan lifespan, and checked on every read): an expired flow is absent.
 */
public interface PcscfFlowStore {

    /** The flow's state, if registered and not expired. */
    Optional<PcscfFlow> get(PcscfFlowKey key);

    /** Stores {@code flow} under its key, replacing what was there. */
    void put(PcscfFlow flow);

    /**
     * Applies {@code change} atomically to the flow's state (empty if absent or expired; return empty to remove). It
     * may run several times, so it must not have side effects.
     *
     * @throws InvalidCscfStateException if the next state is for another key
     */
    Change<PcscfFlow> update(PcscfFlowKey key, Function<Optional<PcscfFlow>, Optional<PcscfFlow>> change);

    /** Removes the flow's state; the one removed if it had not expired. */
    Optional<PcscfFlow> remove(PcscfFlowKey key);
}
