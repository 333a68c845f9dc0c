/**
 * Storage plumbing shared by the HSS and the CSCFs (DESIGN.md section 2): string caches with compare-and-set writes
 * ({@link io.kubeims.store.VersionedCache}) over embedded Infinispan ({@link io.kubeims.store.EmbeddedCaches}, memory
 * or file store) or an Infinispan Server over Hot Rod ({@link io.kubeims.store.HotRodCaches}), JSON values through a
 * {@link io.kubeims.store.ValueCodec}, and the one bounded compare-and-set update loop
 * ({@link io.kubeims.store.TypedCache#update}). Nothing here knows IMS.
 */
package io.kubeims.store;
