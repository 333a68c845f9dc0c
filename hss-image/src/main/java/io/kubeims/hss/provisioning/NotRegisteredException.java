package io.kubeims.hss.provisioning;

/**
 * An administrative de-registration names a subscriber no S-CSCF serves, so there is nobody to send an RTR to
 * (answered 409).
 */
public final class NotRegisteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param privateIdentity the subscriber's IMPI */
    public NotRegisteredException(String privateIdentity) {
        super("subscriber " + privateIdentity + " has no assigned S-CSCF: nothing to de-register");
    }
}
