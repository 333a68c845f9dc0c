package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Registration state of a subscriber's public identities as the HSS sees it (TS 29.228 section 8.1.2). */
public enum RegistrationState {
    @JsonProperty("NotRegistered") NOT_REGISTERED,
    @JsonProperty("Registered") REGISTERED,
    /** Not registered, but an S-CSCF is assigned to serve unregistered-state services (TS 29.228 8.1.2). */
    @JsonProperty("Unregistered") UNREGISTERED
}
