package io.kubeims.cx.client;

/** The stack has no open connection towards the destination (jdiameter RouteException), or the node is stopped. */
public class CxNoConnectionException extends CxSendException {

    public CxNoConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
