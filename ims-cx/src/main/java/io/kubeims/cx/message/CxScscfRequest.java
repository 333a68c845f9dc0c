package io.kubeims.cx.message;

/**
 * A request the S-CSCF serves, sent by the HSS: RTR and PPR (TS 29.229 clauses 6.1.9 to 6.1.12). Its grammar
 * requires a Destination-Host, chosen by the sender.
 *
 * @param <A> the type of the answer
 */
public sealed interface CxScscfRequest<A extends CxAnswer> extends CxRequest<A>
        permits RegistrationTerminationRequest, PushProfileRequest {
}
