/**
 * The Cx-User-Data XML document ({@code <IMSSubscription>}, 3GPP TS 29.228 Annex E): a hardened,
 * schema-validating reader and a canonical writer.
 */
package io.kubeims.protocol.ifc.xml;
