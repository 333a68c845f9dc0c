package io.kubeims.cscf.icscf;

/**
 * A REGISTER from which no user registration status query can be built (no SIP To URI, no user part, an unreadable
 * Contact or P-Visited-Network-ID): the I-CSCF rejects it with {@link #status()} and {@link #reasonPhrase()}. The
 * message names the header at fault, never a credential.
 */
public class InvalidRegisterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reasonPhrase;

    public InvalidRegisterException(int status, String reasonPhrase, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reasonPhrase = reasonPhrase;
    }

    /** The SIP status to answer (400 or 403). */
    public int status() {
        return status;
    }

    /** The reason phrase to answer with. */
    public String reasonPhrase() {
        return reasonPhrase;
    }
}
