/**
 * The CSCFs' shared state (DESIGN.md section 2; TS 24.229): S-CSCF registrations with exactly-once distributed
 * expiry ({@link io.kubeims.cscf.store.RegistrationStore}), authentication challenges by nonce with replay
 * protection ({@link io.kubeims.cscf.store.AuthChallengeStore}), P-CSCF per-UE flows
 * ({@link io.kubeims.cscf.store.PcscfFlowStore}) and reg-event subscriptions with their NOTIFY version counter
 * ({@link io.kubeims.cscf.store.RegEventSubscriptionStore}). Values are JSON over ims-store's compare-and-set caches,
 * embedded ({@link io.kubeims.cscf.store.EmbeddedCscfStorage}) or on an Infinispan Server over Hot Rod
 * ({@link io.kubeims.cscf.store.HotRodCscfStorage}). Plain Java: the CDI wiring belongs to the application.
 */
package io.kubeims.cscf.store;
