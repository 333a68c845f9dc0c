package io.kubeims.local;

/**
 * The local core could not start: an application is not built, a port is taken, a function exited or was not ready
 * in time (the message then ends with the last lines of its log), the HSS refused a subscriber, or another launcher
 * uses the same data directory. Whatever had started is stopped before this is thrown.
 */
public class LocalStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public LocalStartException(String message) {
        super(message);
    }

    public LocalStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
