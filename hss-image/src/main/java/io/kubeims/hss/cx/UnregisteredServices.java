package io.kubeims.hss.cx;

import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.util.List;

/**
 * Whether a subscriber has services for the unregistered state that a terminating request can reach (TS 29.228
 * 6.1.4.1: LIR for a user who is not registered is DIAMETER_UNREGISTERED_SERVICE then, else
 * DIAMETER_ERROR_IDENTITY_NOT_REGISTERED).
 *
 * <p>An iFC counts when its ProfilePartIndicator admits the unregistered state (UNREGISTERED or absent, TS 29.228
 * Annex B.2.2) and its trigger point can be satisfied by a request of session case TERMINATING_UNREGISTERED. Only
 * the SessionCase SPTs are known here; every other SPT is taken as possibly true. CNF and DNF are monotone in
 * the SPT results (negation sits inside each SPT), so "possibly true" for the unknown ones gives the most
 * permissive outcome: an iFC is counted unless its session-case SPTs exclude terminating requests outright.
 */
final class UnregisteredServices {

    private UnregisteredServices() {
    }

    static boolean offeredTo(Subscriber subscriber) {
        for (InitialFilterCriteria ifc : subscriber.initialFilterCriteria()) {
            if (ifc.profilePartIndicator() != ProfilePartIndicator.REGISTERED
                    && canMatchTerminatingUnregistered(ifc.triggerPoint())) {
                return true;
            }
        }
        return false;
    }

    private static boolean canMatchTerminatingUnregistered(TriggerPoint triggerPoint) {
        if (triggerPoint == null) {
            return true; // unconditional iFC
        }
        boolean cnf = triggerPoint.conditionTypeCnf();
        for (List<ServicePointTrigger> group : triggerPoint.groups().values()) {
            // CNF: OR inside a group, AND across groups; DNF: AND inside a group, OR across groups
            boolean groupResult = !cnf;
            for (ServicePointTrigger spt : group) {
                boolean possible = possiblyTrue(spt);
                groupResult = cnf ? groupResult || possible : groupResult && possible;
            }
            if (cnf && !groupResult) {
                return false;
            }
            if (!cnf && groupResult) {
                return true;
            }
        }
        return cnf;
    }

    private static boolean possiblyTrue(ServicePointTrigger spt) {
        if (spt.condition() instanceof SessionCaseCondition sessionCase) {
            return (sessionCase.sessionCase() == SessionCase.TERMINATING_UNREGISTERED) != spt.conditionNegated();
        }
        return true;
    }
}
