package io.kubeims.cscf.sip;

/** A {@link SipNode} could not start: the address/port cannot be bound, or jain-sip refused its properties. */
public class SipNodeStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public SipNodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
