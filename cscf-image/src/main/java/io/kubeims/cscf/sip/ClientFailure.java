package io.kubeims.cscf.sip;

/** Why a client transaction ended without a final response (RFC 3261 17.1.1.2, 17.1.2.2, 8.1.3.1). */
public enum ClientFailure {
    /** No final response in time: our bound, Timer B/F, or a transport error reported later by the stack. */
    TIMEOUT,
    /** The request could not be sent at all (connection refused, unresolvable host, no route). */
    TRANSPORT_ERROR
}
