package io.kubeims.hss.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubeims.api.v1alpha1.subscriber.RegistrationState;
import io.kubeims.hss.store.RegistrationRecord;

/**
 * A subscriber's registration as the HSS records it (TS 29.228 8.1.2, 8.1.3), read-only.
 *
 * @param privateIdentity   IMPI
 * @param state             NotRegistered, Registered or Unregistered (the Subscriber CRD status values)
 * @param serverName        the assigned S-CSCF, absent when none
 * @param pendingServerName the S-CSCF of a MAR not yet confirmed by SAR, absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(String privateIdentity, RegistrationState state, String serverName,
        String pendingServerName) {

    static RegistrationView of(String privateIdentity, RegistrationRecord record) {
        RegistrationState state = switch (record.state()) {
            case NOT_REGISTERED -> RegistrationState.NOT_REGISTERED;
            case REGISTERED -> RegistrationState.REGISTERED;
            case UNREGISTERED -> RegistrationState.UNREGISTERED;
        };
        return new RegistrationView(privateIdentity, state, record.serverName(), record.pendingServerName());
    }
}
