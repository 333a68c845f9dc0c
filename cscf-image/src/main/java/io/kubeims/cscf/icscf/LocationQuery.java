package io.kubeims.cscf.icscf;

import io.kubeims.cx.message.LocationInfoRequest;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The user location query a terminating initial request asks for (TS 24.229 5.3.2.1, TS 29.228 6.1.4): the
 * Public-Identity is the Request-URI without parameters and port, {@code sip:user@host} or {@code tel:number}.
 *
 * <p>A tel URI (or a SIP URI with {@code user=phone}) normally reaches the I-CSCF already translated: the originating
 * S-CSCF resolves it by ENUM (routing contract 3). One that arrives anyway is asked of the HSS as it is, since a tel URI
 * can be a public identity of its own (TS 23.003 13.4; e.g. in an implicit registration set): the HSS names its S-CSCF,
 * or answers USER_UNKNOWN, which becomes 404. The I-CSCF does no ENUM itself.
 *
 * @param publicIdentity the Public-Identity of the LIR
 */
public record LocationQuery(String publicIdentity) {

    /** Validates. @throws IllegalArgumentException when blank */
    public LocationQuery {
        if (publicIdentity == null || publicIdentity.isBlank()) {
            throw new IllegalArgumentException("publicIdentity is required");
        }
    }

    /**
     * Reads the query from an initial request.
     *
     * @throws UnlocatableRequestException 404 for a SIP URI without user part, 416 for a scheme other than sip,
     *                                     sips and tel
     */
    public static LocationQuery of(Request request) {
        URI uri = request.getRequestURI();
        if (uri instanceof SipURI sip) {
            if (sip.getUser() == null || sip.getUser().isBlank()) {
                throw new UnlocatableRequestException(Response.NOT_FOUND, "No Public Identity In Request-URI",
                        "Request-URI " + sip + " has no user part: no public identity to locate");
            }
            return new LocationQuery(sip.getScheme() + ":" + sip.getUser() + "@" + sip.getHost());
        }
        if (uri instanceof TelURL tel) {
            return new LocationQuery("tel:" + (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber());
        }
        throw new UnlocatableRequestException(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme",
                "Request-URI scheme " + uri.getScheme() + " cannot be located (sip, sips, tel)");
    }

    /** The LIR of a terminating request (no Originating-Request, no capabilities asked). */
    public LocationInfoRequest toRequest() {
        return new LocationInfoRequest(publicIdentity);
    }

    @Override
    public String toString() {
        return "location of " + publicIdentity;
    }
}
