package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;

/**
 * A SIP Digest password (RFC 2617; TS 33.203 Annex N), taken verbatim. {@code toString()} redacts it.
 *
 * @param password the password, not empty
 */
public record DigestCredentials(String password) implements HssCredentials {

    /** @throws InvalidCredentialsException naming {@code password} when it is missing or empty */
    public DigestCredentials {
        if (password == null || password.isEmpty()) {
            throw new InvalidCredentialsException("password", "is required for SIP-Digest and must not be empty");
        }
    }

    @Override
    @JsonProperty("scheme")
    public AuthScheme scheme() {
        return AuthScheme.SIP_DIGEST;
    }

    @Override
    public String toString() {
        return "DigestCredentials[password=<redacted>]";
    }
}
