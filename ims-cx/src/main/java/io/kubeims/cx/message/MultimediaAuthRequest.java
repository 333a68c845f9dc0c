package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;

/**
 * Multimedia-Auth-Request, sent by the S-CSCF for authentication vectors (TS 29.229 clause 6.1.7, procedures
 * TS 29.228 clause 6.3).
 *
 * @param userName        User-Name: the private user identity
 * @param publicIdentity  Public-Identity
 * @param serverName      Server-Name: the S-CSCF's SIP URI
 * @param numberAuthItems SIP-Number-Auth-Items: how many vectors are asked for
 * @param authDataItem    SIP-Auth-Data-Item: the scheme, and RAND||AUTS when resynchronising
 */
public record MultimediaAuthRequest(String userName, String publicIdentity, String serverName, long numberAuthItems,
                                    SipAuthDataItem authDataItem) implements CxHssRequest<MultimediaAuthAnswer> {

    public MultimediaAuthRequest {
        MessageFields.required(userName, "userName");
        MessageFields.required(publicIdentity, "publicIdentity");
        MessageFields.required(serverName, "serverName");
        MessageFields.unsigned32(numberAuthItems, "numberAuthItems");
        MessageFields.required(authDataItem, "authDataItem");
    }

    @Override
    public CxCommand command() {
        return CxCommand.MULTIMEDIA_AUTH;
    }
}
