package io.kubeims.cscf.app;

/**
 * A {@code kubeims.cscf.*} setting is missing, malformed or contradicts another: the CSCF does not start. The message
 * starts with the full key and says what is expected; it never repeats a password.
 */
public class InvalidCscfConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key    the full key, e.g. {@code kubeims.cscf.sip.port}
     * @param reason what is wrong and what is expected
     */
    public InvalidCscfConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    /** The full key of the refused setting. */
    public String key() {
        return key;
    }
}
