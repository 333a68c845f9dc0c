package io.kubeims.operator.ifcprofile;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileStatus;
import io.kubeims.hssclient.InvalidIfcProfileException;
import io.kubeims.operator.common.ConditionWriter;

/** The only writer of an IfcProfile's status: the Valid condition and the number of Subscribers using it. */
final class IfcProfileStatusBuilder {

    static final String VALID = "Valid";

    private final ConditionWriter conditions;

    IfcProfileStatusBuilder(ConditionWriter conditions) {
        this.conditions = conditions;
    }

    /**
     * @param problem why the profile is invalid, or null when it is valid
     */
    IfcProfileStatus build(IfcProfile profile, InvalidIfcProfileException problem, int subscribers) {
        IfcProfileStatus status = profile.getStatus() == null ? new IfcProfileStatus()
                : Serialization.unmarshal(Serialization.asJson(profile.getStatus()), IfcProfileStatus.class);
        if (problem == null) {
            int count = profile.getSpec().getInitialFilterCriteria().size();
            conditions.set(status, profile, VALID, true, "Valid", count + (count == 1 ? " iFC" : " iFCs")
                    + " valid (TS 29.228)");
        } else {
            conditions.set(status, profile, VALID, false, "InvalidIfc", problem.getMessage());
        }
        status.setSubscriberCount(subscribers);
        return status;
    }

    static boolean same(IfcProfileStatus a, IfcProfileStatus b) {
        return Serialization.asJson(a).equals(Serialization.asJson(b));
    }
}
