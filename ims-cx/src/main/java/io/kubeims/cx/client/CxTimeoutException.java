package io.kubeims.cx.client;

/** No answer arrived within the request timeout of the node. */
public class CxTimeoutException extends CxSendException {

    public CxTimeoutException(String message) {
        super(message);
    }
}
