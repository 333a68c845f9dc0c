package io.kubeims.cscf.pcscf;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Counts REGISTER outcomes ({@code kubeims.pcscf.register}, Prometheus {@code kubeims_pcscf_register_total}) and
 * logs each once at DEBUG with the Call-ID, under the {@link PcscfRegistration} category.
 */
final class RegisterOutcomes {

    /** The counter name (Micrometer dot notation). */
    static final String METER = "kubeims.pcscf.register";

    private static final Logger LOG = Logger.getLogger(PcscfRegistration.class);

    private final Map<RegisterOutcome, Counter> counters = new EnumMap<>(RegisterOutcome.class);

    RegisterOutcomes(MeterRegistry meters) {
        for (RegisterOutcome outcome : RegisterOutcome.values()) {
            counters.put(outcome, Counter.builder(METER).description("REGISTER transactions through the P-CSCF")
                    .tag("outcome", outcome.tag()).register(meters));
        }
    }

    void record(RegisterOutcome outcome, String callId, int status, String detail) {
        counters.get(outcome).increment();
        LOG.debugf("REGISTER (Call-ID %s) %s %d: %s", callId, outcome.tag(), status, detail);
    }
}
