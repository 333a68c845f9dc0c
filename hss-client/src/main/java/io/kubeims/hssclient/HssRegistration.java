package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kubeims.api.v1alpha1.subscriber.RegistrationState;

/**
 * A subscriber's registration as the HSS records it (TS 29.228 8.1.2, 8.1.3).
 *
 * @param privateIdentity   IMPI
 * @param state             NotRegistered, Registered or Unregistered
 * @param serverName        the assigned S-CSCF, null when none
 * @param pendingServerName the S-CSCF of a MAR not yet confirmed by SAR, null when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HssRegistration(String privateIdentity, RegistrationState state, String serverName,
        String pendingServerName) {
}
