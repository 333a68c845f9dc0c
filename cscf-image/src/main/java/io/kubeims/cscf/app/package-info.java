/**
 * The Quarkus wiring of the CSCF image: {@link io.kubeims.cscf.app.CscfConfig} ({@code kubeims.cscf.*}) read into
 * {@link io.kubeims.cscf.app.CscfSettings}, a role-independent {@link io.kubeims.cscf.app.CscfRuntime} (store,
 * workers, Cx node, SIP node, role tasks, graceful shutdown) with one small {@link io.kubeims.cscf.app.CscfRole}
 * class per role chosen by {@code kubeims.cscf.role} ({@code PcscfRole}, {@code IcscfRole}, {@code ScscfRole}), and
 * the readiness checks of SIP, store and Diameter.
 */
package io.kubeims.cscf.app;
