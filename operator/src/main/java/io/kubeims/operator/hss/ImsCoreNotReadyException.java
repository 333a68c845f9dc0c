package io.kubeims.operator.hss;

/** A Subscriber's ImsCore does not exist or is not Ready, so its HSS cannot be reached yet. */
public class ImsCoreNotReadyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ImsCoreNotReadyException(String message) {
        super(message);
    }
}
