package io.kubeims.hss.subscriber;

/**
 * Credentials are missing or unusable (e.g. an empty SIP Digest password). The message never contains the secret.
 * Malformed or wrong-length AKA hex parameters raise ims-protocol's
 * {@link io.kubeims.protocol.aka.MalformedHexException} / {@link io.kubeims.protocol.aka.ParameterLengthException}.
 */
public final class InvalidCredentialsException extends InvalidSubscriberException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field   the offending field, e.g. "password"
     * @param problem what is wrong, without the value
     */
    public InvalidCredentialsException(String field, String problem) {
        super(field, problem);
    }
}
