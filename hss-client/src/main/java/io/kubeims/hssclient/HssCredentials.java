package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;

/**
 * Credentials as the HSS provisioning API takes them ({@code auth} of a subscriber): AKA keys (TS 33.203, TS
 * 35.206) or a SIP Digest password (RFC 2617). Implementations redact every secret in {@code toString()}.
 */
public sealed interface HssCredentials permits AkaCredentials, DigestCredentials {

    /** The authentication scheme, serialised as {@code scheme}. */
    @JsonProperty("scheme")
    AuthScheme scheme();
}
