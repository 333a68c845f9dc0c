package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.sip.header.VisitedNetworks;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.SipProxy;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.PcscfFlow;
import io.kubeims.cscf.store.PcscfFlowKey;
import io.kubeims.cscf.store.PcscfFlowStore;
import io.kubeims.protocol.digest.DigestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The P-CSCF's REGISTER handler (TS 24.229 5.2.2): forwards a UE's REGISTER statefully to the I-CSCF of the home
 * network with what the P-CSCF vouches for, after removing what the UE must not say itself.
 *
 * <p>On the forwarded REGISTER:
 * <ul>
 * <li>the top Via gets {@code received}/{@code rport} as RFC 3581 asks (jain-sip does it already, see
 * {@link ViaReceived});</li>
 * <li>{@code Path: <sip:term-<flow token>@pathUri;lr[;ob]>} on top and {@code Require: path} (RFC 3327, TS 24.229
 * 5.2.2); {@code ob} when the UE supports RFC 5626 outbound; the flow token ({@link FlowToken}) names the UE's flow so
 * that any replica can reach it;</li>
 * <li>{@code P-Visited-Network-ID} and a {@code P-Charging-Vector} with a fresh {@code icid-value} and the
 * {@code orig-ioi} of our network (RFC 7315), replacing any the UE put in;</li>
 * <li>{@code integrity-protected} in every Authorization, replacing the UE's, or an Authorization with the IMPI,
 * realm, digest-uri, empty nonce and response when the UE sent none: {@code ip-assoc-yes} only when the REGISTER
 * came from exactly the flow (transport, IP address, port) a previous 200 bound to a live registration of this IMPI
 * in the shared {@link PcscfFlowStore}, else {@code ip-assoc-pending} (this P-CSCF runs SIP digest without TLS or
 * IPsec: the S-CSCF authenticates unless the association is established);</li>
 * <li>the UE's Route entries are dropped and the I-CSCF URI is pushed as the only Route (loose routing, the
 * Request-URI stays the home domain): the UE does not steer its REGISTER into the core.</li>
 * </ul>
 * Responses are handled by {@link PcscfRegisterResponses}, the proxy's {@link io.kubeims.cscf.sip.proxy.ResponseRewriter}.
 *
 * <p>Threading: on the jain-sip thread only the checks (Max-Forwards, loop, a readable REGISTER) and the server
 * transaction; the flow store read and forwarding run on {@code executor}. Every outcome is logged once at DEBUG with
 * the Call-ID and counted ({@link RegisterOutcome}).
 *
 * <pre>{@code
 * PcscfRegisterResponses responses = new PcscfRegisterResponses(flows, settings, clock, meters);
 * StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults().withTimeoutStatus(504), responses);
 * PcscfRegistration registration = new PcscfRegistration(proxy, flows, settings, clock, executor, meters);
 * node.start(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
 * }</pre>
 */
public final class PcscfRegistration implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(PcscfRegistration.class);
    /** Seconds a UE waits before retrying when the P-CSCF is overloaded. */
    private static final int OVERLOAD_RETRY_AFTER = 30;

    private final SipProxy proxy;
    private final PcscfFlowStore flows;
    private final PcscfSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final FlowToken flowToken;
    private final RegisterOutcomes outcomes;

    /**
     * @param proxy    the stateful proxy of the P-CSCF's node, built with a {@link PcscfRegisterResponses}
     * @param flows    the flow store shared by the P-CSCF replicas
     * @param settings home domain, I-CSCF, Path URI, network identifiers, flow token key
     * @param clock    the time against which stored flows are checked
     * @param executor runs the flow store read and the forwarding, off the jain-sip threads
     * @param meters   where {@code kubeims_pcscf_register_total} is counted
     * @throws IllegalArgumentException when an argument is missing
     */
    public PcscfRegistration(SipProxy proxy, PcscfFlowStore flows, PcscfSettings settings, Clock clock,
            Executor executor, MeterRegistry meters) {
        if (proxy == null || flows == null || settings == null || clock == null || executor == null
                || meters == null) {
            throw new IllegalArgumentException("proxy, flows, settings, clock, executor and meters are required");
        }
        this.proxy = proxy;
        this.flows = flows;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.flowToken = new FlowToken(settings.flowTokenKey());
        this.outcomes = new RegisterOutcomes(meters);
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        if (!Request.REGISTER.equals(inbound.method())) {
            throw new IllegalArgumentException("the P-CSCF registration handler serves REGISTER, got "
                    + inbound.method());
        }
        // RFC 3581: before the server transaction and the copy are made, so that both carry it
        ViaReceived.apply((ViaHeader) inbound.request().getHeader(ViaHeader.NAME), inbound.source());
        Optional<Request> prepared = proxy.prepare(inbound);   // 483 / 482 answered there
        if (prepared.isEmpty()) {
            outcomes.record(RegisterOutcome.LOOP, inbound.callId(), 0, "Max-Forwards exhausted or loop");
            return;
        }
        UeRegister register;
        try {
            register = UeRegister.of(inbound, settings.homeDomain());
        } catch (MalformedRegisterException e) {
            reject(inbound, e);
            return;
        }
        // before the store round trip: retransmissions are absorbed by the transaction meanwhile
        inbound.serverTransaction();
        Request copy = prepared.get();
        try {
            executor.execute(() -> forward(inbound, copy, register));
        } catch (RejectedExecutionException e) {
            Response busy = inbound.createResponse(Response.SERVICE_UNAVAILABLE, "P-CSCF Overloaded");
            try {
                busy.addHeader(inbound.node().headers().createRetryAfterHeader(OVERLOAD_RETRY_AFTER));
            } catch (InvalidArgumentException impossible) {
                throw new IllegalStateException(impossible);
            }
            outcomes.record(RegisterOutcome.OVERLOADED, inbound.callId(), Response.SERVICE_UNAVAILABLE,
                    "no thread free");
            inbound.respond(busy);
        }
    }

    private void forward(InboundRequest inbound, Request copy, UeRegister register) {
        try {
            IntegrityProtection marking = marking(inbound, register);
            vouch(copy, register, marking, inbound.node());
            LOG.tracef("REGISTER (Call-ID %s) of %s from %s: to %s, %s", inbound.callId(), register.publicIdentity(),
                    register.flow(), settings.icscfUri(), marking.token());
            proxy.forward(inbound, copy, Forwarding.byRequest());
        } catch (MalformedRegisterException e) {
            try {
                reject(inbound, e);
            } catch (SipSendException again) {
                LOG.debugf("REGISTER (Call-ID %s): cannot send 400: %s", inbound.callId(), again.getMessage());
            }
        } catch (SipSendException e) {
            LOG.debugf("REGISTER (Call-ID %s): %s", inbound.callId(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "REGISTER (Call-ID %s) of %s: forwarding failed: %s", inbound.callId(),
                    register.publicIdentity(), e);
            if (!inbound.finalResponseSent()) {
                outcomes.record(RegisterOutcome.ERROR, inbound.callId(), Response.SERVER_INTERNAL_ERROR,
                        "see the error above");
                try {
                    inbound.respond(Response.SERVER_INTERNAL_ERROR, "P-CSCF Error");
                } catch (SipSendException | RuntimeException again) {
                    LOG.debugf("REGISTER (Call-ID %s): cannot send 500: %s", inbound.callId(), again);
                }
            }
        }
    }

    /**
     * {@code ip-assoc-yes} when one of the REGISTER's contacts is stored for exactly this flow with this IMPI and
     * has not expired (so the flow was bound by a 200 to an authenticated registration), else
     * {@code ip-assoc-pending}. A REGISTER without Contact (query, {@code *}) has nothing to look up: pending. A
     * store failure is logged and counts as no association (the S-CSCF then authenticates).
     */
    IntegrityProtection marking(InboundRequest inbound, UeRegister register) {
        Instant now = clock.instant();
        for (ContactBinding contact : register.contacts()) {
            Optional<PcscfFlow> stored;
            try {
                stored = flows.get(new PcscfFlowKey(contact.uri().toString(), register.flow()));
            } catch (InvalidCscfStateException e) {
                continue; // a contact URI no flow can be stored under
            } catch (RuntimeException e) {
                LOG.warnf("REGISTER (Call-ID %s): flow store unreadable, %s assumed: %s", inbound.callId(),
                        IntegrityProtection.IP_ASSOC_PENDING.token(), e.toString());
                return IntegrityProtection.IP_ASSOC_PENDING;
            }
            if (stored.isPresent() && !stored.get().isExpired(now) && stored.get().impi() != null
                    && stored.get().impi().equalsIgnoreCase(register.impi())) {
                return IntegrityProtection.IP_ASSOC_YES;
            }
        }
        return IntegrityProtection.IP_ASSOC_PENDING;
    }

    /** Writes what the P-CSCF vouches for into the copy to forward (see the class comment). */
    void vouch(Request copy, UeRegister register, IntegrityProtection marking, SipNode node) {
        HeaderFactory headers = node.headers();
        // never trust the UE: its own network identifiers and charging data go
        copy.removeHeader(VisitedNetworks.NAME);
        copy.removeHeader("P-Charging-Function-Addresses");
        VisitedNetworks.add(copy, settings.visitedNetworkId(), headers);
        ChargingVector.of(newIcid()).withOrigIoi(settings.origIoi()).write(copy, headers);
        markAuthorization(copy, register, marking, headers);
        AddressListHeader.PATH.prepend(copy, pathAddress(register, node), headers);
        OptionTagHeader.REQUIRE.add(copy, "path", headers);
        routeToIcscf(copy, node);
    }

    /** A globally unique ICID (RFC 7315 4.6): 122 random bits, hex. */
    private static String newIcid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private void markAuthorization(Request copy, UeRegister register, IntegrityProtection marking,
            HeaderFactory headers) {
        if (AuthHeader.AUTHORIZATION.read(copy).isEmpty()) {
            // TS 24.229 5.2.2: the I-CSCF and S-CSCF need the IMPI; the nonce and response stay empty
            DigestCredentials inserted = DigestCredentials.builder(register.impi(), settings.homeDomain(), "",
                    "sip:" + settings.homeDomain()).param(IntegrityProtection.PARAMETER, marking.token()).build("");
            AuthHeader.AUTHORIZATION.add(copy, inserted.format(), headers);
            return;
        }
        try {
            AuthHeader.AUTHORIZATION.rewrite(copy, value -> marked(DigestCredentials.parse(value), marking).format(),
                    headers);
        } catch (IllegalArgumentException e) {
            // read once already by UeRegister; the message names the parameter, never a value
            throw new MalformedRegisterException("Malformed Authorization", "Authorization of the REGISTER: "
                    + e.getMessage(), e);
        }
    }

    /** The credentials with our {@code integrity-protected} instead of whatever was there. */
    static DigestCredentials marked(DigestCredentials credentials, IntegrityProtection marking) {
        Map<String, String> others = new LinkedHashMap<>(credentials.otherParams());
        others.remove(IntegrityProtection.PARAMETER);
        others.put(IntegrityProtection.PARAMETER, marking.token());
        return new DigestCredentials(credentials.username(), credentials.realm(), credentials.nonce(),
                credentials.uri(), credentials.response(), credentials.algorithm(), credentials.cnonce(),
                credentials.opaque(), credentials.qop(), credentials.nc(), credentials.auts(), others);
    }

    /** {@code <sip:term-<token>@<pathUri host, port, params>;lr[;ob]>} (RFC 3327, RFC 5626 5.2). */
    Address pathAddress(UeRegister register, SipNode node) {
        // pathUri is normalised to sip:host[:port];params without user part (PcscfSettings)
        String uri = "sip:" + flowToken.pathUser(register.flow()) + "@" + settings.pathUri().substring(4)
                + (register.outbound() ? ";ob" : "");
        return AddressListHeader.PATH.parse("<" + uri + ">", node.addresses());
    }

    private void routeToIcscf(Request copy, SipNode node) {
        copy.removeHeader(RouteHeader.NAME);
        try {
            Address icscf = node.addresses().createAddress(node.addresses().createURI(settings.icscfUri()));
            copy.addFirst(node.headers().createRouteHeader(icscf));
        } catch (ParseException | SipException e) {
            throw new IllegalStateException("I-CSCF URI refused by jain-sip: " + settings.icscfUri(), e);
        }
    }

    private void reject(InboundRequest inbound, MalformedRegisterException e) throws SipSendException {
        outcomes.record(RegisterOutcome.MALFORMED, inbound.callId(), e.status(), e.reasonPhrase() + ": "
                + e.getMessage());
        inbound.respond(inbound.createResponse(e.status(), e.reasonPhrase()));
    }
}
