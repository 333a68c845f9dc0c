package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.sip.RejectedRequestException;

/**
 * A REGISTER the registrar cannot act on as sent: the status (400 or 403) and reason phrase to answer with, and a
 * message for the log naming the header (never a credential).
 */
public class MalformedRegisterException extends RejectedRequestException {

    private static final long serialVersionUID = 1L;

    public MalformedRegisterException(int status, String reasonPhrase, String message, Throwable cause) {
        super(status, reasonPhrase, message, cause);
    }
}
