package io.kubeims.protocol.ifc;

/**
 * The one condition an SPT tests (TS 29.228 Annex B.2.2, the choice in {@code tSePoTri}): Request-URI,
 * method, SIP header, session case or session description.
 */
public sealed interface SptCondition
        permits RequestUriCondition, MethodCondition, SipHeaderCondition, SessionCaseCondition,
        SessionDescriptionCondition {

    /**
     * @param request the request under evaluation
     * @return whether the condition holds, before any ConditionNegated is applied
     */
    boolean matches(IfcRequest request);
}
