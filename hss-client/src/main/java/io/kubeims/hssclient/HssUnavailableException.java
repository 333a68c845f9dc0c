package io.kubeims.hssclient;

/**
 * The HSS could not be reached or kept failing: connection refused or reset, a timeout, or 5xx answers, on every
 * attempt of the retry policy. Trying again later may succeed.
 */
public class HssUnavailableException extends HssProvisioningException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final int lastStatus;

    HssUnavailableException(String message, int attempts, int lastStatus, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** The HTTP status of the last answer, or 0 when the last attempt got none (connection failure, timeout). */
    public int lastStatus() {
        return lastStatus;
    }
}
