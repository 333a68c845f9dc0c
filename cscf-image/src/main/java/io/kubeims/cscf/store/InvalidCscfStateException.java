package io.kubeims.cscf.store;

/**
 * A CSCF state record or store argument is invalid: a required field missing or blank, a number out of range, two
 * contacts with the same binding. Names the field and, unless it is secret, the value.
 */
public final class InvalidCscfStateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field */
    public InvalidCscfStateException(String message) {
        super(message);
    }
}
