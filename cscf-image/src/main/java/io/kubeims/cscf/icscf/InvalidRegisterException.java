package io.kubeims.cscf.icscf;

import io.kubeims.cscf.sip.RejectedRequestException;

/**
 * A REGISTER from which no user registration status query can be built (no SIP To URI, no user part, an unreadable
 * Contact or P-Visited-Network-ID): the I-CSCF rejects it with {@link #status()} (400 or 403) and
 * {@link #reasonPhrase()}. The message names the header at fault, never a credential.
 */
public class InvalidRegisterException extends RejectedRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidRegisterException(int status, String reasonPhrase, String message, Throwable cause) {
        super(status, reasonPhrase, message, cause);
    }
}
