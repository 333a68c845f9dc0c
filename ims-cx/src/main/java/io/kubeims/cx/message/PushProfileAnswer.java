package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * Push-Profile-Answer (TS 29.229 clause 6.1.12).
 *
 * @param result       Result-Code or Experimental-Result
 * @param errorMessage Error-Message, null when absent
 * @param failedAvps   Failed-AVP content
 */
public record PushProfileAnswer(CxResult result, String errorMessage, List<RawAvp> failedAvps) implements CxAnswer {

    public PushProfileAnswer {
        MessageFields.required(result, "result");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public PushProfileAnswer(CxResult result) {
        this(result, null, List.of());
    }

    @Override
    public CxCommand command() {
        return CxCommand.PUSH_PROFILE;
    }
}
