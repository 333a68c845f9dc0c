package io.kubeims.hss.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization: Bearer} header of an API request (RFC 6750 section 2.1) against the configured
 * token, in constant time: both sides are hashed to SHA-256 first, so neither content nor length leaks through
 * timing. {@code toString()} does not show the token.
 */
public final class BearerTokenVerifier {

    /** RFC 6750 section 2.1 b64token: what a client can put after "Bearer ". */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "bearer ";

    /** What a request presented. */
    public enum Verdict {
        /** The token matches, or the API runs without a token. */
        ACCEPTED,
        /** No bearer token at all (RFC 6750 section 3: no error code in the challenge). */
        MISSING,
        /** A bearer token that is not the configured one (RFC 6750 section 3.1 invalid_token). */
        INVALID
    }

    private final byte[] expectedDigest;

    private BearerTokenVerifier(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /**
     * @param token the token clients must present
     * @throws IllegalArgumentException if it is blank or not an RFC 6750 b64token (the message omits the token)
     */
    public static BearerTokenVerifier requiring(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the API token is empty");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("the API token must consist of letters, digits and -._~+/"
                    + " (optionally ending in '='), as RFC 6750 2.1 allows in an Authorization header");
        }
        return new BearerTokenVerifier(sha256(token));
    }

    /** A verifier that accepts every request: the explicit insecure mode of local runs. */
    public static BearerTokenVerifier acceptingAnyRequest() {
        return new BearerTokenVerifier(null);
    }

    /** Whether requests are accepted without a token. */
    public boolean insecure() {
        return expectedDigest == null;
    }

    /**
     * @param authorization the Authorization header value, or null when absent
     * @return whether the request may proceed, and if not, why
     */
    public Verdict check(String authorization) {
        if (expectedDigest == null) {
            return Verdict.ACCEPTED;
        }
        // The auth-scheme is case-insensitive (RFC 7235 section 2.1).
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Verdict.MISSING;
        }
        String presented = authorization.substring(SCHEME.length()).strip();
        return MessageDigest.isEqual(expectedDigest, sha256(presented)) ? Verdict.ACCEPTED : Verdict.INVALID;
    }

    @Override
    public String toString() {
        return insecure() ? "BearerTokenVerifier[insecure]" : "BearerTokenVerifier[token=<redacted>]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
