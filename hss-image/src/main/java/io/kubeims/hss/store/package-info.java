/**
 * The HSS's storage (DESIGN.md section 2): provisioned subscribers with their public-identity index
 * ({@link io.kubeims.hss.store.SubscriberStore}) and the dynamic state that must never go backwards or be lost,
 * the AKA SQN per private identity and the registration state with the assigned S-CSCF
 * ({@link io.kubeims.hss.store.DynamicStateStore}). One implementation of each works over a small
 * compare-and-set cache abstraction, with an embedded Infinispan adapter ({@link io.kubeims.hss.store.EmbeddedHssStorage},
 * file store on disk) and a Hot Rod adapter ({@link io.kubeims.hss.store.HotRodHssStorage}, Infinispan Server), so
 * several HSS replicas sharing one store stay consistent.
 */
package io.kubeims.hss.store;
