package io.kubeims.cscf.scscf.thirdparty;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IfcEvaluator;
import io.kubeims.protocol.ifc.IfcRequest;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Third-party registration (TS 24.229 5.4.1.7, 5.4.1.7A): on each registration, re-registration and de-registration
 * of a subscriber, the S-CSCF evaluates the iFCs of the registered identity's service profile (TS 29.228 Annex C)
 * for a REGISTER in the originating session case (TS 29.228 B.2.2; the REGISTER that caused the change, or one
 * made of the home domain and the identity when none did: expiry, network de-registration) with the registration
 * type of the change, and sends a REGISTER to each matching AS once:
 * <ul>
 * <li>Request-URI the AS's ServerName, From the S-CSCF (a new tag), To the registered public identity, Contact the
 * S-CSCF, Expires the registration's remaining time (0 for a de-registration);</li>
 * <li>P-Charging-Vector with the icid-value of the REGISTER (a new one without) and orig-ioi the home domain;</li>
 * <li>the body of {@link ThirdPartyRegisterBody}: the REGISTER and/or its 200 (OK) as message/sip, ServiceInfo.</li>
 * </ul>
 * An AS that answers 408 or 5xx, or not at all, to a registration (not a de-registration) leads, when its
 * DefaultHandling is SESSION_TERMINATED, to a network-initiated de-registration of the user through
 * {@link NetworkDeregistration}; with SESSION_CONTINUED the failure is only logged. A partial de-registration (some
 * bindings left) and profile updates send nothing: the user's registration state at the AS is unchanged.
 * Counted in {@value #REGISTER_METER} by {@code type} (registration, deregistration) and {@code outcome} (status,
 * timeout, unsent).
 */
public final class ThirdPartyRegistration implements RegistrationObserver {

    private static final Logger LOG = Logger.getLogger(ThirdPartyRegistration.class);
    /** Meter of third-party REGISTERs sent. */
    public static final String REGISTER_METER = "kubeims.scscf.thirdparty.register";

    private final SipNode node;
    private final CxUserDataReader userData;
    private final ThirdPartyRegistrationSettings settings;
    private final NetworkDeregistration deregistration;
    private final TaggedCounters counted;

    /**
     * @param node           the S-CSCF's SIP node (sends the REGISTERs)
     * @param userData       reads the registration's Cx-User-Data
     * @param settings       S-CSCF URI, home domain, AS response timeout
     * @param deregistration what SESSION_TERMINATED invokes
     * @param meters         where {@value #REGISTER_METER} is counted
     */
    public ThirdPartyRegistration(SipNode node, CxUserDataReader userData, ThirdPartyRegistrationSettings settings,
            NetworkDeregistration deregistration, MeterRegistry meters) {
        if (node == null || userData == null || settings == null || deregistration == null || meters == null) {
            throw new IllegalArgumentException("node, userData, settings, deregistration and meters are required");
        }
        this.node = node;
        this.userData = userData;
        this.settings = settings;
        this.deregistration = deregistration;
        this.counted = new TaggedCounters(meters, REGISTER_METER,
                "third-party REGISTERs sent by the S-CSCF, by type and outcome", "type", "outcome");
    }

    /** One third-party REGISTER to send: to whom, for which identity, with what expiry. */
    record Target(ApplicationServer server, String servedIdentity, RegistrationType type, int expires) {

        boolean isDeregistration() {
            return type == RegistrationType.DE_REGISTRATION;
        }
    }

    @Override
    public void onChange(RegistrationChange change) {
        for (Target target : targets(change)) {
            try {
                send(change, target);
            } catch (RuntimeException | ParseException | InvalidArgumentException e) {
                count(target, "unsent");
                LOG.errorf(e, "third-party REGISTER of %s to %s not built: %s", change.impi(),
                        target.server().serverName(), e);
            }
        }
    }

    /**
     * The REGISTERs a change calls for: one per distinct AS of the iFCs that match (lowest Priority first); none when
     * the change needs no third-party registration or the profile cannot be read.
     */
    List<Target> targets(RegistrationChange change) {
        Optional<RegistrationType> type = registrationType(change);
        if (type.isEmpty()) {
            return List.of();
        }
        Registration registration = change.after() != null ? change.after() : change.before();
        ImsSubscription subscription;
        try {
            subscription = userData.read(registration.serviceProfile());
        } catch (CxUserDataException e) {
            LOG.warnf("third-party registration of %s skipped: its service profile is unreadable: %s",
                    change.impi(), e.getMessage());
            return List.of();
        }
        String served = servedIdentity(change, registration, subscription);
        ServiceProfile profile = subscription.serviceProfiles().stream()
                .filter(p -> p.publicIdentities().stream().anyMatch(i -> i.identity().equals(served)))
                .findFirst().orElse(subscription.serviceProfiles().get(0));
        IfcRequest request = ifcRequest(change, served, type.get());
        int expires = type.get() == RegistrationType.DE_REGISTRATION ? 0 : remainingSeconds(change);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (InitialFilterCriteria ifc : IfcEvaluator.of(profile).matching(request)) {
            ApplicationServer server = ifc.applicationServer();
            targets.putIfAbsent(server.serverName(), new Target(server, served, type.get(), expires));
        }
        return List.copyOf(targets.values());
    }

    /** The registration type of TS 29.228 B.2.2 for a change, empty when no third-party REGISTER is due. */
    private static Optional<RegistrationType> registrationType(RegistrationChange change) {
        boolean nothingLeft = change.after() == null || change.after().activeContacts(change.at()).isEmpty();
        return switch (change.cause()) {
            case REGISTERED -> Optional.of(RegistrationType.INITIAL_REGISTRATION);
            case REFRESHED -> Optional.of(RegistrationType.RE_REGISTRATION);
            case UE_DEREGISTERED, EXPIRED, NETWORK_DEREGISTERED -> nothingLeft
                    ? Optional.of(RegistrationType.DE_REGISTRATION) : Optional.empty();
            case PROFILE_UPDATED -> Optional.empty();
        };
    }

    /** The To of the REGISTER (TS 24.229 5.4.1.7 c), else the first unbarred identity of the implicit set. */
    private static String servedIdentity(RegistrationChange change, Registration registration,
            ImsSubscription subscription) {
        if (change.register() != null && change.register().getHeader(ToHeader.NAME) instanceof ToHeader to) {
            return to.getAddress().getURI().toString();
        }
        List<String> barred = new ArrayList<>();
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                if (identity.barringIndication()) {
                    barred.add(identity.identity());
                }
            }
        }
        return registration.implicitSet().stream().filter(impu -> !barred.contains(impu)).findFirst()
                .orElse(registration.implicitSet().get(0));
    }

    /** The REGISTER as the iFCs see it: the one received, or one of the home domain and the identity. */
    private IfcRequest ifcRequest(RegistrationChange change, String served, RegistrationType type) {
        Request register = change.register();
        if (register == null) {
            String identity = "<" + served + ">";
            return new IfcRequest(Request.REGISTER, "sip:" + settings.homeDomain(),
                    Map.of("To", List.of(identity), "From", List.of(identity)), "",
                    SessionCase.ORIGINATING_REGISTERED, type, true);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (ListIterator<?> names = register.getHeaderNames(); names.hasNext(); ) {
            String name = (String) names.next();
            List<String> values = new ArrayList<>();
            for (ListIterator<?> it = register.getHeaders(name); it.hasNext(); ) {
                values.add(headerValue((Header) it.next()));
            }
            headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        }
        byte[] body = register.getRawContent();
        // TS 29.228 B.2.2 / TS 24.229 5.4.1.7: a REGISTER is matched in the originating case of a registered user
        return new IfcRequest(Request.REGISTER, register.getRequestURI().toString(), headers,
                body == null ? "" : new String(body, StandardCharsets.UTF_8), SessionCase.ORIGINATING_REGISTERED,
                type, true);
    }

    private static int remainingSeconds(RegistrationChange change) {
        Instant at = change.at();
        long seconds = change.after().activeContacts(at).stream().map(Contact::expiresAt)
                .mapToLong(expiry -> Duration.between(at, expiry).toSeconds()).max().orElse(0);
        return (int) Math.max(0, Math.min(seconds, Integer.MAX_VALUE));
    }

    private void send(RegistrationChange change, Target target) throws ParseException, InvalidArgumentException {
        Request register = build(change, target);
        String as = target.server().serverName();
        try {
            node.send(register, null, settings.responseTimeout(), new ResponseCallback() {
                @Override
                public void finalResponse(Response response) {
                    int status = response.getStatusCode();
                    if (status == Response.REQUEST_TIMEOUT || status >= 500 && status < 600) {
                        asFailed(change, target, status + " " + response.getReasonPhrase());
                    } else if (status >= 300) {
                        LOG.debugf("third-party REGISTER of %s to %s answered %d: no action (TS 24.229 5.4.1.7)",
                                change.impi(), as, status);
                    }
                    count(target, Integer.toString(status));
                }

                @Override
                public void failed(ClientFailure failure) {
                    asFailed(change, target,
                            failure == ClientFailure.TIMEOUT ? "no final response" : "not deliverable");
                    count(target, failure == ClientFailure.TIMEOUT ? "timeout" : "unsent");
                }
            });
        } catch (SipSendException e) {
            asFailed(change, target, "not sendable: " + e.getMessage());
            count(target, "unsent");
        }
    }

    /** TS 24.229 5.4.1.7: the AS failed; SESSION_TERMINATED de-registers the user (registrations only). */
    private void asFailed(RegistrationChange change, Target target, String what) {
        String as = target.server().serverName();
        if (!target.isDeregistration() && target.server().defaultHandling() == DefaultHandling.SESSION_TERMINATED) {
            LOG.warnf("third-party REGISTER of %s to %s failed (%s): DefaultHandling SESSION_TERMINATED, "
                    + "de-registering the user", change.impi(), as, what);
            try {
                deregistration.deregister(change.impi(), "third-party REGISTER to " + as + " failed: " + what);
            } catch (RuntimeException e) {
                LOG.errorf(e, "network de-registration of %s after the failure of %s failed: %s", change.impi(), as,
                        e);
            }
        } else {
            LOG.debugf("third-party REGISTER of %s to %s failed (%s): continuing", change.impi(), as, what);
        }
    }

    private Request build(RegistrationChange change, Target target) throws ParseException, InvalidArgumentException {
        AddressFactory addresses = node.addresses();
        HeaderFactory headers = node.headers();
        Address scscf = addresses.createAddress(settings.scscfUri());
        Request register = node.messages().createRequest(addresses.createURI(target.server().serverName()),
                Request.REGISTER, headers.createCallIdHeader(UUID.randomUUID() + "@" + settings.homeDomain()),
                headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(scscf, Long.toHexString(ThreadLocalRandom.current().nextLong())),
                headers.createToHeader(addresses.createAddress(addresses.createURI(target.servedIdentity())), null),
                new ArrayList<>(), headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createContactHeader(scscf));
        register.addHeader(headers.createExpiresHeader(target.expires()));
        chargingVector(change).withOrigIoi(settings.homeDomain()).write(register, headers);
        ThirdPartyRegisterBody body = ThirdPartyRegisterBody.of(parts(change, target.server()));
        if (body != null) {
            int slash = body.contentType().indexOf('/');
            int semicolon = body.contentType().indexOf(';');
            var contentType = headers.createContentTypeHeader(body.contentType().substring(0, slash),
                    body.contentType().substring(slash + 1, semicolon < 0 ? body.contentType().length() : semicolon));
            if (semicolon > 0) {
                String boundary = body.contentType().substring(body.contentType().indexOf('=', semicolon) + 1);
                contentType.setParameter("boundary", boundary);
            }
            register.setContent(body.content(), contentType);
        }
        return register;
    }

    /** The REGISTER's icid (TS 24.229 5.4.1.7 f), else a new one. */
    private ChargingVector chargingVector(RegistrationChange change) {
        if (change.register() != null) {
            try {
                Optional<ChargingVector> received = ChargingVector.read(change.register());
                if (received.isPresent()) {
                    return ChargingVector.of(received.get().icidValue());
                }
            } catch (MalformedSipHeaderException e) {
                LOG.debugf("P-Charging-Vector of the REGISTER of %s unusable: %s", change.impi(), e.getMessage());
            }
        }
        return ChargingVector.of(UUID.randomUUID().toString().replace("-", ""));
    }

    private static List<ThirdPartyRegisterBody.Part> parts(RegistrationChange change, ApplicationServer server) {
        List<ThirdPartyRegisterBody.Part> parts = new ArrayList<>();
        if (server.includeRegisterRequest() && change.register() != null) {
            parts.add(ThirdPartyRegisterBody.sipMessage(change.register().toString()));
        }
        if (server.includeRegisterResponse() && change.response() != null) {
            parts.add(ThirdPartyRegisterBody.sipMessage(change.response().toString()));
        }
        if (server.serviceInfo() != null) {
            parts.add(ThirdPartyRegisterBody.serviceInfo(server.serviceInfo()));
        }
        return parts;
    }

    private static String headerValue(Header header) {
        if (header instanceof gov.nist.javax.sip.header.SIPHeader sip) {
            return sip.getHeaderValue().trim();
        }
        String line = header.toString().trim();
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private void count(Target target, String outcome) {
        String type = target.isDeregistration() ? "deregistration" : "registration";
        counted.increment(type, outcome);
    }
}
