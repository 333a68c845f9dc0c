package io.kubeims.hssclient;

/**
 * A provisioning request did not succeed: the HSS refused it ({@link HssRejectedException} and its kinds) or could
 * not be reached in time ({@link HssUnavailableException}). Messages carry the HSS's own error text, which by the
 * HSS's contract never holds a secret, and never the request body.
 */
public abstract class HssProvisioningException extends Exception {

    private static final long serialVersionUID = 1L;

    HssProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
