package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;
import java.util.Objects;

/**
 * Server-Assignment-Answer (TS 29.229 clause 6.1.4): the user profile (Cx-User-Data XML of TS 29.228 annex E).
 *
 * @param result               Result-Code or Experimental-Result
 * @param userName             User-Name, null when absent
 * @param userData             User-Data: the Cx-User-Data XML document as sent (UTF-8), null when absent
 * @param associatedIdentities the User-Name values inside Associated-Identities
 * @param serverName           Server-Name, null when absent
 * @param errorMessage         Error-Message, null when absent
 * @param failedAvps           Failed-AVP content
 */
public record ServerAssignmentAnswer(CxResult result, String userName, byte[] userData,
                                     List<String> associatedIdentities, String serverName, String errorMessage,
                                     List<RawAvp> failedAvps) implements CxAnswer {

    public ServerAssignmentAnswer {
        MessageFields.required(result, "result");
        userData = MessageFields.copy(userData);
        associatedIdentities = MessageFields.list(associatedIdentities, "associatedIdentities");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public ServerAssignmentAnswer(CxResult result, String userName, byte[] userData,
                                  List<String> associatedIdentities, String serverName) {
        this(result, userName, userData, associatedIdentities, serverName, null, List.of());
    }

    /** An answer carrying only a result (an error). */
    public static ServerAssignmentAnswer of(CxResult result) {
        return new ServerAssignmentAnswer(result, null, null, List.of(), null);
    }

    @Override
    public byte[] userData() {
        return MessageFields.copy(userData);
    }

    @Override
    public CxCommand command() {
        return CxCommand.SERVER_ASSIGNMENT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerAssignmentAnswer that
                && result.equals(that.result)
                && Objects.equals(userName, that.userName)
                && MessageFields.same(userData, that.userData)
                && associatedIdentities.equals(that.associatedIdentities)
                && Objects.equals(serverName, that.serverName)
                && Objects.equals(errorMessage, that.errorMessage)
                && failedAvps.equals(that.failedAvps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(result, userName, associatedIdentities, serverName, errorMessage, failedAvps) * 31
                + MessageFields.hash(userData);
    }

    @Override
    public String toString() {
        return "ServerAssignmentAnswer[result=" + result + ", userName=" + userName + ", userData="
                + MessageFields.describe(userData) + ", associatedIdentities=" + associatedIdentities
                + ", serverName=" + serverName + ", errorMessage=" + errorMessage + ", failedAvps=" + failedAvps + "]";
    }
}
