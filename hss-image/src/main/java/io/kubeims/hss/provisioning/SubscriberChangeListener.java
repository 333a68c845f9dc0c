package io.kubeims.hss.provisioning;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.subscriber.Subscriber;

/**
 * Told about every provisioning change once it is stored, so the network can follow: a Push-Profile-Request when a
 * registered user's profile changes, a Registration-Termination-Request when a registered user is deleted or an
 * administrator de-registers it (TS 29.228 6.1.3, 6.2.2). Every bean of this type is told (the HSS's own is
 * {@code io.kubeims.hss.app.ProvisioningCxNotifier}). Calls come on the HTTP worker thread after the store write:
 * implementations must not block on Diameter answers, and a failure they throw is logged, not answered to the
 * client (the change is stored either way).
 */
public interface SubscriberChangeListener {

    /** A subscriber was provisioned for the first time. */
    void created(Subscriber subscriber);

    /**
     * A subscriber was replaced by a different one (identities, barring, credentials or iFCs); not called when a
     * request stored an equal subscriber again.
     */
    void changed(Subscriber before, Subscriber after);

    /** A subscriber was deleted; its dynamic state (registration, SQN) is still in the store. */
    void deleted(Subscriber subscriber);

    /**
     * An administrator asked to de-register a subscriber that has an assigned S-CSCF (an RTR with this reason,
     * TS 29.229 6.3.16 Deregistration-Reason). The registration record is left to the RTR procedure to clear.
     */
    void deregistrationRequested(String privateIdentity, DeregistrationReason reason);
}
