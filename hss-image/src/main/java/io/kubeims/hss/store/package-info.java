/**
 * The HSS's storage (DESIGN.md section 2): provisioned subscribers with their public-identity index
 * ({@link io.kubeims.hss.store.SubscriberStore}) and the dynamic state that must never go backwards or be lost,
 * the AKA SQN per private identity and the registration state with the assigned S-CSCF
 * ({@link io.kubeims.hss.store.DynamicStateStore}). One implementation of each works over ims-store's
 * compare-and-set caches ({@link io.kubeims.store.VersionedCache}, {@link io.kubeims.store.TypedCache}), either
 * embedded ({@link io.kubeims.hss.store.EmbeddedHssStorage}, file store on disk) or on an Infinispan Server over
 * Hot Rod ({@link io.kubeims.hss.store.HotRodHssStorage}), so several HSS replicas sharing one store stay consistent.
 */
package io.kubeims.hss.store;
