package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;

/**
 * A Cx/Dx request (TS 29.229 clause 6.1); {@code A} is the answer it gets.
 *
 * @param <A> the type of the answer
 */
public sealed interface CxRequest<A extends CxAnswer> permits CxHssRequest, CxScscfRequest {

    /** The command, whose code goes into the Diameter header. */
    CxCommand command();
}
