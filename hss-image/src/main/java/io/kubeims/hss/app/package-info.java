/**
 * Quarkus wiring of the HSS: the {@code kubeims.hss.*} settings, the storage opened at startup and closed at
 * shutdown, the bearer token of the provisioning API, the Diameter Cx server ({@link io.kubeims.hss.app.CxServer}:
 * Cx node, procedures and RTR/PPR notifier) started after the storage and stopped before it, the listener that turns
 * provisioning changes into RTR/PPR, and the readiness checks (store, Diameter listener).
 */
package io.kubeims.hss.app;
