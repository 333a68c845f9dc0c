package io.kubeims.cscf.pcscf;

/**
 * A REGISTER from the UE the P-CSCF cannot forward as TS 24.229 5.2.2 requires (no SIP To URI with a user part, an
 * unreadable Contact or Authorization): answered 400 with {@link #reasonPhrase()}. The message names the header at
 * fault, never a credential.
 */
public class MalformedRegisterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reasonPhrase;

    public MalformedRegisterException(String reasonPhrase, String message, Throwable cause) {
        super(message, cause);
        this.reasonPhrase = reasonPhrase;
    }

    /** The reason phrase of the 400. */
    public String reasonPhrase() {
        return reasonPhrase;
    }
}
