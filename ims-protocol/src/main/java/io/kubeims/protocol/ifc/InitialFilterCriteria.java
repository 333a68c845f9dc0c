package io.kubeims.protocol.ifc;

/**
 * One initial filter criteria (TS 29.228 Annex B.2.2 {@code InitialFilterCriteria}): which application
 * server to involve, when, and in what order relative to the other iFCs of the service profile.
 *
 * @param priority evaluation order, lowest first; at least 0 and unique within a service profile
 * @param triggerPoint the condition, or null for an unconditional iFC that matches every request
 * @param applicationServer the AS to route to on a match
 * @param profilePartIndicator the registration state the iFC applies to, or null for both
 */
public record InitialFilterCriteria(int priority, TriggerPoint triggerPoint, ApplicationServer applicationServer,
        ProfilePartIndicator profilePartIndicator) {

    /** @throws InvalidIfcException if the priority is negative or the application server missing */
    public InitialFilterCriteria {
        if (priority < 0) {
            throw new InvalidIfcException("iFC Priority " + priority + " is negative");
        }
        FieldChecks.required(applicationServer, "iFC ApplicationServer");
    }

    /**
     * @param request the request under evaluation
     * @return whether this iFC applies: its ProfilePartIndicator admits the served user's registration state
     *         and its trigger point (if any) is satisfied
     */
    public boolean matches(IfcRequest request) {
        if (profilePartIndicator == ProfilePartIndicator.REGISTERED && !request.servedUserRegistered()
                || profilePartIndicator == ProfilePartIndicator.UNREGISTERED && request.servedUserRegistered()) {
            return false;
        }
        // A missing TriggerPoint is an unconditional iFC (TS 29.228 Annex B.2.2).
        return triggerPoint == null || triggerPoint.matches(request);
    }
}
