package io.kubeims.hssclient;

/**
 * The HSS answered 4xx: the request itself is wrong (400: a field, named by {@link #field()}), conflicts with
 * another subscriber (409), or the like. Retrying the same request cannot succeed.
 */
public class HssRejectedException extends HssProvisioningException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String hssMessage;
    private final String field;

    HssRejectedException(String operation, int status, String hssMessage, String field) {
        super(operation + ": the HSS answered " + status + ": " + hssMessage
                + (field == null ? "" : " (field " + field + ")"), null);
        this.status = status;
        this.hssMessage = hssMessage;
        this.field = field;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The HSS's error message. */
    public String hssMessage() {
        return hssMessage;
    }

    /** The request field the HSS blames as a JSON path (e.g. {@code auth.k}), or null. */
    public String field() {
        return field;
    }
}
