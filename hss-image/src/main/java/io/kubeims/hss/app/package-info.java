/**
 * Quarkus wiring of the HSS: the {@code kubeims.hss.*} settings, the storage opened at startup and closed at
 * shutdown, the bearer token of the provisioning API, readiness checks (store, Diameter listener) and the Cx node
 * settings the Diameter server is built from.
 */
package io.kubeims.hss.app;
