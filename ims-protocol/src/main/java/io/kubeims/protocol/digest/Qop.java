package io.kubeims.protocol.digest;

import java.util.Locale;

/** The Digest "quality of protection" values of RFC 2617 3.2.1. */
public enum Qop {
    /** Authentication only: HA2 = MD5(method ":" digest-uri). */
    AUTH("auth"),
    /** Authentication with integrity of the entity body: HA2 = MD5(method ":" digest-uri ":" MD5(entity-body)). */
    AUTH_INT("auth-int");

    private final String token;

    Qop(String token) {
        this.token = token;
    }

    /** The token as written in headers, e.g. "auth-int". */
    public String token() {
        return token;
    }

    /**
     * The value for a qop token, case-insensitively.
     *
     * @throws MalformedDigestHeaderException if it is neither "auth" nor "auth-int"
     */
    public static Qop fromToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (Qop qop : values()) {
            if (qop.token.equals(lower)) {
                return qop;
            }
        }
        throw new MalformedDigestHeaderException("qop: unsupported value (expected auth or auth-int)");
    }
}
