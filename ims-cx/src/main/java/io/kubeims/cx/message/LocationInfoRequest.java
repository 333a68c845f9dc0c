package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.UserAuthorizationType;

/**
 * Location-Info-Request, sent by the I-CSCF to find the S-CSCF serving a public identity (TS 29.229 clause
 * 6.1.5, procedures TS 29.228 clause 6.2.1).
 *
 * @param publicIdentity     Public-Identity
 * @param originatingRequest whether Originating-Request (value ORIGINATING) is present
 * @param authorizationType  User-Authorization-Type, null when absent (only REGISTRATION_AND_CAPABILITIES is
 *                           meaningful here)
 */
public record LocationInfoRequest(String publicIdentity, boolean originatingRequest,
                                  UserAuthorizationType authorizationType)
        implements CxHssRequest<LocationInfoAnswer> {

    public LocationInfoRequest {
        MessageFields.required(publicIdentity, "publicIdentity");
    }

    /** A LIR for a terminating request. */
    public LocationInfoRequest(String publicIdentity) {
        this(publicIdentity, false, null);
    }

    @Override
    public CxCommand command() {
        return CxCommand.LOCATION_INFO;
    }
}
