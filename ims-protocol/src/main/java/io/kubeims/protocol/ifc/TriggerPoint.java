package io.kubeims.protocol.ifc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trigger point of an iFC (TS 29.228 Annex B.2.2 {@code TriggerPoint}, evaluated per Annex C): SPTs
 * combined in conjunctive or disjunctive normal form through their Group values.
 *
 * @param conditionTypeCnf true for CNF (SPTs sharing a group are ORed, the groups ANDed), false for DNF
 *        (SPTs sharing a group are ANDed, the groups ORed)
 * @param spts the SPTs, at least one
 */
public record TriggerPoint(boolean conditionTypeCnf, List<ServicePointTrigger> spts) {

    /** @throws InvalidIfcException if there is no SPT */
    public TriggerPoint {
        spts = FieldChecks.listOf(spts, "TriggerPoint SPT");
        if (spts.isEmpty()) {
            throw new InvalidIfcException("TriggerPoint has no SPT");
        }
    }

    /**
     * @return group value to the SPTs in that group, ascending by group; an SPT listing several groups
     *         appears under each (TS 29.228 Annex C)
     */
    public Map<Integer, List<ServicePointTrigger>> groups() {
        Map<Integer, List<ServicePointTrigger>> byGroup = new TreeMap<>();
        for (ServicePointTrigger spt : spts) {
            for (int group : spt.groups()) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(spt);
            }
        }
        byGroup.replaceAll((group, members) -> List.copyOf(members));
        return Collections.unmodifiableMap(byGroup);
    }

    /**
     * @param request the request under evaluation
     * @return whether the trigger point is satisfied; each SPT is evaluated at most once
     */
    public boolean matches(IfcRequest request) {
        Map<ServicePointTrigger, Boolean> results = new IdentityHashMap<>();
        for (List<ServicePointTrigger> group : groups().values()) {
            boolean groupResult = !conditionTypeCnf; // CNF: OR within a group (starts false); DNF: AND
            for (ServicePointTrigger spt : group) {
                boolean result = results.computeIfAbsent(spt, s -> s.matches(request));
                if (conditionTypeCnf ? result : !result) {
                    groupResult = conditionTypeCnf;
                    break;
                }
            }
            // CNF: one false clause fails the whole; DNF: one true clause satisfies it.
            if (groupResult != conditionTypeCnf) {
                return !conditionTypeCnf;
            }
        }
        return conditionTypeCnf;
    }
}
