package io.kubeims.protocol.digest;

/**
 * A Digest WWW-Authenticate / Authorization header value does not follow the auth-param grammar of RFC 2617
 * (and RFC 3261 25.1), or lacks a parameter the scheme requires, or repeats one. The message names the header,
 * the parameter and the position, never a parameter value.
 */
public final class MalformedDigestHeaderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where, without parameter values */
    public MalformedDigestHeaderException(String message) {
        super(message);
    }
}
