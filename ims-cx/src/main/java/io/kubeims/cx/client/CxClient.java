package io.kubeims.cx.client;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import java.util.concurrent.CompletableFuture;

/** Sends the requests an I-CSCF or S-CSCF addresses to the HSS (TS 29.229 clauses 6.1.1 to 6.1.8). */
public interface CxClient {

    /**
     * Sends {@code request} to the HSS realm (the stack picks a connected HSS).
     *
     * @return the answer; completes exceptionally with {@link CxTimeoutException}, {@link CxNoConnectionException},
     *         {@link CxSendException} or {@link io.kubeims.cx.codec.CxDecodeException}
     */
    <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request);

    /** Like {@link #send(CxHssRequest)}, with Destination-Host set to {@code hssHost}. */
    <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request, String hssHost);
}
