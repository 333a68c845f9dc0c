package io.kubeims.cscf.scscf.regevent;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.scscf.regevent.SubscriberAuthorization.Subscriber;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.ViaBranch;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.MalformedSipHeaderException;
import io.kubeims.cscf.store.RegEventSubscription;
import io.kubeims.cscf.store.RegEventSubscriptionStore;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The S-CSCF's SUBSCRIBE handler for the reg event package (RFC 3680, RFC 6665, TS 24.229 5.4.2.1.1). An initial
 * SUBSCRIBE (no To tag):
 * <ol>
 * <li>Event other than {@code reg}: to the handler of other events if one was given, else 489 Bad Event with
 * Allow-Events (RFC 6665 8.2.4); an Accept without {@code application/reginfo+xml}: 406 (RFC 6665 4.2.1.1);</li>
 * <li>Expires below the minimum (and not 0): 423 with Min-Expires; above the maximum: cut to it; absent: the
 * default (RFC 3680 3.3);</li>
 * <li>the Request-URI names no public identity with a live binding here: 480 (TS 24.229 5.4.2.1.1 step 0: also for
 * an identity the S-CSCF has never seen, since it only knows registered users' profiles);</li>
 * <li>the subscriber is not the user, a P-CSCF on its Path or an AS of its iFCs ({@link SubscriberAuthorization}):
 * 403 (step 1);</li>
 * <li>else 200 (OK) with Expires and our Contact, the dialog stored (Record-Route in order as the route set, Contact
 * as remote target, RFC 3261 12.1.1), then a NOTIFY with the full state (step 3, RFC 6665 4.2.1.2). Expires 0 is a
 * fetch: 200, one NOTIFY {@code terminated;reason=timeout}, nothing stored.</li>
 * </ol>
 * A SUBSCRIBE in a dialog (To tag) refreshes the stored subscription (200, NOTIFY with the state), or with Expires 0
 * ends it (200, NOTIFY {@code terminated;reason=timeout}); an unknown dialog gets 481.
 *
 * <p>On the jain-sip thread only the Event is checked and the server transaction created; the store work and the
 * answer run on {@code executor}. Every reject carries a reason phrase and is logged once at DEBUG with the Call-ID.
 * Counted in {@value #SUBSCRIBE_METER} by {@code kind} (initial, refresh, fetch, unsubscribe) and {@code status}.
 */
public final class RegEventSubscribeHandler implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(RegEventSubscribeHandler.class);
    /** Meter of answered reg event SUBSCRIBEs. */
    public static final String SUBSCRIBE_METER = "kubeims.scscf.regevent.subscribe";
    private static final String REG = "reg";

    private final RegistrationStore registrations;
    private final RegEventSubscriptionStore subscriptions;
    private final RegEventNotifier notifier;
    private final ReginfoComposer composer;
    private final RegEventSettings settings;
    private final SipRequestHandler otherEvents;
    private final Executor executor;
    private final TaggedCounters counted;
    private final Clock clock;

    /**
     * @param registrations the registrations (the watched user)
     * @param subscriptions the shared subscription store
     * @param notifier      sends the NOTIFYs (the same instance is the registrar's observer)
     * @param composer      reads barring and iFCs of the watched user's profile
     * @param settings      Expires bounds, trusted P-CSCFs, Contact
     * @param otherEvents   handles SUBSCRIBEs of other event packages, or null to answer them 489
     * @param executor      runs the store work off the jain-sip threads
     * @param meters        where {@value #SUBSCRIBE_METER} is counted
     * @param clock         for subscription expiry
     */
    public RegEventSubscribeHandler(RegistrationStore registrations, RegEventSubscriptionStore subscriptions,
            RegEventNotifier notifier, ReginfoComposer composer, RegEventSettings settings,
            SipRequestHandler otherEvents, Executor executor, MeterRegistry meters, Clock clock) {
        if (registrations == null || subscriptions == null || notifier == null || composer == null || settings == null
                || executor == null || meters == null || clock == null) {
            throw new IllegalArgumentException("every argument but otherEvents is required");
        }
        this.registrations = registrations;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.composer = composer;
        this.settings = settings;
        this.otherEvents = otherEvents;
        this.executor = executor;
        this.counted = new TaggedCounters(meters, SUBSCRIBE_METER,
                "reg event SUBSCRIBEs answered by the S-CSCF, by kind and status", "kind", "status");
        this.clock = clock;
    }

    @Override
    public void handle(InboundRequest inbound) throws Exception {
        if (!Request.SUBSCRIBE.equals(inbound.method())) {
            throw new IllegalArgumentException("the reg event handler serves SUBSCRIBE, got " + inbound.method());
        }
        EventHeader event = (EventHeader) inbound.request().getHeader(EventHeader.NAME);
        if (event == null || !REG.equalsIgnoreCase(event.getEventType())) {
            if (event != null && otherEvents != null) {
                otherEvents.handle(inbound);
                return;
            }
            Response response = event == null ? inbound.createResponse(Response.BAD_REQUEST, "Missing Event Header")
                    : inbound.createResponse(Response.BAD_EVENT, "Bad Event");
            response.addHeader(inbound.node().headers().createAllowEventsHeader(REG));
            reject(inbound, "initial", response, event == null ? "no Event header"
                    : "event package '" + event.getEventType() + "' not served");
            return;
        }
        inbound.serverTransaction();   // absorbs retransmissions while the store is asked
        try {
            executor.execute(() -> process(inbound));
        } catch (RejectedExecutionException e) {
            reject(inbound, kind(inbound.request()), inbound.createResponse(Response.SERVICE_UNAVAILABLE,
                    "S-CSCF Overloaded"), "no thread free");
        }
    }

    private void process(InboundRequest inbound) {
        String kind = kind(inbound.request());
        try {
            if (toTag(inbound.request()) != null) {
                inDialog(inbound);
            } else {
                initial(inbound);
            }
        } catch (SipSendException e) {
            LOG.debugf("SUBSCRIBE (Call-ID %s): %s", inbound.callId(), e.getMessage());
        } catch (RuntimeException | ParseException | InvalidArgumentException e) {
            LOG.errorf(e, "SUBSCRIBE (Call-ID %s) failed: %s", inbound.callId(), e);
            if (!inbound.finalResponseSent()) {
                try {
                    reject(inbound, kind, inbound.createResponse(Response.SERVER_INTERNAL_ERROR, "S-CSCF Error"),
                            "see the error above");
                } catch (SipSendException | RuntimeException again) {
                    LOG.debugf("SUBSCRIBE (Call-ID %s): cannot send 500: %s", inbound.callId(), again);
                }
            }
        }
    }

    private void initial(InboundRequest inbound) throws SipSendException, ParseException, InvalidArgumentException {
        Request request = inbound.request();
        if (!acceptsReginfo(request)) {
            reject(inbound, "initial", inbound.createResponse(Response.NOT_ACCEPTABLE, "Reginfo Not Accepted"),
                    "Accept lacks application/reginfo+xml");
            return;
        }
        ContactHeader contactHeader = (ContactHeader) request.getHeader(ContactHeader.NAME);
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        if (contactHeader == null || fromTag == null) {
            reject(inbound, "initial", inbound.createResponse(Response.BAD_REQUEST,
                    contactHeader == null ? "Missing Contact" : "Missing From Tag"), "cannot form a dialog");
            return;
        }
        Optional<Integer> expires = grantedExpires(inbound, "initial");
        if (expires.isEmpty()) {
            return;
        }
        SubscriberAuthorization authorization = new SubscriberAuthorization(inbound.node().addresses(),
                settings.trustedPcscfHosts());
        Optional<Watched> found = watched(request);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().registration().activeContacts(now).isEmpty()) {
            reject(inbound, "initial", inbound.createResponse(Response.TEMPORARILY_UNAVAILABLE, "Not Registered"),
                    request.getRequestURI() + " has no binding here");
            return;
        }
        Registration registration = found.get().registration();
        String watched = found.get().impu();
        Optional<ImsSubscription> profile = composer.subscription(registration);
        List<Address> asserted;
        try {
            asserted = AddressListHeader.P_ASSERTED_IDENTITY.read(request);
        } catch (MalformedSipHeaderException e) {
            asserted = List.of();
        }
        Optional<Subscriber> subscriber = authorization.authorize(asserted, registration, profile,
                composer.barred(registration));
        if (subscriber.isEmpty()) {
            reject(inbound, "initial", inbound.createResponse(Response.FORBIDDEN, "Not Authorized"),
                    "P-Asserted-Identity " + asserted + " may not watch " + watched);
            return;
        }

        RegEventDialog dialog = new RegEventDialog(inbound.callId(), fromTag, ViaBranch.responseToTag(request));
        List<String> routeSet = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routeSet.add(((RecordRouteHeader) it.next()).getAddress().toString());
        }
        String remoteTarget = contactHeader.getAddress().getURI().toString();
        String subscriberUri = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        if (expires.get() == 0) {
            // RFC 6665 4.4.3: a fetch. The one NOTIFY goes out of a dialog that is never stored.
            respondOk(inbound, "fetch", 0);
            notifier.notifyFinal(new RegEventSubscription(dialog.id(), watched, subscriberUri, routeSet,
                    remoteTarget, now.plusSeconds(1), 0, 1), registration, "timeout");
            return;
        }
        RegEventSubscription subscription = RegEventSubscription.accepted(dialog.id(), watched, subscriberUri,
                routeSet, remoteTarget, now.plusSeconds(expires.get()));
        boolean created = subscriptions.create(subscription);
        respondOk(inbound, "initial", expires.get());
        LOG.debugf("SUBSCRIBE (Call-ID %s): %s (%s) watches %s for %d s", inbound.callId(), subscriberUri,
                subscriber.get(), watched, expires.get());
        if (created) {
            notifier.notifyCurrent(dialog.id(), registration);
        }
    }

    private void inDialog(InboundRequest inbound) throws SipSendException, ParseException, InvalidArgumentException {
        Request request = inbound.request();
        String kind = kind(request);
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        RegEventDialog dialog;
        try {
            dialog = new RegEventDialog(inbound.callId(), fromTag, toTag(request));
        } catch (InvalidReginfoException e) {
            reject(inbound, kind, inbound.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "No Such Subscription"), e.getMessage());
            return;
        }
        Optional<RegEventSubscription> stored = subscriptions.get(dialog.id());
        if (stored.isEmpty()) {
            reject(inbound, kind, inbound.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "No Such Subscription"), "dialog " + dialog.id() + " is not a live subscription");
            return;
        }
        Optional<Integer> expires = grantedExpires(inbound, kind);
        if (expires.isEmpty()) {
            return;
        }
        Optional<Registration> registration = registrations.findByPublicIdentity(stored.get().watchedIdentity())
                .stream().findFirst();
        boolean live = registration.isPresent() && !registration.get().activeContacts(clock.instant()).isEmpty();
        if (expires.get() == 0 || !live) {
            Optional<RegEventSubscription> last = subscriptions.nextNotify(dialog.id());
            subscriptions.remove(dialog.id());
            respondOk(inbound, kind, 0);
            last.ifPresent(s -> notifier.notifyFinal(s, registration.orElse(null), live ? "timeout" : "noresource"));
            return;
        }
        Instant until = clock.instant().plusSeconds(expires.get());
        boolean refreshed = subscriptions.update(dialog.id(), current -> current.map(s -> s.withExpiresAt(until)))
                .current().isPresent();
        if (!refreshed) {
            reject(inbound, kind, inbound.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "No Such Subscription"), "subscription " + dialog.id() + " ended meanwhile");
            return;
        }
        respondOk(inbound, kind, expires.get());
        notifier.notifyCurrent(dialog.id(), registration.get());
    }

    /** The registration whose implicit set the Request-URI names, and that public identity as the set has it. */
    private Optional<Watched> watched(Request request) {
        for (String candidate : SubscriberAuthorization.lookupCandidates(request.getRequestURI())) {
            List<Registration> found = registrations.findByPublicIdentity(candidate);
            if (!found.isEmpty()) {
                return Optional.of(new Watched(found.get(0), candidate));
            }
        }
        return Optional.empty();
    }

    private record Watched(Registration registration, String impu) {
    }

    /** The Expires to grant, or empty after a 423 (RFC 6665 4.2.1.1). */
    private Optional<Integer> grantedExpires(InboundRequest inbound, String kind)
            throws SipSendException, InvalidArgumentException {
        ExpiresHeader header = (ExpiresHeader) inbound.request().getHeader(ExpiresHeader.NAME);
        long asked = header == null ? settings.defaultExpires().toSeconds() : header.getExpires();
        if (asked == 0) {
            return Optional.of(0);
        }
        if (asked < settings.minExpires().toSeconds()) {
            Response response = inbound.createResponse(Response.INTERVAL_TOO_BRIEF, "Interval Too Brief");
            response.addHeader(inbound.node().headers().createMinExpiresHeader(
                    (int) settings.minExpires().toSeconds()));
            reject(inbound, kind, response, "Expires " + asked + " below " + settings.minExpires().toSeconds());
            return Optional.empty();
        }
        return Optional.of((int) Math.min(asked, settings.maxExpires().toSeconds()));
    }

    private void respondOk(InboundRequest inbound, String kind, int expires)
            throws SipSendException, InvalidArgumentException {
        Response ok = inbound.createResponse(Response.OK);
        HeaderFactory headers = inbound.node().headers();
        ok.setHeader(headers.createExpiresHeader(expires));
        ok.setHeader(headers.createContactHeader(notifier.contact(inbound.transport())));
        count(kind, Response.OK);
        inbound.respond(ok);
    }

    private void reject(InboundRequest inbound, String kind, Response response, String detail)
            throws SipSendException {
        LOG.debugf("SUBSCRIBE (Call-ID %s) rejected %d %s: %s", inbound.callId(), response.getStatusCode(),
                response.getReasonPhrase(), detail);
        count(kind, response.getStatusCode());
        inbound.respond(response);
    }

    private static boolean acceptsReginfo(Request request) {
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        if (!accepts.hasNext()) {
            return true;   // RFC 6665 4.2.1.1: no Accept means the package's default type
        }
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            String type = accept.getContentType() == null ? "" : accept.getContentType().toLowerCase(Locale.ROOT);
            String subtype = accept.getContentSubType() == null ? ""
                    : accept.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("*") || type.equals(Reginfo.CONTENT_TYPE))
                    && (subtype.equals("*") || subtype.equals(Reginfo.CONTENT_SUBTYPE))) {
                return true;
            }
        }
        return false;
    }

    private static String toTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    private static String kind(Request request) {
        if (toTag(request) == null) {
            return "initial";
        }
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        return expires != null && expires.getExpires() == 0 ? "unsubscribe" : "refresh";
    }

    private void count(String kind, int status) {
        counted.increment(kind, Integer.toString(status));
    }
}
