package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * Location-Info-Answer (TS 29.229 clause 6.1.6): the serving S-CSCF, or the capabilities to choose one.
 *
 * @param result             Result-Code or Experimental-Result (e.g. DIAMETER_UNREGISTERED_SERVICE)
 * @param serverName         Server-Name, null when absent
 * @param serverCapabilities Server-Capabilities, null when absent
 * @param errorMessage       Error-Message, null when absent
 * @param failedAvps         Failed-AVP content
 */
public record LocationInfoAnswer(CxResult result, String serverName, ServerCapabilities serverCapabilities,
                                 String errorMessage, List<RawAvp> failedAvps) implements CxAnswer {

    public LocationInfoAnswer {
        MessageFields.required(result, "result");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public LocationInfoAnswer(CxResult result, String serverName, ServerCapabilities serverCapabilities) {
        this(result, serverName, serverCapabilities, null, List.of());
    }

    @Override
    public CxCommand command() {
        return CxCommand.LOCATION_INFO;
    }
}
