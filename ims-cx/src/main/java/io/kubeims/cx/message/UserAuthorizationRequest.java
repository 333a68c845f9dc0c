package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.UserAuthorizationType;

/**
 * User-Authorization-Request, sent by the I-CSCF on a REGISTER (TS 29.229 clause 6.1.1, procedures TS 29.228
 * clause 6.1.1).
 *
 * @param userName                  User-Name: the private user identity
 * @param publicIdentity            Public-Identity
 * @param visitedNetworkIdentifier  Visited-Network-Identifier (an OctetString, in practice the visited domain name)
 * @param authorizationType         User-Authorization-Type; an absent AVP is read as REGISTRATION, and
 *                                  REGISTRATION is always sent
 * @param uarFlags                  UAR-Flags bit mask (bit 0: IMS-Emergency-Registration, clause 6.3.44); 0 is
 *                                  not sent
 */
public record UserAuthorizationRequest(String userName, String publicIdentity, String visitedNetworkIdentifier,
                                       UserAuthorizationType authorizationType, long uarFlags)
        implements CxHssRequest<UserAuthorizationAnswer> {

    public UserAuthorizationRequest {
        MessageFields.required(userName, "userName");
        MessageFields.required(publicIdentity, "publicIdentity");
        MessageFields.required(visitedNetworkIdentifier, "visitedNetworkIdentifier");
        MessageFields.required(authorizationType, "authorizationType");
        MessageFields.unsigned32(uarFlags, "uarFlags");
    }

    /** A UAR for a plain REGISTER: type REGISTRATION, no flags. */
    public UserAuthorizationRequest(String userName, String publicIdentity, String visitedNetworkIdentifier) {
        this(userName, publicIdentity, visitedNetworkIdentifier, UserAuthorizationType.REGISTRATION, 0);
    }

    @Override
    public CxCommand command() {
        return CxCommand.USER_AUTHORIZATION;
    }
}
