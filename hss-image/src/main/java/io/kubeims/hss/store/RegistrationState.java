package io.kubeims.hss.store;

/** Registration state of a subscriber's implicit registration set as the HSS keeps it (TS 29.228 8.1.2). */
public enum RegistrationState {
    /** No S-CSCF serves the identities. */
    NOT_REGISTERED,
    /** Registered through an S-CSCF, which is assigned. */
    REGISTERED,
    /** Not registered, but an S-CSCF is assigned to serve unregistered-state services (SAR UNREGISTERED_USER). */
    UNREGISTERED
}
