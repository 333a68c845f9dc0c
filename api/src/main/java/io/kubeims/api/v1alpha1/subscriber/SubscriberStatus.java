package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a {@link Subscriber}: Provisioned condition and what the HSS reports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubscriberStatus extends ConditionedStatus {

    @JsonPropertyDescription("Registration state reported by the HSS.")
    private RegistrationState registrationState;

    @JsonPropertyDescription("S-CSCF (pool) serving the subscriber, as assigned in the HSS.")
    private String servingScscf;

    public RegistrationState getRegistrationState() {
        return registrationState;
    }

    public void setRegistrationState(RegistrationState registrationState) {
        this.registrationState = registrationState;
    }

    public String getServingScscf() {
        return servingScscf;
    }

    public void setServingScscf(String servingScscf) {
        this.servingScscf = servingScscf;
    }
}
