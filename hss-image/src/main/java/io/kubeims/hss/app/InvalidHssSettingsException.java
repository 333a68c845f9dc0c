package io.kubeims.hss.app;

/**
 * The {@code kubeims.hss.*} settings cannot work together (e.g. Hot Rod mode without a server, no API token); the
 * message names the settings to fix, never a secret value. Thrown at startup, so the HSS does not start.
 */
public final class InvalidHssSettingsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message which settings are wrong and how to fix them */
    public InvalidHssSettingsException(String message) {
        super(message);
    }
}
