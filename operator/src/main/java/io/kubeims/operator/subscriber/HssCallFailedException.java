package io.kubeims.operator.subscriber;

import io.kubeims.hssclient.HssProvisioningException;

/**
 * Carries an {@link HssProvisioningException} out of a dependent resource, whose methods cannot throw checked
 * exceptions; the status builder unwraps it.
 */
public class HssCallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HssCallFailedException(HssProvisioningException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized HssProvisioningException getCause() {
        return (HssProvisioningException) super.getCause();
    }
}
