package io.kubeims.operator.subscriber;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberStatus;
import io.kubeims.hssclient.HssRegistration;
import io.kubeims.operator.common.ConditionWriter;

/** The only writer of a Subscriber's status: the Provisioned condition and what the HSS reports. */
final class SubscriberStatusBuilder {

    static final String PROVISIONED = "Provisioned";

    private final ConditionWriter conditions;

    SubscriberStatusBuilder(ConditionWriter conditions) {
        this.conditions = conditions;
    }

    /**
     * The status after a successful provisioning. The message does not say whether the PUT created or replaced the
     * subscriber, so that a repeated reconciliation leaves the status as it is.
     *
     * @param registration what the HSS reports, or null when it has no record (cannot happen right after a PUT)
     */
    SubscriberStatus provisioned(Subscriber subscriber, HssRegistration registration) {
        SubscriberStatus status = copyOf(subscriber.getStatus());
        conditions.set(status, subscriber, PROVISIONED, true, "Provisioned",
                subscriber.getSpec().getPrivateIdentity() + " provisioned in the HSS");
        if (registration != null) {
            status.setRegistrationState(registration.state());
            status.setServingScscf(registration.serverName());
        }
        return status;
    }

    /** The status after a failure; what the HSS reported before is kept. */
    SubscriberStatus notProvisioned(Subscriber subscriber, ProvisioningFailure failure) {
        SubscriberStatus status = copyOf(subscriber.getStatus());
        conditions.set(status, subscriber, PROVISIONED, false, failure.reason(), failure.message());
        return status;
    }

    /** Whether two statuses say the same (so an unchanged status is not written again). */
    static boolean same(SubscriberStatus a, SubscriberStatus b) {
        return Serialization.asJson(a).equals(Serialization.asJson(b));
    }

    private static SubscriberStatus copyOf(SubscriberStatus status) {
        return status == null ? new SubscriberStatus()
                : Serialization.unmarshal(Serialization.asJson(status), SubscriberStatus.class);
    }
}
