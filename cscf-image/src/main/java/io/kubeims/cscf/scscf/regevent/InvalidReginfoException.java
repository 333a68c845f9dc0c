package io.kubeims.cscf.scscf.regevent;

/**
 * A reginfo document (RFC 3680 application/reginfo+xml) or one of its parts is malformed: a required field is
 * missing, a value is out of range, or the XML is not valid against the RFC 3680 schema. The message names the field
 * or the XML position.
 */
public class InvalidReginfoException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidReginfoException(String message) {
        super(message);
    }

    public InvalidReginfoException(String message, Throwable cause) {
        super(message, cause);
    }
}
