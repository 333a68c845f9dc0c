/**
 * IMS subscription data and Initial Filter Criteria (3GPP TS 29.228 Annex B) as immutable records, and their
 * evaluation against a SIP-stack-agnostic request view (TS 29.228 Annex C, TS 24.229 5.4.3).
 */
package io.kubeims.protocol.ifc;
