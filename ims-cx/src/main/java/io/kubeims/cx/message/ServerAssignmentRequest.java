package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.util.List;

/**
 * Server-Assignment-Request, sent by the S-CSCF on (de-)registration and for unregistered users (TS 29.229
 * clause 6.1.3, procedures TS 29.228 clause 6.1.2). User-Name is optional in the grammar and Public-Identity
 * repeated; TS 29.228 table 6.1.2.1 needs at least one of them, and so does this record.
 *
 * @param userName                 User-Name, null when absent
 * @param publicIdentities         Public-Identity values
 * @param serverName               Server-Name: the S-CSCF's SIP URI
 * @param assignmentType           Server-Assignment-Type
 * @param userDataAlreadyAvailable User-Data-Already-Available
 */
public record ServerAssignmentRequest(String userName, List<String> publicIdentities, String serverName,
                                      ServerAssignmentType assignmentType,
                                      UserDataAlreadyAvailable userDataAlreadyAvailable)
        implements CxHssRequest<ServerAssignmentAnswer> {

    public ServerAssignmentRequest {
        publicIdentities = MessageFields.list(publicIdentities, "publicIdentities");
        if (userName == null && publicIdentities.isEmpty()) {
            throw new InvalidCxMessageException("publicIdentities", "must not be empty when userName is absent");
        }
        MessageFields.required(serverName, "serverName");
        MessageFields.required(assignmentType, "assignmentType");
        MessageFields.required(userDataAlreadyAvailable, "userDataAlreadyAvailable");
    }

    @Override
    public CxCommand command() {
        return CxCommand.SERVER_ASSIGNMENT;
    }
}
