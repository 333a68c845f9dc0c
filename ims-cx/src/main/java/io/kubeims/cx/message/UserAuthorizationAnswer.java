package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * User-Authorization-Answer (TS 29.229 clause 6.1.2): the assigned S-CSCF name, or the capabilities to choose one.
 *
 * @param result             Result-Code or Experimental-Result (e.g. DIAMETER_FIRST_REGISTRATION)
 * @param serverName         Server-Name, null when absent
 * @param serverCapabilities Server-Capabilities, null when absent
 * @param errorMessage       Error-Message, null when absent
 * @param failedAvps         Failed-AVP content
 */
public record UserAuthorizationAnswer(CxResult result, String serverName, ServerCapabilities serverCapabilities,
                                      String errorMessage, List<RawAvp> failedAvps) implements CxAnswer {

    public UserAuthorizationAnswer {
        MessageFields.required(result, "result");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public UserAuthorizationAnswer(CxResult result, String serverName, ServerCapabilities serverCapabilities) {
        this(result, serverName, serverCapabilities, null, List.of());
    }

    @Override
    public CxCommand command() {
        return CxCommand.USER_AUTHORIZATION;
    }
}
