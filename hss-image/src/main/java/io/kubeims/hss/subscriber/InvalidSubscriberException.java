package io.kubeims.hss.subscriber;

/**
 * Provisioned subscriber data is unusable; the message names the field and, unless it is a secret, the value.
 * Subclasses narrow the cause: {@link InvalidIdentityException}, {@link InvalidCredentialsException}.
 */
public class InvalidSubscriberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the offending field, e.g. "publicIdentities[1]"
     * @param problem what is wrong with it
     */
    public InvalidSubscriberException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The offending field, e.g. "privateIdentity" or "publicIdentities[1].identity". */
    public String field() {
        return field;
    }
}
