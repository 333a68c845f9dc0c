package io.kubeims.cscf.sip;

/**
 * A request or response could not be handed to the network: stack stopped, no route for the Request-URI,
 * connection refused, peer closed its TCP connection. The message names the method and Call-ID, never a body.
 */
public class SipSendException extends Exception {

    private static final long serialVersionUID = 1L;

    public SipSendException(String message, Throwable cause) {
        super(message, cause);
    }

    public SipSendException(String message) {
        super(message);
    }
}
