package io.kubeims.protocol.digest;

/**
 * The {@code auts} Digest parameter (RFC 3310 3.4) is not base64 or does not decode to the 14 octets of AUTS.
 */
public final class InvalidAutsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, without the value */
    public InvalidAutsException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, without the value
     * @param cause   the base64 decoder's complaint
     */
    public InvalidAutsException(String message, Throwable cause) {
        super(message, cause);
    }
}
