package io.kubeims.cscf.icscf;

import io.kubeims.cscf.sip.RejectedRequestException;

/**
 * An initial request whose Request-URI names no public identity the HSS could locate (a SIP URI without user part:
 * 404; a scheme other than sip, sips, tel: 416): the I-CSCF rejects it with {@link #status()} and
 * {@link #reasonPhrase()}; the message names the Request-URI's problem.
 */
public class UnlocatableRequestException extends RejectedRequestException {

    private static final long serialVersionUID = 1L;

    public UnlocatableRequestException(int status, String reasonPhrase, String message) {
        super(status, reasonPhrase, message, null);
    }
}
