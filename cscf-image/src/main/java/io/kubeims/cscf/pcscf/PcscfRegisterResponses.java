package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.Expiry;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.MalformedDigestHeaderException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The P-CSCF's handling of responses to REGISTER on their way to the UE (TS 24.229 5.2.2), as the stateful proxy's
 * {@link ResponseRewriter}:
 * <ul>
 * <li>every REGISTER response: {@code ck} and {@code ik} removed from WWW-Authenticate (the keys are for the
 * P-CSCF, never for the air; a challenge that cannot be read is dropped rather than passed on with them), and the
 * P-Charging-Vector / P-Charging-Function-Addresses removed (charging data stays in the trust domain, RFC 7315);</li>
 * <li>a 2xx: for each contact of the REGISTER, the flow it came over is stored in the {@link PcscfFlowStore} with the
 * IMPI, P-Associated-URI (the To URI when absent), Service-Route and the expiry the registrar granted for that contact
 * (its {@code expires}, else the 200's Expires, else what was asked); a contact the 200 no longer lists or lists with
 * expiry 0 is removed. Any replica sharing the store sees it.</li>
 * </ul>
 * Responses of other methods pass unchanged. The store is written on the jain-sip thread before the 200 is relayed,
 * so the UE's next REGISTER finds its flow on any replica; a store failure is logged at WARN and the 200 relayed
 * anyway (the UE is registered; its next REGISTER is then authenticated again).
 *
 * <p>Limitation: a 200 to {@code Contact: *} cannot name the flows to remove (the store is keyed by contact and
 * flow): they stay until they expire. Responses relayed statelessly (no server transaction) carry no request: only
 * the header removals apply.
 */
public final class PcscfRegisterResponses implements ResponseRewriter {

    private static final Logger LOG = Logger.getLogger(PcscfRegistration.class);
    private static final String CHARGING_ADDRESSES = "P-Charging-Function-Addresses";

    private final PcscfFlowStore flows;
    private final PcscfSettings settings;
    private final Clock clock;
    private final HeaderFactory headers;
    private final RegisterOutcomes outcomes;

    /**
     * @param flows    the flow store shared by the P-CSCF replicas
     * @param settings the P-CSCF settings (home domain)
     * @param clock    the time expiries are counted from
     * @param meters   where {@code kubeims_pcscf_register_total} is counted
     * @throws IllegalArgumentException when an argument is missing
     */
    public PcscfRegisterResponses(PcscfFlowStore flows, PcscfSettings settings, Clock clock, MeterRegistry meters) {
        if (flows == null || settings == null || clock == null || meters == null) {
            throw new IllegalArgumentException("flows, settings, clock and meters are required");
        }
        this.flows = flows;
        this.settings = settings;
        this.clock = clock;
        this.headers = SipFactories.create().headers();
        this.outcomes = new RegisterOutcomes(meters);
    }

    @Override
    public void rewrite(Response response, Optional<InboundRequest> request) {
        if (!isRegister(response)) {
            return;
        }
        removeCipherKeys(response);
        response.removeHeader(ChargingVector.NAME);
        response.removeHeader(CHARGING_ADDRESSES);
        int status = response.getStatusCode();
        if (status < 200 || request.isEmpty()) {
            return;
        }
        InboundRequest inbound = request.get();
        UeRegister register;
        try {
            register = UeRegister.of(inbound, settings.homeDomain());
        } catch (MalformedRegisterException e) {
            // it was read before forwarding: cannot happen, but never block the response on it
            outcomes.record(RegisterOutcome.ERROR, inbound.callId(), status, "REGISTER unreadable now: "
                    + e.getMessage());
            return;
        }
        if (status == Response.UNAUTHORIZED) {
            outcomes.record(RegisterOutcome.CHALLENGED, inbound.callId(), status, register.publicIdentity()
                    + " (IMPI " + register.impi() + ") from " + register.flow());
        } else if (status >= 300) {
            outcomes.record(RegisterOutcome.REJECTED, inbound.callId(), status, register.publicIdentity() + " "
                    + response.getReasonPhrase());
        } else {
            RegisterOutcome outcome = remember(inbound, register, response);
            outcomes.record(outcome, inbound.callId(), status, register.publicIdentity() + " (IMPI "
                    + register.impi() + ") from " + register.flow());
        }
    }

    /** Counts a response the proxy made itself: the I-CSCF unreachable or silent, or 500 from a fault of ours. */
    @Override
    public void generated(Response response, InboundRequest request) {
        if (!Request.REGISTER.equals(request.method())) {
            return;
        }
        int status = response.getStatusCode();
        outcomes.record(status == Response.SERVER_INTERNAL_ERROR ? RegisterOutcome.ERROR
                : RegisterOutcome.UNANSWERED, request.callId(), status, "no answer from " + settings.icscfUri());
    }

    private static boolean isRegister(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        return cseq != null && Request.REGISTER.equals(cseq.getMethod());
    }

    /** TS 24.229 5.2.2: {@code ck}/{@code ik} never reach the UE. */
    private void removeCipherKeys(Response response) {
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String value : AuthHeader.WWW_AUTHENTICATE.read(response)) {
            try {
                kept.add(DigestChallenge.parse(value).withoutParams("ck", "ik").format());
            } catch (MalformedDigestHeaderException e) {
                dropped = true;
                LOG.warnf("REGISTER response %d (Call-ID %s): unreadable WWW-Authenticate dropped: %s",
                        response.getStatusCode(), callId(response), e.getMessage());
            }
        }
        if (!kept.isEmpty() || dropped) {
            response.removeHeader(AuthHeader.WWW_AUTHENTICATE.headerName());
            for (String value : kept) {
                AuthHeader.WWW_AUTHENTICATE.add(response, value, headers);
            }
        }
    }

    /** Stores or removes the flow of each contact of the REGISTER as the 2xx says; returns the outcome. */
    private RegisterOutcome remember(InboundRequest inbound, UeRegister register, Response ok) {
        if (register.wildcard()) {
            LOG.tracef("REGISTER (Call-ID %s): Contact * names no flow; stored flows expire by themselves",
                    inbound.callId());
            return RegisterOutcome.DEREGISTERED;
        }
        if (register.contacts().isEmpty()) {
            return RegisterOutcome.QUERIED;
        }
        List<ContactBinding> granted;
        OptionalInt okExpires;
        List<String> associated;
        List<String> serviceRoute;
        try {
            granted = ContactBinding.read(ok);
            okExpires = Expiry.read(ok);
            associated = new ArrayList<>(new LinkedHashSet<>(uris(AddressListHeader.P_ASSOCIATED_URI.read(ok))));
            serviceRoute = uris(AddressListHeader.SERVICE_ROUTE.read(ok));
        } catch (MalformedSipHeaderException | ClassCastException e) {
            LOG.warnf("REGISTER (Call-ID %s): 200 unreadable (%s), flows not stored", inbound.callId(),
                    e.getMessage());
            return register.deregistration() ? RegisterOutcome.DEREGISTERED : RegisterOutcome.REGISTERED;
        }
        if (associated.isEmpty()) {
            associated = List.of(register.publicIdentity());
        }
        Instant now = clock.instant();
        boolean anyKept = false;
        Instant latest = now;
        for (ContactBinding contact : register.contacts()) {
            Optional<ContactBinding> listed = granted.stream().filter(g -> sameBinding(g, contact)).findFirst();
            int seconds = listed.map(g -> g.expiresOr(okExpires, register.requestedExpiry(contact))).orElse(0);
            PcscfFlowKey key = new PcscfFlowKey(contact.uri().toString(), register.flow());
            try {
                if (seconds > 0) {
                    flows.put(new PcscfFlow(key, register.impi(), associated, serviceRoute,
                            now.plusSeconds(seconds)));
                    anyKept = true;
                    if (now.plusSeconds(seconds).isAfter(latest)) {
                        latest = now.plusSeconds(seconds);
                    }
                } else {
                    flows.remove(key);
                }
            } catch (RuntimeException e) {
                LOG.warnf("REGISTER (Call-ID %s): flow of %s not %s: %s", inbound.callId(), contact.uri(),
                        seconds > 0 ? "stored" : "removed", e.toString());
                anyKept |= seconds > 0;
            }
        }
        rememberFlow(inbound, register, associated, serviceRoute, anyKept ? Optional.of(latest) : Optional.empty());
        return anyKept ? RegisterOutcome.REGISTERED : RegisterOutcome.DEREGISTERED;
    }

    /**
     * The flow-only entry ({@link RegisteredFlows#ANY_CONTACT}) that requests without the registered Contact (a
     * MESSAGE has none) are found by: as long as the latest contact kept by this REGISTER, removed with them.
     */
    private void rememberFlow(InboundRequest inbound, UeRegister register, List<String> associated,
            List<String> serviceRoute, Optional<Instant> until) {
        PcscfFlowKey key = RegisteredFlows.anyContact(register.flow());
        try {
            if (until.isPresent()) {
                flows.put(new PcscfFlow(key, register.impi(), associated, serviceRoute, until.get()));
            } else {
                flows.remove(key);
            }
        } catch (RuntimeException e) {
            LOG.warnf("REGISTER (Call-ID %s): flow %s not %s: %s", inbound.callId(), register.flow(),
                    until.isPresent() ? "stored" : "removed", e.toString());
        }
    }

    /**
     * Whether the registrar's binding is the REGISTER's contact: same {@code +sip.instance} and {@code reg-id} when
     * both carry an instance (RFC 5626), else the same URI (RFC 3261 19.1.4 comparison, jain-sip's equals).
     */
    private static boolean sameBinding(ContactBinding granted, ContactBinding asked) {
        if (granted.instanceId().isPresent() && asked.instanceId().isPresent()) {
            return granted.instanceId().get().equals(asked.instanceId().get())
                    && granted.regId().equals(asked.regId());
        }
        return granted.uri().equals(asked.uri());
    }

    private static List<String> uris(List<Address> addresses) {
        return addresses.stream().map(address -> address.getURI().toString()).toList();
    }

    private static String callId(Response response) {
        CallIdHeader header = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }
}
