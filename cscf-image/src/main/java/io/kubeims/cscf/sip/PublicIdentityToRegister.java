package io.kubeims.cscf.sip;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The public user identity a REGISTER registers: its To URI, which must be a SIP URI with a user part
 * (TS 24.229 5.1.1.2.1: the UE registers a SIP URI; a tel URI is only ever implicitly registered). The I-CSCF and
 * the S-CSCF reject anything else with 403 before asking the HSS.
 */
public final class PublicIdentityToRegister {

    private PublicIdentityToRegister() {
    }

    /**
     * Reads the identity as {@code scheme:user@host} (no parameters, no port).
     *
     * @param reject creates the caller's exception
     * @throws RejectedRequestException of {@code reject}: 403 "Public Identity Not A SIP URI" (To absent or not a
     *                                  SIP URI) or 403 "Public Identity Without User Part"
     */
    public static String read(Request register, RejectedRequestException.Factory reject) {
        ToHeader to = (ToHeader) register.getHeader(ToHeader.NAME);
        URI uri = to == null ? null : to.getAddress().getURI();
        if (!(uri instanceof SipURI sip)) {
            throw reject.create(Response.FORBIDDEN, "Public Identity Not A SIP URI",
                    "To of the REGISTER is " + (uri == null ? "absent" : "a " + uri.getScheme() + " URI")
                            + ": only a SIP URI registers (TS 24.229 5.1.1.2.1)", null);
        }
        if (sip.getUser() == null || sip.getUser().isEmpty()) {
            throw reject.create(Response.FORBIDDEN, "Public Identity Without User Part",
                    "To URI of the REGISTER has no user part: " + sip.getHost(), null);
        }
        return sip.getScheme() + ":" + sip.getUser() + "@" + sip.getHost();
    }
}
