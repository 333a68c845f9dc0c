/**
 * Each network function's configuration derived from an {@link io.kubeims.api.v1alpha1.imscore.ImsCore} and a
 * {@link io.kubeims.config.Placement}: pure functions (no I/O, no Kubernetes client), so the operator's ConfigMaps
 * and local mode run the same settings (DESIGN.md section 3). {@link io.kubeims.config.CoreNames} is the one source
 * of object and DNS names derived from an ImsCore.
 */
package io.kubeims.config;
