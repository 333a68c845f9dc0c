package io.kubeims.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Status part every kube-ims resource has: Kubernetes-style conditions and the generation they describe. Only the
 * operator's status builder writes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConditionedStatus {

    @JsonPropertyDescription("Generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Current conditions (type, status, reason, message, lastTransitionTime).")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }
}
