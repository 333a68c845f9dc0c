package io.kubeims.hss.metrics;

import io.kubeims.cx.message.CxResult;
import io.kubeims.protocol.cx.CxCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The HSS's Cx meters in one {@link MeterRegistry}. Tags stay bounded: the command abbreviation (UAR, MAR, SAR, LIR,
 * RTR, PPR), the numeric result code as text with whether it is a base Result-Code or an Experimental-Result (the
 * same number means different things in each, e.g. 5001), and for notifications a fixed outcome name.
 *
 * <p>Prometheus names: {@code kubeims_hss_diameter_requests_total{command,result_code,result_type}},
 * {@code kubeims_hss_diameter_request_duration_seconds_bucket{command,le}} (and {@code _count}, {@code _sum},
 * {@code _max}), {@code kubeims_hss_diameter_peers}, {@code kubeims_hss_cx_notifications_total{command,outcome}}.
 */
public final class CxMetrics {

    /** Diameter requests served (UAR..LIR) or sent (RTR, PPR), by command and result. */
    public static final String REQUESTS = "kubeims.hss.diameter.requests";
    /** Time from request to answer, per command, as a histogram. */
    public static final String REQUEST_DURATION = "kubeims.hss.diameter.request.duration";
    /** Peers in state OKAY sharing the Cx application (the connected CSCF replicas). */
    public static final String PEERS = "kubeims.hss.diameter.peers";
    /** What came of the RTR/PPR the provisioning API caused, by command and outcome. */
    public static final String NOTIFICATIONS = "kubeims.hss.cx.notifications";

    /** {@code result_type} of a base Result-Code (RFC 6733 7.1). */
    public static final String BASE = "base";
    /** {@code result_type} of an Experimental-Result (TS 29.229 6.2). */
    public static final String EXPERIMENTAL = "experimental";
    /** {@code result_type} and {@code result_code} of a sent request no peer answered. */
    public static final String NO_ANSWER = "no_answer";
    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<CxCommand, Timer> durations = new EnumMap<>(CxCommand.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Registers the timers of the six Cx commands at once, so they appear before the first request. */
    public CxMetrics(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is required");
        }
        this.registry = registry;
        for (CxCommand command : CxCommand.values()) {
            if (command.applicationId() != 0) {
                durations.put(command, Timer.builder(REQUEST_DURATION)
                        .description("Time from a Cx request to its answer, by command")
                        .tag("command", command.requestAbbreviation())
                        .publishPercentileHistogram()
                        // bounds keep the bucket count small: a Cx exchange takes milliseconds, a timeout seconds
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry));
            }
        }
    }

    /** One request answered with {@code result} after {@code nanos}. */
    public void answered(CxCommand command, CxResult result, long nanos) {
        String type = result instanceof CxResult.Experimental ? EXPERIMENTAL : BASE;
        count(command, Long.toString(result.code()), type);
        time(command, nanos);
    }

    /** One request sent that got no answer (no replica connected, timeouts) after {@code nanos}. */
    public void unanswered(CxCommand command, long nanos) {
        count(command, NONE, NO_ANSWER);
        time(command, nanos);
    }

    /** Counts one notification outcome, e.g. RTR deregistered or PPR unreachable. */
    public void notification(CxCommand command, String outcome) {
        String key = "n|" + command.requestAbbreviation() + "|" + outcome;
        counters.computeIfAbsent(key, k -> Counter.builder(NOTIFICATIONS)
                .description("Outcomes of the RTR/PPR sent after provisioning changes")
                .tag("command", command.requestAbbreviation())
                .tag("outcome", outcome)
                .register(registry)).increment();
    }

    /** A gauge of the connected peers of {@code node}; the registry keeps only a weak reference to it. */
    public <T> void peers(T node, ToDoubleFunction<T> connected) {
        Gauge.builder(PEERS, node, connected)
                .description("Diameter peers connected with the Cx application (CSCF replicas)")
                .register(registry);
    }

    private void count(CxCommand command, String code, String type) {
        String key = command.requestAbbreviation() + "|" + code + "|" + type;
        counters.computeIfAbsent(key, k -> Counter.builder(REQUESTS)
                .description("Diameter Cx requests by command and result")
                .tag("command", command.requestAbbreviation())
                .tag("result_code", code)
                .tag("result_type", type)
                .register(registry)).increment();
    }

    private void time(CxCommand command, long nanos) {
        Timer timer = durations.get(command);
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
