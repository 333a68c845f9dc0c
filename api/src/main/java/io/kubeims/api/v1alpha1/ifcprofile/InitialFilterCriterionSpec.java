package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One Initial Filter Criteria: when the trigger point matches, the request goes to the application server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InitialFilterCriterionSpec {

    /** Which registration state the iFC applies to (TS 29.228 B.2.2 ProfilePartIndicator). */
    public enum ProfilePartIndicator {
        @JsonProperty("Registered") REGISTERED,
        @JsonProperty("Unregistered") UNREGISTERED
    }

    @Required
    @Min(0)
    @JsonPropertyDescription("Evaluation order: lower first. Unique within the profile.")
    private Integer priority;

    @JsonPropertyDescription("Apply only while the user is Registered or Unregistered; both when absent.")
    private ProfilePartIndicator profilePartIndicator;

    @JsonPropertyDescription("When the iFC matches; absent means it matches every initial request.")
    private TriggerPointSpec triggerPoint;

    @Required
    @JsonPropertyDescription("Where matching requests go.")
    private ApplicationServerSpec applicationServer;

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public ProfilePartIndicator getProfilePartIndicator() {
        return profilePartIndicator;
    }

    public void setProfilePartIndicator(ProfilePartIndicator profilePartIndicator) {
        this.profilePartIndicator = profilePartIndicator;
    }

    public TriggerPointSpec getTriggerPoint() {
        return triggerPoint;
    }

    public void setTriggerPoint(TriggerPointSpec triggerPoint) {
        this.triggerPoint = triggerPoint;
    }

    public ApplicationServerSpec getApplicationServer() {
        return applicationServer;
    }

    public void setApplicationServer(ApplicationServerSpec applicationServer) {
        this.applicationServer = applicationServer;
    }
}
