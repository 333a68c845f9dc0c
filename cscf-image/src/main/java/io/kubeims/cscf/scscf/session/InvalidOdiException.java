package io.kubeims.cscf.scscf.session;

/**
 * An original dialog identifier (ODI) that this S-CSCF pool did not issue, that was altered, or that expired: the
 * request carrying it is refused (TS 24.229 5.4.3.2/5.4.3.3 only resume iFC evaluation for an ODI we created).
 */
public class InvalidOdiException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the token (never the key or the expected signature) */
    public InvalidOdiException(String reason) {
        super("ODI refused: " + reason);
    }
}
