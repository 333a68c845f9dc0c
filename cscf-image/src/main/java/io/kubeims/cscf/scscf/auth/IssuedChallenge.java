package io.kubeims.cscf.scscf.auth;

import io.kubeims.cscf.store.AuthChallenge;
import io.kubeims.protocol.digest.DigestChallenge;

/**
 * A challenge stored and ready to go into a 401: the WWW-Authenticate value (with {@code ck}/{@code ik} for AKA,
 * TS 24.229 5.4.1.2.1, which the P-CSCF strips) and the stored state. {@code toString()} shows neither the nonce nor
 * the keys.
 *
 * @param challenge the WWW-Authenticate parameters
 * @param stored    what the challenge store holds under the nonce
 */
public record IssuedChallenge(DigestChallenge challenge, AuthChallenge stored) {

    public IssuedChallenge {
        if (challenge == null || stored == null) {
            throw new IllegalArgumentException("challenge and stored are required");
        }
    }

    /** The WWW-Authenticate header value. */
    public String header() {
        return challenge.format();
    }

    /** The algorithm token, for logs: {@code AKAv1-MD5} or {@code MD5}. */
    public String algorithm() {
        return challenge.algorithm().orElse("MD5");
    }

    @Override
    public String toString() {
        return "IssuedChallenge[" + algorithm() + ", realm=" + challenge.realm() + ", stale=" + challenge.stale()
                + ", impi=" + stored.impi() + ", failedAttempts=" + stored.failedAttempts() + "]";
    }
}
