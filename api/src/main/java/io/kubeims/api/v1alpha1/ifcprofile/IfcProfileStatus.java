package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;

/** Observed state of an {@link IfcProfile}: Valid condition and how many subscribers use it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IfcProfileStatus extends ConditionedStatus {

    @JsonPropertyDescription("Number of Subscribers referencing this profile.")
    private Integer subscriberCount;

    public Integer getSubscriberCount() {
        return subscriberCount;
    }

    public void setSubscriberCount(Integer subscriberCount) {
        this.subscriberCount = subscriberCount;
    }
}
