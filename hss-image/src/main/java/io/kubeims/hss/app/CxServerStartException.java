package io.kubeims.hss.app;

/**
 * The HSS could not start its Diameter Cx listener (address in use or not local, the stack failed, or the socket
 * did not accept connections in time). Thrown at startup, so the HSS does not start; the message names the
 * address and the settings to check.
 */
public final class CxServerStartException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the address and port
     * @param cause   the underlying failure, or null
     */
    public CxServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
