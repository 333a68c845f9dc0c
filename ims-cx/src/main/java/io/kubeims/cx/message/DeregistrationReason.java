package io.kubeims.cx.message;

import io.kubeims.protocol.cx.ReasonCode;

/**
 * Deregistration-Reason (TS 29.229 clause 6.3.16) of an RTR.
 *
 * @param reasonCode Reason-Code
 * @param reasonInfo Reason-Info: text for the user, null when absent
 */
public record DeregistrationReason(ReasonCode reasonCode, String reasonInfo) {

    public DeregistrationReason {
        MessageFields.required(reasonCode, "reasonCode");
    }
}
