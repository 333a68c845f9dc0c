package io.kubeims.cx.client;

import io.kubeims.cx.message.CxAnswer;

/**
 * The answer of one S-CSCF replica to a request sent to its pool.
 *
 * @param replicaHost the Origin-Host (Diameter identity) of the replica the request was delivered to
 * @param answer      its answer
 * @param <A>         the answer type
 */
public record CxPoolAnswer<A extends CxAnswer>(String replicaHost, A answer) {
}
