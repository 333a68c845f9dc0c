package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * A trigger point: Service Point Triggers combined in conjunctive or disjunctive normal form by their groups
 * (TS 29.228 Annex C): CNF ORs the SPTs of a group and ANDs the groups; DNF ANDs within a group and ORs the groups.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TriggerPointSpec {

    /** The two normal forms of TS 29.228 B.2.2 ConditionTypeCNF. */
    public enum ConditionType { CNF, DNF }

    @Required
    @JsonPropertyDescription("CNF (groups ANDed, SPTs in a group ORed) or DNF (groups ORed, SPTs in a group ANDed).")
    private ConditionType conditionType;

    @Required
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Service Point Triggers.")
    private List<SptSpec> spts = new ArrayList<>();

    public ConditionType getConditionType() {
        return conditionType;
    }

    public void setConditionType(ConditionType conditionType) {
        this.conditionType = conditionType;
    }

    public List<SptSpec> getSpts() {
        return spts;
    }

    public void setSpts(List<SptSpec> spts) {
        this.spts = spts == null ? new ArrayList<>() : spts;
    }
}
