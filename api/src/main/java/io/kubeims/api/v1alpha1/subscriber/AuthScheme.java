package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Authentication scheme of a subscriber, with the keys its credentials Secret must hold. Names follow the
 * SIP-Authentication-Scheme values of TS 29.229 6.3.9 in spirit, spelled for a manifest.
 */
public enum AuthScheme {
    /** IMS AKA over HTTP digest (RFC 3310, TS 33.203): Secret keys {@code k}, {@code op} or {@code opc}, {@code amf}. */
    @JsonProperty("AKAv1-MD5") AKAV1_MD5,
    /** SIP/HTTP digest (RFC 2617): Secret key {@code password}. */
    @JsonProperty("SIP-Digest") SIP_DIGEST
}
