package io.kubeims.hss.metrics;

import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.client.CxPoolClient;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxScscfRequest;

import java.util.concurrent.CompletableFuture;

/**
 * A {@link CxPoolClient} that counts and times the RTR and PPR the HSS sends to S-CSCF pools (TS 29.228 6.1.3,
 * 6.2.2): by the result of the replica that answered, or as unanswered when no replica did. The time spans every
 * replica tried.
 */
public final class MeteredCxPoolClient implements CxPoolClient {

    private final CxPoolClient delegate;
    private final CxMetrics metrics;

    public MeteredCxPoolClient(CxPoolClient delegate, CxMetrics metrics) {
        if (delegate == null || metrics == null) {
            throw new IllegalArgumentException("delegate and metrics are required");
        }
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public <A extends CxAnswer> CompletableFuture<CxPoolAnswer<A>> sendToPool(String serverName,
                                                                             CxScscfRequest<A> request) {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        long start = System.nanoTime();
        CompletableFuture<CxPoolAnswer<A>> answer;
        try {
            answer = delegate.sendToPool(serverName, request);
        } catch (RuntimeException e) {
            metrics.unanswered(request.command(), System.nanoTime() - start);
            throw e;
        }
        // the caller's stages run after this one: the metric is recorded when they see the outcome
        return answer.whenComplete((received, failure) -> {
            long nanos = System.nanoTime() - start;
            if (received != null) {
                metrics.answered(request.command(), received.answer().result(), nanos);
            } else {
                metrics.unanswered(request.command(), nanos);
            }
        });
    }
}
