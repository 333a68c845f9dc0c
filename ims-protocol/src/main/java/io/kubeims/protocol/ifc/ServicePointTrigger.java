package io.kubeims.protocol.ifc;

import java.util.HashSet;
import java.util.List;

/**
 * A Service Point Trigger (TS 29.228 Annex B.2.2 {@code SPT}): one condition, optionally negated, belonging
 * to one or more groups of its trigger point.
 *
 * @param conditionNegated whether the SPT holds when its condition does not (ConditionNegated)
 * @param groups the Group values, each at least 0, no duplicates, at least one
 * @param condition what the SPT tests
 */
public record ServicePointTrigger(boolean conditionNegated, List<Integer> groups, SptCondition condition) {

    /** @throws InvalidIfcException if there is no group, a group is negative or repeated, or no condition */
    public ServicePointTrigger {
        groups = FieldChecks.listOf(groups, "SPT Group");
        if (groups.isEmpty()) {
            throw new InvalidIfcException("SPT has no Group");
        }
        var seen = new HashSet<Integer>();
        for (int group : groups) {
            if (group < 0) {
                throw new InvalidIfcException("SPT Group " + group + " is negative");
            }
            if (!seen.add(group)) {
                throw new InvalidIfcException("SPT lists Group " + group + " twice");
            }
        }
        FieldChecks.required(condition, "SPT condition");
    }

    /**
     * @param request the request under evaluation
     * @return the condition's result, inverted when ConditionNegated is set
     */
    public boolean matches(IfcRequest request) {
        return condition.matches(request) != conditionNegated;
    }
}
