package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * Registration-Termination-Request, sent by the HSS to de-register identities administratively (TS 29.229
 * clause 6.1.9, procedures TS 29.228 clause 6.1.3).
 *
 * @param userName             User-Name: the private user identity
 * @param associatedIdentities further private identities, sent inside Associated-Identities
 * @param publicIdentities     Public-Identity values; empty means all of the user's identities
 * @param reason               Deregistration-Reason
 */
public record RegistrationTerminationRequest(String userName, List<String> associatedIdentities,
                                             List<String> publicIdentities, DeregistrationReason reason)
        implements CxScscfRequest<RegistrationTerminationAnswer> {

    public RegistrationTerminationRequest {
        MessageFields.required(userName, "userName");
        associatedIdentities = MessageFields.list(associatedIdentities, "associatedIdentities");
        publicIdentities = MessageFields.list(publicIdentities, "publicIdentities");
        MessageFields.required(reason, "reason");
    }

    @Override
    public CxCommand command() {
        return CxCommand.REGISTRATION_TERMINATION;
    }
}
