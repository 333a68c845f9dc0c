package io.kubeims.protocol.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * The Digest request-digest (the {@code response} parameter) of RFC 2617 3.2.2.1, as used by SIP (RFC 3261 22.4)
 * and by AKAv1-MD5 (RFC 3310), for algorithm MD5 (the "-sess" variants are not supported):
 * <ul>
 *   <li>no qop (RFC 2069 compatibility): MD5(HA1 ":" nonce ":" HA2)</li>
 *   <li>qop=auth or auth-int: MD5(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)</li>
 * </ul>
 * with HA2 = MD5(method ":" digest-uri), or MD5(method ":" digest-uri ":" MD5(entity-body)) for auth-int.
 */
public final class RequestDigest {

    private RequestDigest() {
    }

    /**
     * The response for the nonce, uri, qop, nc and cnonce found in {@code credentials}.
     *
     * @param ha1         HA1 of the user
     * @param credentials the Authorization parameters (the {@code response} in them is ignored)
     * @param method      the request method, e.g. "REGISTER"
     * @param entityBody  the message body, used by auth-int only (empty array for no body)
     * @return 32 lower-case hex digits
     */
    public static String compute(Ha1 ha1, DigestCredentials credentials, String method, byte[] entityBody) {
        return compute(ha1, credentials.nonce(), credentials.qop(), credentials.nc().orElse(""),
                credentials.cnonce().orElse(""), method, credentials.uri(), entityBody);
    }

    /**
     * The response from its individual inputs.
     *
     * @param ha1        HA1 of the user
     * @param nonce      the server's nonce
     * @param qop        the chosen qop, or empty for the RFC 2069 form
     * @param nc         nonce count, 8 hex digits (ignored without qop)
     * @param cnonce     client nonce (ignored without qop)
     * @param method     the request method
     * @param digestUri  the {@code uri} parameter
     * @param entityBody the message body, used by auth-int only
     * @return 32 lower-case hex digits
     */
    public static String compute(Ha1 ha1, String nonce, Optional<Qop> qop, String nc, String cnonce, String method,
            String digestUri, byte[] entityBody) {
        String ha2 = qop.orElse(Qop.AUTH) == Qop.AUTH_INT
                ? Md5.hex(method + ":" + digestUri + ":" + Md5.hex(entityBody))
                : Md5.hex(method + ":" + digestUri);
        if (qop.isEmpty()) {
            return Md5.hex(ha1.hex() + ":" + nonce + ":" + ha2);
        }
        return Md5.hex(ha1.hex() + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop.get().token() + ":" + ha2);
    }

    /**
     * Server side: whether the {@code response} in {@code credentials} is right for this HA1 and request.
     * The comparison takes the same time wherever the first difference is.
     *
     * @param ha1         the expected HA1 (from the HSS, or {@link AkaDigest#ha1} of XRES)
     * @param credentials the parsed Authorization header
     * @param method      the request method
     * @param entityBody  the message body (used by auth-int)
     */
    public static boolean matches(Ha1 ha1, DigestCredentials credentials, String method, byte[] entityBody) {
        String expected = compute(ha1, credentials, method, entityBody);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
