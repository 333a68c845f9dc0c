package io.kubeims.cscf.store;

/** CSCF store settings are unusable: a duration or count out of its range, or a bad cache name. Names the setting. */
public final class InvalidCscfStoreSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the setting and value */
    public InvalidCscfStoreSettingsException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the underlying check */
    public InvalidCscfStoreSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
