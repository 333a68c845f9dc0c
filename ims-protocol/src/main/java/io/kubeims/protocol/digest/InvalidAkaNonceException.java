package io.kubeims.protocol.digest;

/**
 * A Digest AKA nonce (RFC 3310 3.2) is not base64 or decodes to fewer than the 32 octets of RAND || AUTN.
 */
public final class InvalidAkaNonceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, without the nonce */
    public InvalidAkaNonceException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, without the nonce
     * @param cause   the base64 decoder's complaint
     */
    public InvalidAkaNonceException(String message, Throwable cause) {
        super(message, cause);
    }
}
