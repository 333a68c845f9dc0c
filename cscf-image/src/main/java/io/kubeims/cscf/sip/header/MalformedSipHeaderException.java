package io.kubeims.cscf.sip.header;

/**
 * A header value cannot be read or written as its type requires; the message names the header and the reason, the
 * value itself only when it is not a credential (Authorization values are never quoted).
 */
public class MalformedSipHeaderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String header;

    public MalformedSipHeaderException(String header, String reason, Throwable cause) {
        super(header + ": " + reason, cause);
        this.header = header;
    }

    public MalformedSipHeaderException(String header, String reason) {
        this(header, reason, null);
    }

    /** The header name. */
    public String header() {
        return header;
    }
}
