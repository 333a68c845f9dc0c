package io.kubeims.cscf.scscf.thirdparty;

import static io.kubeims.cscf.scscf.ScscfFixtures.contact;
import static io.kubeims.cscf.scscf.ScscfFixtures.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.RecordingUserAgent;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationChange.Cause;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.TriggerPoint;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

/**
 * Third-party registration (TS 24.229 5.4.1.7, 5.4.1.7A) from an S-CSCF node to two recording ASes on loopback,
 * triggered by registration changes as the registrar reports them; iFCs per TS 29.228 Annex B/C.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyRegistrationTest {

    private static final String REALM = "ims.example.com";
    private static final String SCSCF_URI = "sip:scscf.ims.example.com:6060";
    private static final AtomicInteger USERS = new AtomicInteger();

    private final LinkedBlockingQueue<String> deregistered = new LinkedBlockingQueue<>();
    private SimpleMeterRegistry meters;
    private SipNode scscf;
    private ThirdPartyRegistration thirdParty;
    private RecordingUserAgent as1;
    private RecordingUserAgent as2;

    @BeforeAll
    void start() throws Exception {
        meters = new SimpleMeterRegistry();
        scscf = new SipNode(SipNodeSettings.of("scscf", "127.0.0.1", 0)).start(RequestDispatcher.builder().build());
        thirdParty = new ThirdPartyRegistration(scscf, new CxUserDataReader(),
                new ThirdPartyRegistrationSettings(SCSCF_URI, REALM, Duration.ofSeconds(2)),
                (impi, reason) -> deregistered.add(impi + " / " + reason), meters);
        as1 = RecordingUserAgent.start("as1");
        as2 = RecordingUserAgent.start("as2");
    }

    @AfterAll
    void stop() {
        SipNode.closeAll(List.of(scscf, as1.node(), as2.node()));
    }

    @AfterEach
    void reset() {
        as1.answerWith(200);
        as2.answerWith(200);
        as1.drain();
        as2.drain();
        deregistered.clear();
    }

    // ---- fixtures ----

    private String asUri(RecordingUserAgent as) {
        return "sip:127.0.0.1:" + as.node().port();
    }

    /** An iFC on REGISTER (of these registration types; none = every REGISTER), TS 29.228 Annex B.2.2. */
    private InitialFilterCriteria onRegister(int priority, ApplicationServer server, RegistrationType... types) {
        return new InitialFilterCriteria(priority, new TriggerPoint(true, List.of(new ServicePointTrigger(false,
                List.of(0), new MethodCondition(Request.REGISTER, Set.of(types))))), server, null);
    }

    private InitialFilterCriteria onInvite(int priority, ApplicationServer server) {
        return new InitialFilterCriteria(priority, new TriggerPoint(true, List.of(new ServicePointTrigger(false,
                List.of(0), new MethodCondition(Request.INVITE)))), server, null);
    }

    private ApplicationServer server(RecordingUserAgent as, DefaultHandling handling) {
        return new ApplicationServer(asUri(as), handling);
    }

    private Registration registered(List<InitialFilterCriteria> ifcs) {
        String user = "user" + USERS.incrementAndGet();
        return registration(user + "@" + REALM, List.of(new PublicIdentity("sip:" + user + "@" + REALM),
                new PublicIdentity("tel:+1555" + (2000 + USERS.get()))), ifcs,
                List.of(contact("sip:" + user + "@192.0.2.7:5060", Instant.now().plusSeconds(600), List.of(),
                        "reg-" + user, 1)));
    }

    /** The REGISTER the UE sent (with a P-Charging-Vector as the P-CSCF adds it) and the S-CSCF's 200 (OK). */
    private Request register(Registration registration, int expires) throws Exception {
        AddressFactory addresses = scscf.addresses();
        HeaderFactory headers = scscf.headers();
        var aor = addresses.createAddress(registration.implicitSet().get(0));
        Request register = scscf.messages().createRequest(addresses.createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(2L, Request.REGISTER),
                headers.createFromHeader(aor, "ue1"), headers.createToHeader(aor, null), new ArrayList<>(),
                headers.createMaxForwardsHeader(69));
        register.addHeader(headers.createViaHeader("192.0.2.7", 5060, "udp", "z9hG4bKue1"));
        register.addHeader(headers.createHeader("Contact", "<sip:ue@192.0.2.7:5060>;expires=" + expires));
        register.addHeader(headers.createHeader(ChargingVector.NAME,
                "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=023551024\";icid-generated-at=192.0.2.7"));
        return register;
    }

    private Response ok(Request register) throws Exception {
        Response ok = scscf.messages().createResponse(Response.OK, register);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("scscf1");
        return ok;
    }

    private RegistrationChange change(Cause cause, Registration before, Registration after, Request register,
            Response response) {
        return new RegistrationChange(cause, (after != null ? after : before).impi(), before, after, register,
                response, null, Instant.now());
    }

    private static int expires(Request request) {
        return ((ExpiresHeader) request.getHeader(ExpiresHeader.NAME)).getExpires();
    }

    private double count(String type, String outcome) {
        Counter counter = meters.find(ThirdPartyRegistration.REGISTER_METER).tags("type", type, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits (bounded) until the outcome was counted {@code times}: its handling is then complete. */
    private void awaitCount(String type, String outcome, double times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingUserAgent.WAIT_SECONDS);
        while (count(type, outcome) < times && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(times, count(type, outcome), type + " " + outcome);
    }

    // ---- tests ----

    @Test
    void aRegistrationReachesTheAsWhoseIfcMatchesAREGISTER() throws Exception {
        Registration user = registered(List.of(onInvite(0, server(as2, DefaultHandling.SESSION_CONTINUED)),
                onRegister(1, server(as1, DefaultHandling.SESSION_CONTINUED))));
        Request register = register(user, 600);
        double before = count("registration", "200");
        thirdParty.onChange(change(Cause.REGISTERED, null, user, register, ok(register)));

        Request received = as1.next();
        assertEquals(Request.REGISTER, received.getMethod());
        assertEquals(asUri(as1), received.getRequestURI().toString());
        FromHeader from = (FromHeader) received.getHeader(FromHeader.NAME);
        assertEquals(SCSCF_URI, from.getAddress().getURI().toString());
        assertNotNull(from.getTag());
        assertEquals(user.implicitSet().get(0),
                ((ToHeader) received.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
        assertEquals(SCSCF_URI,
                ((ContactHeader) received.getHeader(ContactHeader.NAME)).getAddress().getURI().toString());
        assertTrue(expires(received) > 590 && expires(received) <= 600, "Expires " + expires(received));
        ChargingVector vector = ChargingVector.read(received).orElseThrow();
        assertEquals("AyretyU0dm+6O2IrT5tAFrbHLso=023551024", vector.icidValue(), "the REGISTER's icid");
        assertEquals(REALM, vector.origIoi().orElseThrow());
        assertEquals(0, received.getContentLength().getContentLength(), "no Include flags, no ServiceInfo");
        awaitCount("registration", "200", before + 1);
        assertTrue(as2.drain().isEmpty(), "the INVITE iFC (evaluated first) does not match a REGISTER");
    }

    @Test
    void includeFlagsAndServiceInfoMakeTheBody() throws Exception {
        ApplicationServer everything = new ApplicationServer(asUri(as1), DefaultHandling.SESSION_CONTINUED,
                "<premium & gold>", true, true);
        ApplicationServer requestOnly = new ApplicationServer(asUri(as2), DefaultHandling.SESSION_CONTINUED, null,
                true, false);
        Registration user = registered(List.of(onRegister(0, everything), onRegister(1, requestOnly)));
        Request register = register(user, 600);
        thirdParty.onChange(change(Cause.REGISTERED, null, user, register, ok(register)));

        Request full = as1.next();
        ContentTypeHeader type = (ContentTypeHeader) full.getHeader(ContentTypeHeader.NAME);
        assertEquals("multipart", type.getContentType());
        assertEquals("mixed", type.getContentSubType());
        String boundary = type.getParameter("boundary");
        assertNotNull(boundary, "RFC 2046 5.1.1");
        List<String[]> parts = multipart(new String(full.getRawContent(), StandardCharsets.UTF_8), boundary);
        assertEquals(3, parts.size());
        assertEquals("message/sip", parts.get(0)[0]);
        assertTrue(parts.get(0)[1].startsWith("REGISTER sip:" + REALM + " SIP/2.0\r\n"), parts.get(0)[1]);
        assertTrue(parts.get(0)[1].contains("icid-value"), "the REGISTER as received");
        assertEquals("message/sip", parts.get(1)[0]);
        assertTrue(parts.get(1)[1].startsWith("SIP/2.0 200 OK\r\n"), parts.get(1)[1]);
        assertEquals("application/3gpp-ims+xml", parts.get(2)[0]);
        var factory = DocumentBuilderFactory.newDefaultInstance();
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                parts.get(2)[1].getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("ims-3gpp", root.getTagName());
        assertEquals("1", root.getAttribute("version"));
        assertEquals("<premium & gold>", root.getElementsByTagName("service-info").item(0).getTextContent());

        Request one = as2.next();
        ContentTypeHeader single = (ContentTypeHeader) one.getHeader(ContentTypeHeader.NAME);
        assertEquals("message", single.getContentType());
        assertEquals("sip", single.getContentSubType());
        assertTrue(new String(one.getRawContent(), StandardCharsets.UTF_8).startsWith("REGISTER sip:" + REALM));
    }

    /** Splits a multipart body into [Content-Type, content] pairs (RFC 2046 5.1.1). */
    private static List<String[]> multipart(String body, String boundary) {
        List<String[]> parts = new ArrayList<>();
        String[] pieces = body.split("--" + java.util.regex.Pattern.quote(boundary));
        assertEquals("--\r\n", pieces[pieces.length - 1], "closing delimiter");
        for (int i = 1; i < pieces.length - 1; i++) {
            String piece = pieces[i].substring(2, pieces[i].length() - 2);   // CRLF after delimiter, before next
            int blank = piece.indexOf("\r\n\r\n");
            String headers = piece.substring(0, blank);
            assertTrue(headers.startsWith("Content-Type: "), headers);
            parts.add(new String[] {headers.substring("Content-Type: ".length()).trim(), piece.substring(blank + 4)});
        }
        return parts;
    }

    @Test
    void theRegistrationTypeOfTheChangeSelectsTheIfcs() throws Exception {
        ApplicationServer first = server(as1, DefaultHandling.SESSION_CONTINUED);
        ApplicationServer refresh = server(as2, DefaultHandling.SESSION_CONTINUED);
        Registration user = registered(List.of(
                onRegister(0, first, RegistrationType.INITIAL_REGISTRATION, RegistrationType.DE_REGISTRATION),
                onRegister(1, refresh, RegistrationType.RE_REGISTRATION)));
        Request register = register(user, 600);
        assertEquals(List.of(asUri(as1)), servers(change(Cause.REGISTERED, null, user, register, null)));
        RegistrationChange refreshed = change(Cause.REFRESHED, user, user, register, ok(register));
        assertEquals(List.of(asUri(as2)), servers(refreshed));

        thirdParty.onChange(refreshed);
        Request atRefresh = as2.next();
        assertTrue(expires(atRefresh) > 0);

        Request deregister = register(user, 0);
        thirdParty.onChange(change(Cause.UE_DEREGISTERED, user, null, deregister, ok(deregister)));
        Request atDeregistration = as1.next();
        assertEquals(0, expires(atDeregistration), "TS 24.229 5.4.1.7: Expires 0 on de-registration");
    }

    private List<String> servers(RegistrationChange change) {
        return thirdParty.targets(change).stream().map(t -> t.server().serverName()).toList();
    }

    @Test
    void anExpiryIsADeRegistrationOfTheFirstUnbarredIdentity() throws Exception {
        String user = "user" + USERS.incrementAndGet();
        String barred = "sip:" + user + ".old@" + REALM;
        String impu = "sip:" + user + "@" + REALM;
        Registration registration = registration(user + "@" + REALM, List.of(
                new PublicIdentity(true, barred, IdentityType.PUBLIC_USER_IDENTITY, null, null),
                new PublicIdentity(impu)), List.of(onRegister(0, server(as1, DefaultHandling.SESSION_TERMINATED))),
                List.of(contact("sip:" + user + "@192.0.2.7", Instant.now().minusSeconds(1), List.of(), "r", 1)));
        thirdParty.onChange(change(Cause.EXPIRED, registration, null, null, null));
        Request received = as1.next();
        assertEquals(0, expires(received));
        assertEquals(impu, ((ToHeader) received.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
        ChargingVector vector = ChargingVector.read(received).orElseThrow();
        assertTrue(vector.icidValue().length() >= 16, "a new icid without a REGISTER");
        assertEquals(REALM, vector.origIoi().orElseThrow());
    }

    @Test
    void partialDeRegistrationsAndProfileUpdatesCallForNoRegister() throws Exception {
        Registration user = registered(List.of(onRegister(0, server(as1, DefaultHandling.SESSION_TERMINATED))));
        Registration twoDevices = user.withContact(contact("sip:tablet@192.0.2.8", Instant.now().plusSeconds(600),
                List.of(), "reg-tab", 1));
        Request deregister = register(user, 0);
        assertEquals(List.of(), servers(change(Cause.UE_DEREGISTERED, twoDevices, user, deregister, null)));
        assertEquals(List.of(), servers(change(Cause.EXPIRED, twoDevices, user, null, null)));
        assertEquals(List.of(), servers(change(Cause.PROFILE_UPDATED, user, user, null, null)));
        assertEquals(List.of(asUri(as1)), servers(change(Cause.NETWORK_DEREGISTERED, user, null, null, null)));
    }

    @Test
    void aFailingAsWithSessionTerminatedDeRegistersTheUser() throws Exception {
        Registration user = registered(List.of(onRegister(0, server(as1, DefaultHandling.SESSION_TERMINATED))));
        as1.answerWith(Response.SERVICE_UNAVAILABLE);
        Request register = register(user, 600);
        thirdParty.onChange(change(Cause.REGISTERED, null, user, register, ok(register)));
        as1.next();
        String done = deregistered.poll(RecordingUserAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(done, "TS 24.229 5.4.1.7: network-initiated de-registration");
        assertTrue(done.startsWith(user.impi() + " / "), done);
        assertTrue(done.contains("503"), done);
    }

    @Test
    void anAsThatNeverAnswersCountsAsFailed() throws Exception {
        Registration user = registered(List.of(onRegister(0, server(as1, DefaultHandling.SESSION_TERMINATED))));
        as1.answerWith(0);
        Request register = register(user, 600);
        thirdParty.onChange(change(Cause.REFRESHED, user, user, register, ok(register)));
        String done = deregistered.poll(RecordingUserAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(done, "no final response within the timeout");
        assertTrue(done.contains("no final response"), done);
    }

    @Test
    void otherFailuresAndSessionContinuedLeaveTheRegistration() throws Exception {
        // 404 is not among the failures of TS 24.229 5.4.1.7 (408, 5xx, none)
        Registration terminating = registered(List.of(onRegister(0, server(as1,
                DefaultHandling.SESSION_TERMINATED))));
        as1.answerWith(Response.NOT_FOUND);
        double notFound = count("registration", "404");
        Request register = register(terminating, 600);
        thirdParty.onChange(change(Cause.REGISTERED, null, terminating, register, ok(register)));
        awaitCount("registration", "404", notFound + 1);
        assertTrue(deregistered.isEmpty(), deregistered.toString());

        Registration continuing = registered(List.of(onRegister(0, server(as2,
                DefaultHandling.SESSION_CONTINUED))));
        as2.answerWith(Response.SERVER_INTERNAL_ERROR);
        double failed = count("registration", "500");
        Request again = register(continuing, 600);
        thirdParty.onChange(change(Cause.REGISTERED, null, continuing, again, ok(again)));
        awaitCount("registration", "500", failed + 1);
        assertTrue(deregistered.isEmpty(), deregistered.toString());

        // a failed de-registration de-registers nothing more
        as1.answerWith(Response.SERVICE_UNAVAILABLE);
        double deregistrationFailed = count("deregistration", "503");
        thirdParty.onChange(change(Cause.EXPIRED, terminating, null, null, null));
        awaitCount("deregistration", "503", deregistrationFailed + 1);
        assertTrue(deregistered.isEmpty(), deregistered.toString());
    }

    @Test
    void settingsAreValidated() {
        InvalidThirdPartySettingsException uri = assertThrows(InvalidThirdPartySettingsException.class,
                () -> ThirdPartyRegistrationSettings.of("scscf.ims.example.com", REALM));
        assertEquals("scscfUri", uri.setting());
        assertEquals("homeDomain", assertThrows(InvalidThirdPartySettingsException.class,
                () -> ThirdPartyRegistrationSettings.of(SCSCF_URI, "not a domain")).setting());
        assertEquals("responseTimeout", assertThrows(InvalidThirdPartySettingsException.class,
                () -> new ThirdPartyRegistrationSettings(SCSCF_URI, REALM, Duration.ZERO)).setting());
    }
}
