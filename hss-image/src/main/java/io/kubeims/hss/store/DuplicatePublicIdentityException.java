package io.kubeims.hss.store;

/**
 * A subscriber cannot be stored because one of its public identities belongs to another private identity: an IMPU
 * belongs to one implicit registration set of one IMPI (TS 23.228 4.3.3.1). The provisioning API answers 409.
 */
public final class DuplicatePublicIdentityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String publicIdentity;
    private final String owner;

    /**
     * @param publicIdentity the contested IMPU
     * @param owner          the IMPI that holds it
     */
    public DuplicatePublicIdentityException(String publicIdentity, String owner) {
        super("public identity " + publicIdentity + " already belongs to private identity " + owner);
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
