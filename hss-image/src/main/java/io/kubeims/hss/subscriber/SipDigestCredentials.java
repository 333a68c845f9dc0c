package io.kubeims.hss.subscriber;

import io.kubeims.protocol.cx.SipAuthenticationScheme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * SIP Digest credentials (TS 33.203 Annex N, RFC 2617): the subscriber's password, from which the HSS derives HA1
 * for the S-CSCF's realm. {@code toString()} never shows it.
 *
 * @param password the password, not empty
 */
public record SipDigestCredentials(String password) implements Credentials {

    /** @throws InvalidCredentialsException if the password is missing or empty */
    public SipDigestCredentials {
        if (password == null || password.isEmpty()) {
            throw new InvalidCredentialsException("password", "is required and must not be empty");
        }
    }

    @Override
    public SipAuthenticationScheme scheme() {
        return SipAuthenticationScheme.SIP_DIGEST;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SipDigestCredentials that
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                        that.password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return password.hashCode();
    }

    @Override
    public String toString() {
        return "SipDigestCredentials[password=<redacted>]";
    }
}
