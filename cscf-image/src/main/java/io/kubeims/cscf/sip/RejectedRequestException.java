package io.kubeims.cscf.sip;

/**
 * A request a CSCF answers with a final error response (RFC 3261 21.4/21.5) because of what it carries: the status
 * and reason phrase to answer with, and a message for the log naming the header at fault (never a credential). Each
 * role has its own subclass; {@link Factory} lets shared readers throw the caller's.
 */
public abstract class RejectedRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reasonPhrase;

    protected RejectedRequestException(int status, String reasonPhrase, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reasonPhrase = reasonPhrase;
    }

    /** The SIP status to answer with. */
    public int status() {
        return status;
    }

    /** The reason phrase to answer with. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** Creates a role's reject, e.g. {@code InvalidRegisterException::new}. */
    @FunctionalInterface
    public interface Factory {

        RejectedRequestException create(int status, String reasonPhrase, String message, Throwable cause);
    }
}
