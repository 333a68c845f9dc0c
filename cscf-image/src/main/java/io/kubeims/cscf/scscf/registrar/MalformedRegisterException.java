package io.kubeims.cscf.scscf.registrar;

/**
 * A REGISTER the registrar cannot act on as sent: the status and reason phrase to answer with, and a message for
 * the log naming the header (never a credential).
 */
public class MalformedRegisterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reasonPhrase;

    public MalformedRegisterException(int status, String reasonPhrase, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reasonPhrase = reasonPhrase;
    }

    /** The SIP status to answer with (400 or 403). */
    public int status() {
        return status;
    }

    /** The reason phrase to answer with. */
    public String reasonPhrase() {
        return reasonPhrase;
    }
}
