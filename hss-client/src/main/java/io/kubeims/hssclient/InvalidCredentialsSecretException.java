package io.kubeims.hssclient;

/**
 * A Subscriber's credentials Secret lacks a key its auth scheme needs, or holds an unusable value. The message names
 * the Secret and the key, never the value.
 */
public class InvalidCredentialsSecretException extends InvalidCredentialsException {

    private static final long serialVersionUID = 1L;

    private final String secretName;

    InvalidCredentialsSecretException(String secretName, InvalidCredentialsException cause) {
        super(cause.key(), "Secret " + secretName + ": " + cause.getMessage(), cause);
        this.secretName = secretName;
    }

    /** The Secret at fault. */
    public String secretName() {
        return secretName;
    }
}
