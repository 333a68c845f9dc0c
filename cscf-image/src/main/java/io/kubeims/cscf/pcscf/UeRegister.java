package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.Expiry;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.protocol.digest.MalformedDigestHeaderException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * What the P-CSCF reads from a UE's REGISTER (TS 24.229 5.2.2): the private identity, the public identity being
 * registered, the contacts, whether the UE asks for RFC 5626 outbound, and the flow it came over.
 *
 * @param impi           the private identity: the Authorization username for the home realm (else of the first
 *                       Authorization), else derived from the public identity as {@code user@host}, the NAI form
 *                       of an IMPI (TS 23.003 13.3)
 * @param impiGiven      whether the UE gave the IMPI in an Authorization header
 * @param publicIdentity the To URI without parameters ({@code sip:user@host})
 * @param contacts       the Contact entries (empty for a query or {@code Contact: *})
 * @param wildcard       whether the REGISTER has {@code Contact: *} (RFC 3261 10.2.2)
 * @param expires        the Expires header, if present
 * @param outbound       whether the UE supports RFC 5626 outbound: {@code Supported: outbound} and a Contact with
 *                       {@code reg-id} and {@code +sip.instance} (RFC 5626 4.2, TS 24.229 5.2.2)
 * @param flow           transport, source address and port of the REGISTER
 */
public record UeRegister(String impi, boolean impiGiven, String publicIdentity, List<ContactBinding> contacts,
        boolean wildcard, OptionalInt expires, boolean outbound, TransportFlow flow) {

    /** The expiry a registrar applies to a binding without any (RFC 3261 10.2.1.1). */
    static final int DEFAULT_EXPIRES = 3600;

    /** Copies. */
    public UeRegister {
        contacts = List.copyOf(contacts);
    }

    /**
     * Reads a received REGISTER.
     *
     * @throws MalformedRegisterException when To is not a SIP URI with a user part, or Contact or Authorization
     *                                    cannot be read
     */
    public static UeRegister of(InboundRequest inbound, String homeDomain) {
        return read(inbound.request(), flowOf(inbound), homeDomain);
    }

    /**
     * Reads a REGISTER that came over {@code flow}.
     *
     * @throws MalformedRegisterException when To is not a SIP URI with a user part, or Contact or Authorization
     *                                    cannot be read
     */
    public static UeRegister read(Request register, TransportFlow flow, String homeDomain) {
        String publicIdentity = publicIdentity(register);
        String given = authorizationUserName(register, homeDomain);
        List<ContactBinding> contacts;
        boolean wildcard;
        try {
            wildcard = ContactBinding.isWildcard(register);
            contacts = ContactBinding.read(register);
        } catch (MalformedSipHeaderException | ClassCastException e) {
            throw new MalformedRegisterException("Malformed Contact", "Contact of the REGISTER unreadable: "
                    + e.getMessage(), e);
        }
        boolean outbound = OptionTagHeader.SUPPORTED.contains(register, "outbound")
                && contacts.stream().anyMatch(c -> c.regId().isPresent() && c.instanceId().isPresent());
        String impi = given != null ? given : publicIdentity.substring(publicIdentity.indexOf(':') + 1);
        return new UeRegister(impi, given != null, publicIdentity, contacts, wildcard, Expiry.read(register),
                outbound, flow);
    }

    /** The flow a request came over, as the P-CSCF keys it. */
    public static TransportFlow flowOf(InboundRequest inbound) {
        InetSocketAddress source = inbound.source();
        if (source.getAddress() == null) {
            throw new IllegalStateException("no source address for " + inbound);
        }
        try {
            return new TransportFlow(inbound.transport(), source.getAddress().getHostAddress(), source.getPort());
        } catch (InvalidCscfStateException e) {
            throw new IllegalStateException("unusable source of " + inbound + ": " + e.getMessage(), e);
        }
    }

    /** The expiry asked for a contact: its own, else the Expires header, else 3600 (RFC 3261 10.2.1.1). */
    public int requestedExpiry(ContactBinding contact) {
        return contact.expiresOr(expires, DEFAULT_EXPIRES);
    }

    /** Whether the REGISTER removes every binding it names (RFC 3261 10.2.2). */
    public boolean deregistration() {
        if (wildcard) {
            return expires.isPresent() && expires.getAsInt() == 0;
        }
        return !contacts.isEmpty() && contacts.stream().allMatch(c -> requestedExpiry(c) == 0);
    }

    private static String publicIdentity(Request register) {
        ToHeader to = (ToHeader) register.getHeader(ToHeader.NAME);
        URI uri = to == null ? null : to.getAddress().getURI();
        if (!(uri instanceof SipURI sip) || sip.getUser() == null || sip.getUser().isBlank()) {
            // TS 24.229 5.1.1.2.1: the UE registers a SIP URI public identity; we need its user@host for the IMPI
            throw new MalformedRegisterException("To Is Not A SIP URI With User Part", "To of the REGISTER is "
                    + (uri == null ? "absent" : uri instanceof SipURI ? "a SIP URI without user part"
                    : "a " + uri.getScheme() + " URI"), null);
        }
        return sip.getScheme() + ":" + sip.getUser() + "@" + sip.getHost();
    }

    /**
     * The username of the Authorization for the home realm, else of the first one; null when none has one. Every
     * Authorization must parse as Digest credentials: the P-CSCF rewrites them all.
     */
    private static String authorizationUserName(Request register, String homeDomain) {
        String first = null;
        for (String value : AuthHeader.AUTHORIZATION.read(register)) {
            DigestCredentials credentials;
            try {
                credentials = DigestCredentials.parse(value);
            } catch (MalformedDigestHeaderException e) {
                // the exception names the parameter, never its value
                throw new MalformedRegisterException("Malformed Authorization", "Authorization of the REGISTER: "
                        + e.getMessage(), e);
            }
            String user = credentials.username().strip();
            if (user.isEmpty()) {
                continue;
            }
            if (homeDomain.equalsIgnoreCase(credentials.realm())) {
                return user;
            }
            if (first == null) {
                first = user;
            }
        }
        return first;
    }
}
