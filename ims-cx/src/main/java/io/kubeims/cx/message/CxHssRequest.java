package io.kubeims.cx.message;

/**
 * A request the HSS serves, sent by an I-CSCF or S-CSCF: UAR, MAR, SAR, LIR (TS 29.229 clauses 6.1.1 to 6.1.6).
 *
 * @param <A> the type of the answer
 */
public sealed interface CxHssRequest<A extends CxAnswer> extends CxRequest<A>
        permits UserAuthorizationRequest, MultimediaAuthRequest, ServerAssignmentRequest, LocationInfoRequest {
}
