package io.kubeims.cx.message;

/**
 * A Cx message record was built with a value its command grammar (TS 29.229 clause 6.1) does not allow, e.g. a
 * missing mandatory AVP or an Unsigned32 out of range. The message names the field, never a secret value.
 */
public class InvalidCxMessageException extends IllegalArgumentException {

    private final String field;

    public InvalidCxMessageException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The record component at fault, e.g. "publicIdentity". */
    public String field() {
        return field;
    }
}
