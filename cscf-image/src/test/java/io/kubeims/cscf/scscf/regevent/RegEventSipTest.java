package io.kubeims.cscf.scscf.regevent;

import static io.kubeims.cscf.scscf.ScscfFixtures.contact;
import static io.kubeims.cscf.scscf.ScscfFixtures.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.RecordingUserAgent;
import io.kubeims.cscf.scscf.hss.RtrReason;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationChange.Cause;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.cscf.store.RegEventSubscription;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.AllowEventsHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reg event package at the S-CSCF over real SIP on loopback (TS 24.229 5.4.2.1, RFC 3680, RFC 6665): two
 * S-CSCF replicas sharing one embedded store, a P-CSCF proxy that Record-Routes, and recording user agents as UE,
 * P-CSCF subscriber and AS. Registrations are written into the store directly and changes given to the notifier, as
 * the registrar does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegEventSipTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.com";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PCSCF_0 = "pcscf-0.pcscf.ims.example.com";
    private static final String PCSCF_1 = "pcscf-1.pcscf.ims.example.com";
    private static final String AS = "sip:as.ims.example.com";
    private static final AtomicInteger USERS = new AtomicInteger();

    private EmbeddedCscfStorage storage;
    private SimpleMeterRegistry meters;
    private ExecutorService executor;
    private SipNode scscfA;
    private SipNode scscfB;
    private RegEventNotifier notifierA;
    private RegEventNotifier notifierB;
    private SipNode pcscfProxy;
    private RecordingUserAgent ue;
    private RecordingUserAgent watcher;

    @BeforeAll
    void start() throws Exception {
        storage = EmbeddedCscfStorage.inMemory();
        meters = new SimpleMeterRegistry();
        executor = Executors.newFixedThreadPool(2);
        RegEventSettings settings = RegEventSettings.of(List.of(PCSCF_0, PCSCF_1));
        scscfA = new SipNode(SipNodeSettings.of("scscf-a", HOST, 0));
        scscfB = new SipNode(SipNodeSettings.of("scscf-b", HOST, 0));
        notifierA = startScscf(scscfA, settings);
        notifierB = startScscf(scscfB, settings);
        pcscfProxy = new SipNode(SipNodeSettings.of("pcscf", HOST, 0));
        StatefulProxy proxy = new StatefulProxy(pcscfProxy, ProxySettings.defaults(), ResponseRewriter.NONE);
        pcscfProxy.start(RequestDispatcher.builder()
                .otherwise(in -> proxy.proxy(in, Forwarding.byRequest().withRecordRoute())).build(), proxy);
        ue = RecordingUserAgent.start("ue");
        watcher = RecordingUserAgent.start("watcher");
    }

    private RegEventNotifier startScscf(SipNode node, RegEventSettings settings) throws Exception {
        ReginfoComposer composer = new ReginfoComposer(new CxUserDataReader());
        RegEventNotifier notifier = new RegEventNotifier(node, storage.regEventSubscriptions(), composer, settings,
                meters, Clock.systemUTC());
        RegEventSubscribeHandler handler = new RegEventSubscribeHandler(storage.registrations(),
                storage.regEventSubscriptions(), notifier, composer, settings, null, executor, meters,
                Clock.systemUTC());
        node.start(RequestDispatcher.builder().on(Request.SUBSCRIBE, handler).build());
        return notifier;
    }

    @AfterAll
    void stop() {
        SipNode.closeAll(List.of(scscfA, scscfB, pcscfProxy, ue.node(), watcher.node()));
        executor.shutdownNow();
        storage.close();
    }

    @AfterEach
    void reset() {
        ue.answerWith(200);
        ue.drain();
        watcher.drain();
    }

    // ---- fixtures ----

    /** A user registered from the UE through P-CSCF 0, with a tel URI and a barred identity, and one iFC to AS. */
    private Registration registered(String base) {
        String user = base + USERS.incrementAndGet();
        String impi = user + "@" + REALM;
        Registration registration = registration(impi, List.of(new PublicIdentity("sip:" + user + "@" + REALM),
                        new PublicIdentity("tel:+1555" + (1000 + USERS.get())),
                        new PublicIdentity(true, "sip:" + user + ".hidden@" + REALM,
                                IdentityType.PUBLIC_USER_IDENTITY, null, null)),
                List.of(new InitialFilterCriteria(0, null,
                        new ApplicationServer(AS, DefaultHandling.SESSION_CONTINUED), null)),
                List.of(ueContact(user, 600, "reg-" + user, 1)));
        storage.registrations().update(impi, current -> java.util.Optional.of(registration));
        return registration;
    }

    private Contact ueContact(String user, int seconds, String callId, long cseq) {
        return contact(ue.uri(user), Instant.now().plusSeconds(seconds),
                List.of("<sip:term@" + PCSCF_0 + ";lr>"), callId, cseq);
    }

    /** The user part of the IMPI: the user of the UE's contact URI. */
    private static String user(Registration registration) {
        return registration.impi().substring(0, registration.impi().indexOf('@'));
    }

    private static String impu(Registration registration) {
        return registration.implicitSet().get(0);
    }

    private Registration write(Registration registration) {
        storage.registrations().update(registration.impi(), current -> java.util.Optional.of(registration));
        return registration;
    }

    private static RegistrationChange change(Cause cause, Registration before, Registration after, String reason) {
        return new RegistrationChange(cause, (before != null ? before : after).impi(), before, after, null, null,
                reason, Instant.now());
    }

    // ---- SUBSCRIBE from a user agent ----

    /** An initial SUBSCRIBE of {@code agent} for {@code requestUri}, as sent; not yet sent. */
    private Request subscribe(RecordingUserAgent agent, String requestUri, String asserted, Integer expires,
            String... routes) throws Exception {
        AddressFactory addresses = agent.node().addresses();
        HeaderFactory headers = agent.node().headers();
        Address from = addresses.createAddress(asserted != null ? asserted : agent.uri("anonymous"));
        Request request = agent.node().messages().createRequest(addresses.createURI(requestUri), Request.SUBSCRIBE,
                headers.createCallIdHeader(UUID.randomUUID() + "@test"), headers.createCSeqHeader(1L,
                        Request.SUBSCRIBE),
                headers.createFromHeader(from, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(addresses.createAddress(requestUri), null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createEventHeader("reg"));
        request.addHeader(headers.createAcceptHeader("application", "reginfo+xml"));
        request.addHeader(headers.createContactHeader(addresses.createAddress(agent.uri("watcher"))));
        if (expires != null) {
            request.addHeader(headers.createExpiresHeader(expires));
        }
        if (asserted != null) {
            request.addHeader(headers.createHeader("P-Asserted-Identity", "<" + asserted + ">"));
        }
        for (String route : routes) {
            request.addLast(headers.createHeader("Route", route));
        }
        return request;
    }

    private Response send(RecordingUserAgent agent, Request request, SipNode to) throws Exception {
        return agent.node().request(request, to == null ? null : new NextHop(HOST, to.port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** The SUBSCRIBE of the same dialog with the next CSeq (RFC 6665 4.1.2.2), along the dialog's route set. */
    private Request inDialog(RecordingUserAgent agent, Request initial, Response ok, long cseq, int expires)
            throws Exception {
        HeaderFactory headers = agent.node().headers();
        Address target = ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getAddress();
        Request request = agent.node().messages().createRequest(target.getURI(), Request.SUBSCRIBE,
                (CallIdHeader) initial.getHeader(CallIdHeader.NAME), headers.createCSeqHeader(cseq, Request.SUBSCRIBE),
                (FromHeader) initial.getHeader(FromHeader.NAME), (ToHeader) ok.getHeader(ToHeader.NAME),
                new ArrayList<>(), headers.createMaxForwardsHeader(70));
        List<RecordRouteHeader> recordRoutes = new ArrayList<>();
        for (ListIterator<?> it = ok.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            recordRoutes.add((RecordRouteHeader) it.next());
        }
        Collections.reverse(recordRoutes);   // RFC 3261 12.1.2: the UAC's route set is Record-Route reversed
        for (RecordRouteHeader recordRoute : recordRoutes) {
            request.addLast(headers.createRouteHeader(recordRoute.getAddress()));
        }
        request.addHeader(headers.createEventHeader("reg"));
        request.addHeader(headers.createContactHeader(agent.node().addresses().createAddress(agent.uri("watcher"))));
        request.addHeader(headers.createExpiresHeader(expires));
        return request;
    }

    private static Reginfo body(Request notify) {
        ContentTypeHeader type = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
        assertEquals("application", type.getContentType());
        assertEquals("reginfo+xml", type.getContentSubType());
        return new ReginfoReader().read(notify.getRawContent());
    }

    private static long cseq(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static SubscriptionStateHeader state(Request notify) {
        return (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
    }

    private static String dialogId(Request subscribe, Response ok) {
        return new RegEventDialog(((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId(),
                ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag(),
                ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag()).id();
    }

    private Request nextNotify(RecordingUserAgent agent) throws InterruptedException {
        Request request = agent.next();
        assertEquals(Request.NOTIFY, request.getMethod());
        return request;
    }

    private double subscribes(String kind, int status) {
        var counter = meters.find(RegEventSubscribeHandler.SUBSCRIBE_METER).tags("kind", kind, "status",
                Integer.toString(status)).counter();
        return counter == null ? 0 : counter.count();
    }

    // ---- tests ----

    @Test
    void theUserSubscribesAndGetsTheFullStateInAFirstNotify() throws Exception {
        Registration alice = registered("alice");
        double okBefore = subscribes("initial", 200);
        Request subscribe = subscribe(ue, impu(alice), impu(alice), 600_000);
        Response ok = send(ue, subscribe, scscfA);
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        assertEquals(600_000, ((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires());
        assertNotNull(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag(), "the 200 creates the dialog");
        assertEquals("sip:" + HOST + ":" + scscfA.port(),
                ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getAddress().getURI().toString());
        assertEquals(okBefore + 1, subscribes("initial", 200));

        Request notify = nextNotify(ue);
        // the dialog as RFC 6665 4.1.2 / RFC 3261 12.2.1.1 make it
        assertEquals(ue.uri("watcher"), notify.getRequestURI().toString());
        assertEquals(((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CallIdHeader) notify.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag(),
                ((FromHeader) notify.getHeader(FromHeader.NAME)).getTag());
        assertEquals(((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag(),
                ((ToHeader) notify.getHeader(ToHeader.NAME)).getTag());
        assertEquals(impu(alice), ((FromHeader) notify.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        assertEquals(1, cseq(notify));
        assertEquals("reg", ((EventHeader) notify.getHeader(EventHeader.NAME)).getEventType());
        assertEquals(SubscriptionStateHeader.ACTIVE.toLowerCase(), state(notify).getState().toLowerCase());
        assertTrue(state(notify).getExpires() > 599_000 && state(notify).getExpires() <= 600_000,
                "expires " + state(notify).getExpires());
        assertNotNull(notify.getHeader(ContactHeader.NAME), "NOTIFY carries the notifier's Contact");

        Reginfo reginfo = body(notify);
        assertEquals(0, reginfo.version());
        assertEquals(Reginfo.State.FULL, reginfo.state());
        assertEquals(alice.implicitSet().subList(0, 2),
                reginfo.registrations().stream().map(ReginfoRegistration::aor).toList(), "barred one left out");
        ReginfoContact contact = reginfo.registration(impu(alice)).orElseThrow().contacts().get(0);
        assertEquals(ue.uri(user(alice)), contact.uri());
        assertEquals(ContactEvent.REGISTERED, contact.event());

        RegEventSubscription stored = storage.regEventSubscriptions().get(dialogId(subscribe, ok)).orElseThrow();
        assertEquals(impu(alice), stored.watchedIdentity());
        assertEquals(ue.uri("watcher"), stored.remoteTarget());
        assertEquals(List.of(), stored.routeSet());
        assertEquals(0, stored.version());
        assertEquals(1, stored.localCseq());
    }

    @Test
    void theNotifyFollowsTheRecordRouteBackThroughThePcscf() throws Exception {
        Registration bob = registered("bob");
        Request subscribe = subscribe(ue, impu(bob), impu(bob), 600_000,
                "<sip:" + HOST + ":" + pcscfProxy.port() + ";lr>", "<sip:" + HOST + ":" + scscfA.port() + ";lr>");
        Response ok = send(ue, subscribe, null);
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        RecordRouteHeader recordRoute = (RecordRouteHeader) ok.getHeader(RecordRouteHeader.NAME);
        assertNotNull(recordRoute, "the 200 returns the P-CSCF's Record-Route");

        Request notify = nextNotify(ue);
        List<javax.sip.header.ViaHeader> vias = TestRequests.vias(notify);
        assertEquals(2, vias.size(), "the S-CSCF's Via under the P-CSCF's");
        assertEquals(pcscfProxy.port(), vias.get(0).getPort());
        assertEquals(scscfA.port(), vias.get(1).getPort());
        RegEventSubscription stored = storage.regEventSubscriptions().get(dialogId(subscribe, ok)).orElseThrow();
        assertEquals(List.of(recordRoute.getAddress().toString()), stored.routeSet());

        // a refresh along the dialog's route set reaches the S-CSCF through the P-CSCF too
        Response refreshed = send(ue, inDialog(ue, subscribe, ok, 2, 1200), null);
        assertEquals(Response.OK, refreshed.getStatusCode(), refreshed.getReasonPhrase());
        Request second = nextNotify(ue);
        assertEquals(2, cseq(second));
        assertEquals(1, body(second).version());
        assertEquals(2, TestRequests.vias(second).size());
    }

    @Test
    void aPcscfOnThePathOrItsPoolAndAnAsOfTheIfcsMaySubscribe() throws Exception {
        Registration carol = registered("carol");
        for (String asserted : List.of("sip:" + PCSCF_0, "sip:term@" + PCSCF_0 + ":5060", "sip:" + PCSCF_1, AS)) {
            Response ok = send(watcher, subscribe(watcher, impu(carol), asserted, 7200), scscfA);
            assertEquals(Response.OK, ok.getStatusCode(), asserted + ": " + ok.getReasonPhrase());
            assertEquals(1, body(nextNotify(watcher)).registration(impu(carol)).orElseThrow().contacts().size());
        }
        // the tel URI of the set is as good as the SIP URI, for the Request-URI and for the user itself
        String tel = carol.implicitSet().get(1);
        Response byTel = send(ue, subscribe(ue, tel, tel, 7200), scscfA);
        assertEquals(Response.OK, byTel.getStatusCode(), byTel.getReasonPhrase());
        assertEquals(tel, storage.regEventSubscriptions().findByWatchedIdentity(tel).get(0).watchedIdentity());
        nextNotify(ue);
    }

    @Test
    void anyoneElseIsForbidden() throws Exception {
        Registration dave = registered("dave");
        double forbiddenBefore = subscribes("initial", 403);
        List<String> strangers = new ArrayList<>(List.of("sip:mallory@" + REALM, "sip:pcscf.other.example.net",
                "sip:as.other.example.net", dave.implicitSet().get(2)));
        for (String asserted : strangers) {
            Response response = send(watcher, subscribe(watcher, impu(dave), asserted, 7200), scscfA);
            assertEquals(Response.FORBIDDEN, response.getStatusCode(), asserted);
            assertEquals("Not Authorized", response.getReasonPhrase());
        }
        Response anonymous = send(watcher, subscribe(watcher, impu(dave), null, 7200), scscfA);
        assertEquals(Response.FORBIDDEN, anonymous.getStatusCode(), "no P-Asserted-Identity");
        assertEquals(forbiddenBefore + strangers.size() + 1, subscribes("initial", 403));
        assertTrue(storage.regEventSubscriptions().findByWatchedIdentity(impu(dave)).isEmpty());
    }

    @Test
    void anIdentityWithoutBindingIsTemporarilyUnavailable() throws Exception {
        Response unknown = send(ue, subscribe(ue, "sip:nobody@" + REALM, "sip:nobody@" + REALM, 7200), scscfA);
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, unknown.getStatusCode());
        assertEquals("Not Registered", unknown.getReasonPhrase());
        // a registration whose bindings have all expired (not yet swept) has no binding either
        Registration erin = registered("erin");
        String user = user(erin);
        write(erin.withContacts(List.of(contact(ue.uri(user), Instant.now().minusSeconds(5), List.of(), "x", 1))));
        Response expired = send(ue, subscribe(ue, impu(erin), impu(erin), 7200), scscfA);
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, expired.getStatusCode());
    }

    @Test
    void otherEventPackagesAndBodyTypesAreRefused() throws Exception {
        Registration frank = registered("frank");
        Request presence = subscribe(ue, impu(frank), impu(frank), 7200);
        presence.setHeader(ue.node().headers().createEventHeader("presence"));
        Response badEvent = send(ue, presence, scscfA);
        assertEquals(Response.BAD_EVENT, badEvent.getStatusCode());
        assertEquals("reg", ((AllowEventsHeader) badEvent.getHeader(AllowEventsHeader.NAME)).getEventType());

        Request noEvent = subscribe(ue, impu(frank), impu(frank), 7200);
        noEvent.removeHeader(EventHeader.NAME);
        assertEquals(Response.BAD_REQUEST, send(ue, noEvent, scscfA).getStatusCode());

        Request pidf = subscribe(ue, impu(frank), impu(frank), 7200);
        pidf.setHeader(ue.node().headers().createAcceptHeader("application", "pidf+xml"));
        assertEquals(Response.NOT_ACCEPTABLE, send(ue, pidf, scscfA).getStatusCode());
        assertTrue(storage.regEventSubscriptions().findByWatchedIdentity(impu(frank)).isEmpty());
    }

    @Test
    void expiresIsBoundedAndDefaulted() throws Exception {
        Registration grace = registered("grace");
        Response brief = send(ue, subscribe(ue, impu(grace), impu(grace), 30), scscfA);
        assertEquals(Response.INTERVAL_TOO_BRIEF, brief.getStatusCode());
        assertEquals(60, ((MinExpiresHeader) brief.getHeader(MinExpiresHeader.NAME)).getExpires());

        Response cut = send(ue, subscribe(ue, impu(grace), impu(grace), 900_000), scscfA);
        assertEquals(Response.OK, cut.getStatusCode());
        assertEquals(600_000, ((ExpiresHeader) cut.getHeader(ExpiresHeader.NAME)).getExpires());
        nextNotify(ue);

        Response standard = send(ue, subscribe(ue, impu(grace), impu(grace), null), scscfA);
        assertEquals(3761, ((ExpiresHeader) standard.getHeader(ExpiresHeader.NAME)).getExpires());
        nextNotify(ue);
    }

    @Test
    void registrationChangesAreNotifiedUntilTheRegistrationEnds() throws Exception {
        Registration henry = registered("henry");
        String user = user(henry);
        Request subscribe = subscribe(ue, impu(henry), impu(henry), 600_000);
        Response ok = send(ue, subscribe, scscfA);
        assertEquals(0, body(nextNotify(ue)).version());

        // re-registration: the binding refreshed
        Registration refreshed = write(henry.withContacts(List.of(ueContact(user, 3600, "reg-" + user, 2))));
        notifierA.onChange(change(Cause.REFRESHED, henry, refreshed, null));
        Request second = nextNotify(ue);
        assertEquals(2, cseq(second));
        Reginfo reginfo = body(second);
        assertEquals(1, reginfo.version());
        ReginfoContact contact = reginfo.registration(impu(henry)).orElseThrow().contacts().get(0);
        assertEquals(ContactEvent.REFRESHED, contact.event());
        assertTrue(contact.expires() > 3500 && contact.expires() <= 3600, "expires " + contact.expires());

        // a second device registers
        Contact tablet = contact(ue.uri(user + "-tablet"), Instant.now().plusSeconds(600), List.of(), "reg-tab", 1);
        Registration twoDevices = write(refreshed.withContact(tablet));
        notifierA.onChange(change(Cause.REFRESHED, refreshed, twoDevices, null));
        Request third = nextNotify(ue);
        assertEquals(3, cseq(third));
        assertEquals(ContactEvent.REGISTERED, body(third).registration(impu(henry)).orElseThrow()
                .contactByUri(ue.uri(user + "-tablet")).orElseThrow().event());

        // the user de-registers everything: terminated, and the subscription with it
        storage.registrations().remove(henry.impi());
        notifierA.onChange(change(Cause.UE_DEREGISTERED, twoDevices, null, null));
        Request last = nextNotify(ue);
        assertEquals(4, cseq(last));
        assertEquals("terminated", state(last).getState().toLowerCase());
        assertEquals("noresource", state(last).getReasonCode());
        Reginfo ended = body(last);
        assertEquals(3, ended.version());
        ReginfoRegistration registration = ended.registration(impu(henry)).orElseThrow();
        assertEquals(ReginfoRegistration.State.TERMINATED, registration.state());
        assertEquals(2, registration.contacts().size());
        registration.contacts().forEach(c -> assertEquals(ContactEvent.UNREGISTERED, c.event()));
        assertTrue(storage.regEventSubscriptions().get(dialogId(subscribe, ok)).isEmpty());
    }

    @Test
    void aPermanentTerminationRejectsTheContacts() throws Exception {
        Registration ivan = registered("ivan");
        send(ue, subscribe(ue, impu(ivan), impu(ivan), 600_000), scscfA);
        nextNotify(ue);
        storage.registrations().remove(ivan.impi());
        notifierA.onChange(change(Cause.NETWORK_DEREGISTERED, ivan, null,
                new RtrReason(ReasonCode.PERMANENT_TERMINATION, null).text()));
        Request last = nextNotify(ue);
        assertEquals("terminated", state(last).getState().toLowerCase());
        assertEquals(ContactEvent.REJECTED,
                body(last).registration(impu(ivan)).orElseThrow().contacts().get(0).event());
    }

    @Test
    void theSubscriberRefreshesAndUnsubscribesInTheDialog() throws Exception {
        Registration judy = registered("judy");
        Request subscribe = subscribe(ue, impu(judy), impu(judy), 3600);
        Response ok = send(ue, subscribe, scscfA);
        nextNotify(ue);
        String id = dialogId(subscribe, ok);

        Response refreshed = send(ue, inDialog(ue, subscribe, ok, 2, 1200), scscfA);
        assertEquals(Response.OK, refreshed.getStatusCode());
        assertEquals(1200, ((ExpiresHeader) refreshed.getHeader(ExpiresHeader.NAME)).getExpires());
        Request second = nextNotify(ue);
        assertEquals(2, cseq(second));
        assertTrue(state(second).getExpires() <= 1200, "expires " + state(second).getExpires());
        Instant until = storage.regEventSubscriptions().get(id).orElseThrow().expiresAt();
        assertTrue(until.isBefore(Instant.now().plusSeconds(1201)), until.toString());

        Response unsubscribed = send(ue, inDialog(ue, subscribe, ok, 3, 0), scscfA);
        assertEquals(Response.OK, unsubscribed.getStatusCode());
        Request last = nextNotify(ue);
        assertEquals(3, cseq(last));
        assertEquals("terminated", state(last).getState().toLowerCase());
        assertEquals("timeout", state(last).getReasonCode());
        assertEquals(ReginfoRegistration.State.ACTIVE,
                body(last).registration(impu(judy)).orElseThrow().state(), "the state as it is");
        assertTrue(storage.regEventSubscriptions().get(id).isEmpty());

        Response gone = send(ue, inDialog(ue, subscribe, ok, 4, 1200), scscfA);
        assertEquals(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, gone.getStatusCode());
    }

    @Test
    void aFetchGetsOneTerminatedNotifyAndStoresNothing() throws Exception {
        Registration kate = registered("kate");
        Request fetch = subscribe(ue, impu(kate), impu(kate), 0);
        Response ok = send(ue, fetch, scscfA);
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals(0, ((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires());
        Request notify = nextNotify(ue);
        assertEquals(1, cseq(notify));
        assertEquals("terminated", state(notify).getState().toLowerCase());
        assertEquals("timeout", state(notify).getReasonCode());
        assertEquals(0, body(notify).version());
        assertEquals(ReginfoRegistration.State.ACTIVE, body(notify).registration(impu(kate)).orElseThrow().state());
        assertTrue(storage.regEventSubscriptions().get(dialogId(fetch, ok)).isEmpty());
    }

    @Test
    void anyReplicaSendsTheNextNotifyWithTheNextVersionAndCseq() throws Exception {
        Registration leo = registered("leo");
        String user = user(leo);
        send(ue, subscribe(ue, impu(leo), impu(leo), 600_000), scscfA);
        assertEquals(scscfA.port(), TestRequests.vias(nextNotify(ue)).get(0).getPort());

        Registration refreshed = write(leo.withContacts(List.of(ueContact(user, 1800, "reg-" + user, 2))));
        notifierB.onChange(change(Cause.REFRESHED, leo, refreshed, null));
        Request fromB = nextNotify(ue);
        assertEquals(scscfB.port(), TestRequests.vias(fromB).get(0).getPort(), "sent by the other replica");
        assertEquals(2, cseq(fromB));
        assertEquals(1, body(fromB).version());

        Registration again = write(refreshed.withContacts(List.of(ueContact(user, 3600, "reg-" + user, 3))));
        notifierA.onChange(change(Cause.REFRESHED, refreshed, again, null));
        Request fromA = nextNotify(ue);
        assertEquals(3, cseq(fromA));
        assertEquals(2, body(fromA).version());
    }

    @Test
    void aNotifyAnswered481EndsTheSubscription() throws Exception {
        Registration mia = registered("mia");
        String user = user(mia);
        Request subscribe = subscribe(ue, impu(mia), impu(mia), 600_000);
        Response ok = send(ue, subscribe, scscfA);
        nextNotify(ue);
        ue.answerWith(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        Registration refreshed = write(mia.withContacts(List.of(ueContact(user, 1800, "reg-" + user, 2))));
        notifierA.onChange(change(Cause.REFRESHED, mia, refreshed, null));
        nextNotify(ue);
        String id = dialogId(subscribe, ok);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (storage.regEventSubscriptions().get(id).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(storage.regEventSubscriptions().get(id).isEmpty(), "RFC 6665 4.2.2: 481 ends it");
        var answered481 = meters.find(RegEventNotifier.NOTIFY_METER).tag("outcome", "481").counter();
        assertTrue(answered481 != null && answered481.count() >= 1, "counted by outcome");
    }
}
