package io.kubeims.hss.provisioning;

/** A provisioning request is unusable (answered 400); names the field, never a secret value. */
public final class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the offending field as a JSON path, e.g. "auth.opc"
     * @param problem what is wrong with it, without secret values
     */
    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The offending field. */
    public String field() {
        return field;
    }
}
