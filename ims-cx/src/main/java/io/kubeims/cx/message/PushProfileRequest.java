package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.Objects;

/**
 * Push-Profile-Request, sent by the HSS when the user profile changed (TS 29.229 clause 6.1.11, procedures
 * TS 29.228 clause 6.1.4).
 *
 * @param userName     User-Name: the private user identity
 * @param userData     User-Data: the new Cx-User-Data XML document (UTF-8), null when absent
 * @param authDataItem SIP-Auth-Data-Item (e.g. a new HA1 for SIP Digest), null when absent
 */
public record PushProfileRequest(String userName, byte[] userData, SipAuthDataItem authDataItem)
        implements CxScscfRequest<PushProfileAnswer> {

    public PushProfileRequest {
        MessageFields.required(userName, "userName");
        userData = MessageFields.copy(userData);
    }

    @Override
    public byte[] userData() {
        return MessageFields.copy(userData);
    }

    @Override
    public CxCommand command() {
        return CxCommand.PUSH_PROFILE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushProfileRequest that
                && userName.equals(that.userName)
                && MessageFields.same(userData, that.userData)
                && Objects.equals(authDataItem, that.authDataItem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userName, authDataItem) * 31 + MessageFields.hash(userData);
    }

    @Override
    public String toString() {
        return "PushProfileRequest[userName=" + userName + ", userData=" + MessageFields.describe(userData)
                + ", authDataItem=" + authDataItem + "]";
    }
}
