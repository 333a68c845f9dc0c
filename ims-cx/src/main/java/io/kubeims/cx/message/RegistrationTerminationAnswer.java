package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * Registration-Termination-Answer (TS 29.229 clause 6.1.10).
 *
 * @param result               Result-Code or Experimental-Result
 * @param associatedIdentities the User-Name values inside Associated-Identities
 * @param errorMessage         Error-Message, null when absent
 * @param failedAvps           Failed-AVP content
 */
public record RegistrationTerminationAnswer(CxResult result, List<String> associatedIdentities, String errorMessage,
                                            List<RawAvp> failedAvps) implements CxAnswer {

    public RegistrationTerminationAnswer {
        MessageFields.required(result, "result");
        associatedIdentities = MessageFields.list(associatedIdentities, "associatedIdentities");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public RegistrationTerminationAnswer(CxResult result, List<String> associatedIdentities) {
        this(result, associatedIdentities, null, List.of());
    }

    /** An answer carrying only a result. */
    public static RegistrationTerminationAnswer of(CxResult result) {
        return new RegistrationTerminationAnswer(result, List.of());
    }

    @Override
    public CxCommand command() {
        return CxCommand.REGISTRATION_TERMINATION;
    }
}
