package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.sip.RejectedRequestException;

/**
 * An initial request the S-CSCF answers itself with a final error (TS 24.229 5.4.3): the status and reason phrase to
 * send, and a log message naming what was wrong (served user unknown or barred, an ODI refused, the HSS failing).
 */
public class SessionRejectedException extends RejectedRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * @param status       the SIP status to answer with
     * @param reasonPhrase the reason phrase to answer with
     * @param message      what was wrong, for the log
     */
    public SessionRejectedException(int status, String reasonPhrase, String message) {
        super(status, reasonPhrase, message, null);
    }

    /** Same, with the cause. */
    public SessionRejectedException(int status, String reasonPhrase, String message, Throwable cause) {
        super(status, reasonPhrase, message, cause);
    }
}
