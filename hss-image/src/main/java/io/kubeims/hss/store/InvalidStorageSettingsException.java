package io.kubeims.hss.store;

/**
 * Storage settings are unusable: a cache name that is blank, repeated or has characters outside [A-Za-z0-9._-], or
 * an SQN lease below 1.
 */
public final class InvalidStorageSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the setting and value */
    public InvalidStorageSettingsException(String message) {
        super(message);
    }
}
