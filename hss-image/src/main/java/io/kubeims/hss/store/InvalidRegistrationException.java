package io.kubeims.hss.store;

/**
 * A registration record or request breaks the TS 29.228 8.1.2 rules the store keeps: REGISTERED and UNREGISTERED
 * need an assigned S-CSCF, NOT_REGISTERED has none, S-CSCF names are SIP URIs.
 */
public final class InvalidRegistrationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field and value */
    public InvalidRegistrationException(String message) {
        super(message);
    }
}
