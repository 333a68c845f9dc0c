package io.kubeims.hssclient;

/**
 * The HSS answered 409: a public identity of the subscriber already belongs to another private identity (an IMPU
 * is in one implicit registration set of one IMPI, TS 23.228 4.3.3.1).
 */
public class DuplicatePublicIdentityException extends HssRejectedException {

    private static final long serialVersionUID = 1L;

    private final String publicIdentity;
    private final String owner;

    DuplicatePublicIdentityException(String operation, String hssMessage, String field, String publicIdentity,
            String owner) {
        super(operation, 409, hssMessage, field);
        this.publicIdentity = publicIdentity;
        this.owner = owner;
    }

    /** The contested IMPU. */
    public String publicIdentity() {
        return publicIdentity;
    }

    /** The IMPI that holds it. */
    public String owner() {
        return owner;
    }
}
