package io.kubeims.protocol.ifc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Selects the iFCs of one service profile that apply to a request, in priority order (TS 29.228 Annex C,
 * TS 24.229 5.4.3.2/5.4.3.3). Immutable and thread-safe; build one per service profile and reuse it.
 */
public final class IfcEvaluator {

    private final List<InitialFilterCriteria> byPriority;

    /**
     * @param initialFilterCriteria the iFCs, in any order; priorities must be unique
     * @throws InvalidIfcException if the list or an element is null or two iFCs share a priority
     */
    public IfcEvaluator(List<InitialFilterCriteria> initialFilterCriteria) {
        List<InitialFilterCriteria> sorted = new ArrayList<>(
                FieldChecks.listOf(initialFilterCriteria, "InitialFilterCriteria"));
        sorted.sort(Comparator.comparingInt(InitialFilterCriteria::priority));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).priority() == sorted.get(i - 1).priority()) {
                throw new InvalidIfcException("two iFCs have Priority " + sorted.get(i).priority());
            }
        }
        this.byPriority = List.copyOf(sorted);
    }

    /**
     * @param profile a service profile
     * @return an evaluator of its iFCs
     */
    public static IfcEvaluator of(ServiceProfile profile) {
        return new IfcEvaluator(FieldChecks.required(profile, "ServiceProfile").initialFilterCriteria());
    }

    /** @return every iFC, lowest Priority value first */
    public List<InitialFilterCriteria> initialFilterCriteria() {
        return byPriority;
    }

    /**
     * @param request the request view
     * @return every iFC matching the request, lowest Priority value first
     */
    public List<InitialFilterCriteria> matching(IfcRequest request) {
        FieldChecks.required(request, "request");
        return byPriority.stream().filter(ifc -> ifc.matches(request)).toList();
    }

    /**
     * @param request the request view
     * @return the matching iFC with the lowest Priority value, if any
     */
    public Optional<InitialFilterCriteria> firstMatching(IfcRequest request) {
        FieldChecks.required(request, "request");
        return byPriority.stream().filter(ifc -> ifc.matches(request)).findFirst();
    }

    /**
     * The iFC to contact after the AS of the iFC with priority {@code afterPriority} returned the request
     * (ODI): the request as returned by the AS is checked against the iFCs of strictly higher Priority
     * value only, so an earlier iFC is never triggered twice (TS 24.229 5.4.3.2, 5.4.3.3).
     *
     * @param request the request as it came back from the AS
     * @param afterPriority the priority of the iFC already executed
     * @return the next matching iFC, if any
     */
    public Optional<InitialFilterCriteria> nextMatching(IfcRequest request, int afterPriority) {
        FieldChecks.required(request, "request");
        return byPriority.stream()
                .filter(ifc -> ifc.priority() > afterPriority)
                .filter(ifc -> ifc.matches(request))
                .findFirst();
    }
}
