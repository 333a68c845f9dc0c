package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.cscf.store.TransportFlow;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sip.message.Message;
import org.jboss.logging.Logger;

/**
 * Finds the registration a UE's request belongs to in the shared {@link PcscfFlowStore}: by one of its Contact URIs
 * and the flow it came over, else by the flow alone (a MESSAGE carries no Contact; an INVITE's Contact may differ from
 * the registered one). The flow-only entry is written by {@link PcscfRegisterResponses} next to the per-contact ones,
 * under the contact {@value #ANY_CONTACT} (which no registered Contact can be, RFC 3261 10.2.2). Thread-safe.
 */
public final class RegisteredFlows {

    /** The contact part of the flow-only entry. */
    public static final String ANY_CONTACT = "*";

    private static final Logger LOG = Logger.getLogger(RegisteredFlows.class);

    private final PcscfFlowStore flows;
    private final Clock clock;

    public RegisteredFlows(PcscfFlowStore flows, Clock clock) {
        if (flows == null || clock == null) {
            throw new IllegalArgumentException("flows and clock are required");
        }
        this.flows = flows;
        this.clock = clock;
    }

    /** The key of the flow-only entry of {@code flow}. */
    public static PcscfFlowKey anyContact(TransportFlow flow) {
        return new PcscfFlowKey(ANY_CONTACT, flow);
    }

    /**
     * The live registration of the sender of a request (or response): a Contact of it registered over {@code flow}, else any
     * registration over {@code flow}; empty when none (also when the store cannot be read: logged, treated as
     * unregistered).
     */
    public Optional<PcscfFlow> of(Message request, TransportFlow flow, String callId) {
        Instant now = clock.instant();
        try {
            for (ContactBinding contact : ContactBinding.read(request)) {
                Optional<PcscfFlow> stored = live(new PcscfFlowKey(contact.uri().toString(), flow), now);
                if (stored.isPresent()) {
                    return stored;
                }
            }
        } catch (MalformedSipHeaderException | InvalidCscfStateException | ClassCastException e) {
            // a Contact no flow can be stored under: the flow alone decides
        } catch (RuntimeException e) {
            return unreadable(request, callId, e);
        }
        try {
            return live(anyContact(flow), now);
        } catch (RuntimeException e) {
            return unreadable(request, callId, e);
        }
    }

    private Optional<PcscfFlow> live(PcscfFlowKey key, Instant now) {
        return flows.get(key).filter(stored -> !stored.isExpired(now));
    }

    private static Optional<PcscfFlow> unreadable(Message message, String callId, RuntimeException e) {
        LOG.warnf("Call-ID %s: flow store unreadable, treated as unregistered: %s", callId, e.toString());
        return Optional.empty();
    }
}
