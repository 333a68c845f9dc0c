package io.kubeims.protocol.ifc;

/**
 * Thrown when IMS subscription data (TS 29.228 Annex B) or a request view handed to the iFC evaluator is
 * invalid; the message names the offending field and value.
 */
public class InvalidIfcException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field and the offending value */
    public InvalidIfcException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the field and the offending value
     * @param cause the underlying error (e.g. a regular expression syntax error)
     */
    public InvalidIfcException(String message, Throwable cause) {
        super(message, cause);
    }
}
