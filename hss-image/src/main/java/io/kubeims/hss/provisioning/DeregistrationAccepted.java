package io.kubeims.hss.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubeims.protocol.cx.ReasonCode;

/**
 * The answer to an accepted administrative de-registration: which S-CSCF is to be told, and why.
 *
 * @param privateIdentity IMPI
 * @param serverName      the S-CSCF assigned when the request was accepted
 * @param reasonCode      the Reason-Code of the RTR
 * @param reasonInfo      the Reason-Info, absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeregistrationAccepted(String privateIdentity, String serverName, ReasonCode reasonCode,
        String reasonInfo) {
}
