package io.kubeims.cx.node;

/** The jdiameter stack of a node could not be configured or started. */
public class CxNodeException extends Exception {

    public CxNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
