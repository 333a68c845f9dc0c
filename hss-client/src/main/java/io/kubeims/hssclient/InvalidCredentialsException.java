package io.kubeims.hssclient;

/**
 * A credential value is missing or malformed. The message names the field (a Secret key such as {@code k},
 * {@code opc}, {@code password}) and never holds any part of a value.
 */
public class InvalidCredentialsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the credential field / Secret key at fault
     * @param problem what is wrong, without the value
     */
    public InvalidCredentialsException(String key, String problem) {
        super("key '" + key + "' " + problem);
        this.key = key;
    }

    InvalidCredentialsException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The Secret key (credential field) at fault. */
    public String key() {
        return key;
    }
}
