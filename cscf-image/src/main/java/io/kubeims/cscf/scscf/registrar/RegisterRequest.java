package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.PublicIdentityToRegister;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.Expiry;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.protocol.digest.MalformedDigestHeaderException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the registrar reads from one REGISTER (TS 24.229 5.4.1.2, RFC 3261 10.3): the identities, the credentials
 * for the home realm, the contacts, the Path and the request's own identity for the out-of-order check.
 * {@code toString()} shows identities only, never credentials.
 *
 * @param impu               the public identity registered: the To URI as {@code scheme:user@host}
 * @param impi               the private identity: the Authorization username, else derived from the IMPU as
 *                           {@code user@host} (the NAI form, TS 23.003 13.3)
 * @param credentials        the Digest credentials for the home realm (else the first), if any
 * @param wildcard           {@code Contact: *}
 * @param contacts           the Contact entries (none for a wildcard or a query)
 * @param expiresHeader      the Expires header, if any
 * @param path               the Path entries, topmost first (RFC 3327)
 * @param callId             the Call-ID
 * @param cseq               the CSeq number
 * @param viaBranch          the topmost Via branch (or a stand-in built from Call-ID and CSeq when absent)
 * @param receivedFrom       where the request came from
 */
public record RegisterRequest(String impu, String impi, Optional<DigestCredentials> credentials, boolean wildcard,
        List<ContactBinding> contacts, OptionalInt expiresHeader, List<Address> path, String callId, long cseq,
        String viaBranch, TransportFlow receivedFrom) {

    /** Values of the Authorization {@code integrity-protected} parameter that mean a protected P-CSCF flow. */
    private static final Set<String> PROTECTED = Set.of("yes", "tls-yes", "ip-assoc-yes", "tls-connected");

    public RegisterRequest {
        contacts = List.copyOf(contacts);
        path = List.copyOf(path);
    }

    /**
     * Reads a REGISTER.
     *
     * @param homeDomain the home realm, to pick the Authorization header meant for us
     * @throws MalformedRegisterException 403 when the To URI is not a SIP URI with a user part (TS 24.229
     *                                    5.1.1.2.1), 400 when Contact, Path or Authorization cannot be read
     */
    public static RegisterRequest read(InboundRequest inbound, String homeDomain) {
        Request request = inbound.request();
        String impu = PublicIdentityToRegister.read(request, MalformedRegisterException::new);
        Optional<DigestCredentials> credentials = credentials(request, homeDomain);
        String impi = credentials.map(DigestCredentials::username).filter(u -> !u.isBlank()).map(String::strip)
                .orElse(impu.substring(impu.indexOf(':') + 1));
        boolean wildcard;
        List<ContactBinding> contacts;
        OptionalInt expires;
        try {
            wildcard = ContactBinding.isWildcard(request);
            contacts = ContactBinding.read(request);
            expires = Expiry.read(request);
        } catch (MalformedSipHeaderException | ClassCastException e) {
            throw new MalformedRegisterException(Response.BAD_REQUEST, "Malformed Contact",
                    "Contact unreadable: " + e.getMessage(), e);
        }
        List<Address> path;
        try {
            path = AddressListHeader.PATH.read(request);
        } catch (MalformedSipHeaderException e) {
            throw new MalformedRegisterException(Response.BAD_REQUEST, "Malformed Path", "Path unreadable: "
                    + e.getMessage(), e);
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String branch = via == null || via.getBranch() == null || via.getBranch().isBlank()
                ? "rfc2543/" + inbound.callId() + "/" + cseq.getSeqNumber() : via.getBranch();
        InetSocketAddress source = inbound.source();
        String address = source.getAddress() != null ? source.getAddress().getHostAddress() : source.getHostString();
        TransportFlow from = new TransportFlow(inbound.transport(), address, Math.max(1, source.getPort()));
        return new RegisterRequest(impu, impi, credentials, wildcard, contacts, expires, path, inbound.callId(),
                cseq.getSeqNumber(), branch, from);
    }

    /** A REGISTER without Contact: it asks for the current bindings (RFC 3261 10.2.3). */
    public boolean isQuery() {
        return !wildcard && contacts.isEmpty();
    }

    /**
     * Whether the credentials answer a challenge: a non-empty nonce with a response or an {@code auts}. An initial
     * REGISTER carries {@code nonce=""} and {@code response=""} (TS 24.229 5.1.1.2.1) and answers nothing.
     */
    public boolean answersChallenge() {
        return credentials.filter(c -> !c.nonce().isEmpty()
                && (!c.response().isEmpty() || c.auts().isPresent())).isPresent();
    }

    /**
     * Whether the P-CSCF marked the Authorization as received over its security association or TLS
     * (TS 24.229 5.2.2.1, 5.4.1.2.2: {@code integrity-protected} = yes, tls-yes, ip-assoc-yes or tls-connected).
     */
    public boolean integrityProtected() {
        return credentials.flatMap(c -> Optional.ofNullable(c.otherParams().get("integrity-protected")))
                .map(v -> PROTECTED.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /** The algorithm the UE asked for in its Authorization, if any (a hint for the MAR's scheme). */
    public Optional<String> algorithmHint() {
        return credentials.flatMap(DigestCredentials::algorithm);
    }

    /** The host of the topmost Path URI: the P-CSCF the REGISTER came through (RFC 3327 5.1). */
    public Optional<String> topPathHost() {
        return path.isEmpty() ? Optional.empty() : host(path.get(0));
    }

    /** The Path entries as stored with each binding: {@code <uri>} name-addrs, topmost first. */
    public List<String> pathValues() {
        return path.stream().map(a -> "<" + a.getURI() + ">").toList();
    }

    /** The host of a SIP URI address, lower case. */
    static Optional<String> host(Address address) {
        return address.getURI() instanceof SipURI sip && sip.getHost() != null
                ? Optional.of(sip.getHost().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The Digest credentials for the home realm, else the first Digest credentials; none without Authorization. */
    private static Optional<DigestCredentials> credentials(Request register, String homeDomain) {
        List<String> values = AuthHeader.AUTHORIZATION.read(register);
        DigestCredentials first = null;
        for (String value : values) {
            DigestCredentials parsed;
            try {
                parsed = DigestCredentials.parse(value);
            } catch (MalformedDigestHeaderException e) {
                // the parser's message names the parameter, never a value
                throw new MalformedRegisterException(Response.BAD_REQUEST, "Malformed Authorization header",
                        "Authorization unreadable: " + e.getMessage(), e);
            }
            if (parsed.realm().equalsIgnoreCase(homeDomain)) {
                return Optional.of(parsed);
            }
            if (first == null) {
                first = parsed;
            }
        }
        return Optional.ofNullable(first);
    }

    @Override
    public String toString() {
        return impu + " (IMPI " + impi + ")";
    }
}
