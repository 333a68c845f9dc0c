package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.RejectedRequestException;
import javax.sip.message.Response;

/**
 * A REGISTER from the UE the P-CSCF cannot forward as TS 24.229 5.2.2 requires (no SIP To URI with a user part, an
 * unreadable Contact or Authorization): answered 400 with {@link #reasonPhrase()}. The message names the header at
 * fault, never a credential.
 */
public class MalformedRegisterException extends RejectedRequestException {

    private static final long serialVersionUID = 1L;

    public MalformedRegisterException(String reasonPhrase, String message, Throwable cause) {
        super(Response.BAD_REQUEST, reasonPhrase, message, cause);
    }
}
