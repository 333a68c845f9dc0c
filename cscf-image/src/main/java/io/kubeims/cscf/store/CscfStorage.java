package io.kubeims.cscf.store;

/** The CSCF stores over one storage backend, open until {@link #close()}. A role uses the stores it needs. */
public interface CscfStorage extends AutoCloseable {

    /** S-CSCF registrations, with distributed expiry. */
    RegistrationStore registrations();

    /** S-CSCF authentication challenges. */
    AuthChallengeStore challenges();

    /** P-CSCF per-UE flows. */
    PcscfFlowStore pcscfFlows();

    /** S-CSCF reg-event subscriptions. */
    RegEventSubscriptionStore regEventSubscriptions();

    /** Releases the backend if this storage owns it; the stores must not be used afterwards. */
    @Override
    void close();
}
