package io.kubeims.cx.client;

/** A Cx request got no usable answer: the base of the outbound failures. */
public class CxSendException extends Exception {

    public CxSendException(String message) {
        super(message);
    }

    public CxSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
