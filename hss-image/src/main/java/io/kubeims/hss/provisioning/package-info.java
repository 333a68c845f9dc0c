/**
 * The HSS provisioning REST API ({@code /api/v1}): subscribers by private identity with their public identities,
 * write-only credentials, iFCs (the IfcProfile JSON model), barring, registration state and the administrative
 * de-registration. Side effects on the network (PPR, RTR) go through {@link
 * io.kubeims.hss.provisioning.SubscriberChangeListener}; access needs the configured bearer token.
 */
package io.kubeims.hss.provisioning;
