package io.kubeims.protocol.ifc;

/**
 * SPT condition on the session case (TS 29.228 Annex B.2.2 SessionCase): true when the request is handled
 * in exactly that case.
 *
 * @param sessionCase the session case
 */
public record SessionCaseCondition(SessionCase sessionCase) implements SptCondition {

    /** @throws InvalidIfcException if the session case is missing */
    public SessionCaseCondition {
        FieldChecks.required(sessionCase, "SessionCase");
    }

    @Override
    public boolean matches(IfcRequest request) {
        return sessionCase == request.sessionCase();
    }
}
