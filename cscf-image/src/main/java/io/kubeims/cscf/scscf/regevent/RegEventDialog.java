package io.kubeims.cscf.scscf.regevent;

/**
 * The dialog of one reg event subscription as the notifier sees it (RFC 3261 12, RFC 6665 4.1.2): the Call-ID, the
 * subscriber's tag (From of the SUBSCRIBE, To of our NOTIFYs) and ours (To of the 200 OK, From of our NOTIFYs). Its
 * {@link #id()} is the key of the subscription in the store: {@code Call-ID|remote tag|local tag} ('|' appears in
 * neither a Call-ID nor a tag, RFC 3261 25.1).
 */
public record RegEventDialog(String callId, String remoteTag, String localTag) {

    /** @throws InvalidReginfoException if a part is missing or contains '|' */
    public RegEventDialog {
        require("Call-ID", callId);
        require("remote tag", remoteTag);
        require("local tag", localTag);
    }

    /** The store key. */
    public String id() {
        return callId + "|" + remoteTag + "|" + localTag;
    }

    /**
     * The dialog of a store key written by {@link #id()}.
     *
     * @throws InvalidReginfoException if the key is not one
     */
    public static RegEventDialog parse(String id) {
        String[] parts = id == null ? new String[0] : id.split("\\|", -1);
        if (parts.length != 3) {
            throw new InvalidReginfoException("'" + id + "' is not a reg event dialog id");
        }
        return new RegEventDialog(parts[0], parts[1], parts[2]);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank() || value.indexOf('|') >= 0) {
            throw new InvalidReginfoException(field + " '" + value + "' cannot identify a dialog");
        }
    }
}
