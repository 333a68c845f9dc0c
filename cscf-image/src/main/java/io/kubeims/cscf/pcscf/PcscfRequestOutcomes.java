package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipSendException;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * How the P-CSCF's handlers of requests other than REGISTER end each request: one DEBUG line with the Call-ID and one
 * increment of {@value #METER} by {@code method} and {@code outcome}; refusals carry a reason phrase. Thread-safe.
 */
public final class PcscfRequestOutcomes {

    /** Meter of relayed or refused requests other than REGISTER. */
    public static final String METER = "kubeims.pcscf.requests";

    private static final Logger LOG = Logger.getLogger(PcscfRequestOutcomes.class);

    private final TaggedCounters counted;

    public PcscfRequestOutcomes(MeterRegistry meters) {
        if (meters == null) {
            throw new IllegalArgumentException("meters are required");
        }
        this.counted = new TaggedCounters(meters, METER,
                "requests other than REGISTER at the P-CSCF, by method and outcome", "method", "outcome");
    }

    /** Answers {@code status} with {@code reason} (never for ACK), logs and counts it. */
    public void refuse(InboundRequest inbound, int status, String reason, String outcome, String detail)
            throws SipSendException {
        count(inbound.method(), outcome);
        LOG.debugf("%s (Call-ID %s): %d %s, %s", inbound.method(), inbound.callId(), status, reason, detail);
        if (!Request.ACK.equals(inbound.method())) {
            inbound.respond(status, reason);
        }
    }

    /** {@link #refuse} unless a final response went out already; a failure to send is logged, not thrown. */
    public void tryRefuse(InboundRequest inbound, int status, String reason, String outcome, String detail) {
        if (inbound.finalResponseSent()) {
            return;
        }
        try {
            refuse(inbound, status, reason, outcome, detail);
        } catch (SipSendException | RuntimeException e) {
            LOG.debugf("%s (Call-ID %s): the %d was not sent: %s", inbound.method(), inbound.callId(), status, e);
        }
    }

    /** Logs and counts a request handled without a response of ours (forwarded, or dropped on purpose). */
    public void done(InboundRequest inbound, String outcome, String detail) {
        count(inbound.method(), outcome);
        LOG.debugf("%s (Call-ID %s): %s, %s", inbound.method(), inbound.callId(), outcome, detail);
    }

    private void count(String method, String outcome) {
        counted.increment(TaggedCounters.methodTag(method), outcome);
    }
}
