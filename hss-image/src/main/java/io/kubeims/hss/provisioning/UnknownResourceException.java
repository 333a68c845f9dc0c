package io.kubeims.hss.provisioning;

/** The subscriber, or the public identity of a subscriber, named in the path is not provisioned (answered 404). */
public final class UnknownResourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private UnknownResourceException(String message) {
        super(message);
    }

    /** No subscriber has this private identity. */
    public static UnknownResourceException subscriber(String privateIdentity) {
        return new UnknownResourceException("no subscriber with private identity " + privateIdentity);
    }

    /** The subscriber exists but has no such public identity. */
    public static UnknownResourceException publicIdentity(String privateIdentity, String publicIdentity) {
        return new UnknownResourceException("subscriber " + privateIdentity + " has no public identity "
                + publicIdentity);
    }
}
