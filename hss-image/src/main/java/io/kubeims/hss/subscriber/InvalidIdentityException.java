package io.kubeims.hss.subscriber;

/**
 * A private identity is not a NAI (TS 23.003 13.3), a public identity not a SIP URI with user part or a global tel
 * URI (TS 23.003 13.4), or an S-CSCF name not a SIP URI (TS 29.228 6.3 Server-Name).
 */
public final class InvalidIdentityException extends InvalidSubscriberException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field   the offending field
     * @param problem what is wrong, quoting the identity (identities are not secret)
     */
    public InvalidIdentityException(String field, String problem) {
        super(field, problem);
    }
}
