package io.kubeims.store;

/**
 * Cache settings are unusable: a cache name that is blank, repeated within one store or has characters outside
 * [A-Za-z0-9._-], a bound of update attempts below 1, or a file-stored cache asked of a memory-only container.
 */
public final class InvalidCacheSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the setting and value */
    public InvalidCacheSettingsException(String message) {
        super(message);
    }
}
