package io.kubeims.cscf.icscf;

import io.kubeims.cscf.sip.PublicIdentityToRegister;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.Expiry;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.sip.header.VisitedNetworks;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.UserAuthorizationType;
import java.util.List;
import java.util.ListIterator;
import java.util.OptionalInt;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The user registration status query a REGISTER asks for (TS 24.229 5.3.1.2, TS 29.228 6.1.1 table 6.1.1.1).
 *
 * @param userName          User-Name: the private identity, from the Authorization username (TS 24.229 5.1.1.2.1),
 *                          else derived from the public identity as {@code user@host}, the NAI form of an IMPI
 *                          (TS 23.003 13.3); our choice for a REGISTER that carries no Authorization
 * @param publicIdentity    Public-Identity: the To URI without parameters ({@code sip:user@host})
 * @param visitedNetwork    Visited-Network-Identifier: the P-Visited-Network-ID value, else the home domain
 * @param authorizationType DE_REGISTRATION when the REGISTER removes every binding it names, else REGISTRATION
 */
public record RegistrationQuery(String userName, String publicIdentity, String visitedNetwork,
                                UserAuthorizationType authorizationType) {

    /** Any positive expiry: a Contact without expires and no Expires header is a registration (RFC 3261 10.2.1.1). */
    private static final int SOME_EXPIRY = 3600;

    /** Validates. @throws IllegalArgumentException naming a missing field */
    public RegistrationQuery {
        require(userName, "userName");
        require(publicIdentity, "publicIdentity");
        require(visitedNetwork, "visitedNetwork");
        if (authorizationType == null) {
            throw new IllegalArgumentException("authorizationType is required");
        }
    }

    /**
     * Reads the query from a REGISTER.
     *
     * @throws InvalidRegisterException 403 when the To URI is not a SIP URI with a user part (the UE registers a
     *                                  SIP URI public identity, TS 24.229 5.1.1.2.1), 400 when Contact, Expires or
     *                                  P-Visited-Network-ID cannot be read
     */
    public static RegistrationQuery of(Request register, String homeDomain) {
        String publicIdentity = PublicIdentityToRegister.read(register, InvalidRegisterException::new);
        String userName = authorizationUserName(register, homeDomain);
        if (userName == null) {
            // publicIdentity is sip:user@host or sips:user@host here
            userName = publicIdentity.substring(publicIdentity.indexOf(':') + 1);
        }
        return new RegistrationQuery(userName, publicIdentity, visitedNetwork(register, homeDomain),
                removesAllBindings(register) ? UserAuthorizationType.DE_REGISTRATION
                        : UserAuthorizationType.REGISTRATION);
    }

    /** The UAR for this query (no UAR-Flags: emergency registration is not handled here). */
    public UserAuthorizationRequest toRequest() {
        return new UserAuthorizationRequest(userName, publicIdentity, visitedNetwork, authorizationType, 0);
    }

    /** Whether the REGISTER de-registers. */
    public boolean deregistration() {
        return authorizationType == UserAuthorizationType.DE_REGISTRATION;
    }

    /** For logs: no credential is held here. */
    @Override
    public String toString() {
        return authorizationType + " of " + publicIdentity + " (IMPI " + userName + ", visited network "
                + visitedNetwork + ")";
    }

    /**
     * The username of the Authorization header for the home realm, else of the first one; null when there is none
     * or it is empty (TS 24.229 5.1.1.2.1: the UE puts its private identity there).
     */
    private static String authorizationUserName(Request register, String homeDomain) {
        String first = null;
        for (ListIterator<?> it = register.getHeaders(AuthorizationHeader.NAME); it.hasNext(); ) {
            AuthorizationHeader header = (AuthorizationHeader) it.next();
            String user = header.getUsername();
            if (user == null || user.isBlank()) {
                continue;
            }
            if (homeDomain.equalsIgnoreCase(header.getRealm())) {
                return user.strip();
            }
            if (first == null) {
                first = user.strip();
            }
        }
        return first;
    }

    private static String visitedNetwork(Request register, String homeDomain) {
        List<String> networks;
        try {
            networks = VisitedNetworks.read(register);
        } catch (MalformedSipHeaderException e) {
            throw new InvalidRegisterException(Response.BAD_REQUEST, "Malformed P-Visited-Network-ID",
                    "P-Visited-Network-ID unreadable: " + e.getMessage(), e);
        }
        // one P-CSCF adds one value (TS 24.229 5.2.2.1); the top one is the network the UE is in
        return networks.isEmpty() || networks.get(0).isBlank() ? homeDomain : networks.get(0);
    }

    /**
     * RFC 3261 10.2.2: {@code Contact: *} with {@code Expires: 0}, or every Contact expiring now (its expires
     * parameter, else the Expires header). A REGISTER without Contact only queries the bindings: not a
     * de-registration.
     */
    static boolean removesAllBindings(Request register) {
        try {
            OptionalInt expires = Expiry.read(register);
            if (ContactBinding.isWildcard(register)) {
                return expires.isPresent() && expires.getAsInt() == 0;
            }
            List<ContactBinding> bindings = ContactBinding.read(register);
            return !bindings.isEmpty()
                    && bindings.stream().allMatch(binding -> binding.expiresOr(expires, SOME_EXPIRY) == 0);
        } catch (MalformedSipHeaderException e) {
            throw new InvalidRegisterException(Response.BAD_REQUEST, "Malformed Contact",
                    "Contact of the REGISTER unreadable: " + e.getMessage(), e);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
