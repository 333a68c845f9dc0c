package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The registrar's meters. Prometheus names: {@code kubeims_scscf_register_total{outcome}} (one per REGISTER, tags
 * of {@link RegisterOutcome}) and {@code kubeims_scscf_cx_duration_seconds{command,result}} (MAR and SAR round
 * trips; {@code result} is the result code, or {@code no_answer}), {@code kubeims_scscf_expiry_total{outcome}} (expiry
 * claims: {@code expired}, {@code deferred} when the HSS could not be told, {@code lost} to another replica). Tags
 * stay bounded.
 */
public final class RegistrarMetrics {

    /** REGISTERs by outcome. */
    public static final String REGISTERS = "kubeims.scscf.register";
    /** Cx round trips of the registrar and the expiry handler. */
    public static final String CX_DURATION = "kubeims.scscf.cx.duration";
    /** Expired registrations acted on by this replica, by outcome ({@code expired}, {@code deferred}, {@code lost}). */
    public static final String EXPIRIES = "kubeims.scscf.expiry";
    /** {@code result} of a Cx request that got no answer. */
    public static final String NO_ANSWER = "no_answer";

    private final MeterRegistry registry;
    private final Map<RegisterOutcome, Counter> registers = new EnumMap<>(RegisterOutcome.class);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** Registers every outcome's counter at once, so that all appear before the first REGISTER. */
    public RegistrarMetrics(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is required");
        }
        this.registry = registry;
        for (RegisterOutcome outcome : RegisterOutcome.values()) {
            registers.put(outcome, Counter.builder(REGISTERS).description("REGISTER requests by outcome")
                    .tag("outcome", outcome.tag()).register(registry));
        }
    }

    /** Counts one REGISTER outcome. */
    public void register(RegisterOutcome outcome) {
        registers.get(outcome).increment();
    }

    /** Counts one expiry claim outcome: {@code expired}, {@code deferred} or {@code lost}. */
    public void expiry(String outcome) {
        Counter.builder(EXPIRIES).description("Expiry claims acted on by this replica, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** A Cx client that times every request it sends through {@code cx}. */
    public CxClient timed(CxClient cx) {
        return new CxClient() {
            @Override
            public <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request) {
                return time(request, cx.send(request));
            }

            @Override
            public <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request, String hssHost) {
                return time(request, cx.send(request, hssHost));
            }
        };
    }

    private <A extends CxAnswer> CompletableFuture<A> time(CxHssRequest<A> request, CompletableFuture<A> answer) {
        long start = System.nanoTime();
        String command = request.command().requestAbbreviation();
        return answer.whenComplete((received, failure) -> {
            String result = received == null ? NO_ANSWER : Long.toString(received.result().code());
            timers.computeIfAbsent(command + "|" + result, key -> Timer.builder(CX_DURATION)
                    .description("Cx round trips of the S-CSCF registrar by command and result")
                    .tag("command", command).tag("result", result)
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
    }
}
