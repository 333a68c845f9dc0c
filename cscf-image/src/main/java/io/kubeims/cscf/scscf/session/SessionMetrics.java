package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The S-CSCF's session counters: {@value #REQUESTS} by {@code method}, {@code kind} (originating, terminating,
 * resumed, in-dialog, cancel) and {@code outcome} (the final status sent upstream, or {@code forwarded} for requests
 * relayed without a response context: ACK, stateless CANCEL).
 */
public final class SessionMetrics {

    /** Requests handled by the session routing. */
    public static final String REQUESTS = "kubeims.scscf.session.requests";

    private final TaggedCounters counted;

    public SessionMetrics(MeterRegistry meters) {
        this.counted = new TaggedCounters(meters, REQUESTS,
                "requests routed by the S-CSCF's session handler, by method, kind and outcome",
                "method", "kind", "outcome");
    }

    void count(String method, String kind, String outcome) {
        counted.increment(TaggedCounters.methodTag(method), kind, outcome);
    }
}
