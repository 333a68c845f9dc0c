package io.kubeims.hss.provisioning;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.protocol.cx.ReasonCode;

/**
 * The optional body of {@code POST .../deregistration}: the Deregistration-Reason of the RTR (TS 29.229 6.3.16).
 *
 * @param reasonCode PERMANENT_TERMINATION (default), NEW_SERVER_ASSIGNED, SERVER_CHANGE or REMOVE_S_CSCF
 * @param reasonInfo text for the user (Reason-Info), optional
 */
public record DeregistrationRequest(ReasonCode reasonCode, String reasonInfo) {

    /** Reason-Info is an UTF8String AVP shown to the user; a bound keeps the RTR small. */
    static final int MAX_REASON_INFO = 256;

    /** @throws InvalidRequestException if the reason info is too long or holds control characters */
    DeregistrationReason toReason() {
        if (reasonInfo != null) {
            if (reasonInfo.length() > MAX_REASON_INFO) {
                throw new InvalidRequestException("reasonInfo", "at most " + MAX_REASON_INFO + " characters");
            }
            if (reasonInfo.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException("reasonInfo", "contains a control character");
            }
        }
        return new DeregistrationReason(reasonCode == null ? ReasonCode.PERMANENT_TERMINATION : reasonCode,
                reasonInfo);
    }
}
