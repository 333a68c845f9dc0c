package io.kubeims.cscf.scscf.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The S-CSCF's session counters: {@value #REQUESTS} by {@code method}, {@code kind} (originating, terminating,
 * resumed, in-dialog, cancel) and {@code outcome} (the final status sent upstream, or {@code forwarded} for requests
 * relayed without a response context: ACK, stateless CANCEL).
 */
public final class SessionMetrics {

    /** Requests handled by the session routing. */
    public static final String REQUESTS = "kubeims.scscf.session.requests";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SessionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String method, String kind, String outcome) {
        // unknown methods share one tag value so a flood of invented names cannot grow the registry
        String methodTag = io.kubeims.cscf.sip.RequestDispatcher.KNOWN_METHODS.contains(method) ? method : "other";
        counters.computeIfAbsent(methodTag + " " + kind + " " + outcome, key -> Counter.builder(REQUESTS)
                .description("requests routed by the S-CSCF's session handler, by method, kind and outcome")
                .tags("method", methodTag, "kind", kind, "outcome", outcome).register(meters)).increment();
    }
}
