package io.kubeims.cscf.scscf.registrar;

import static io.kubeims.cscf.scscf.registrar.ScscfTestbed.PCSCF_PATH;
import static io.kubeims.cscf.scscf.registrar.ScscfTestbed.REALM;
import static io.kubeims.cscf.scscf.registrar.ScscfTestbed.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.testing.CapturedLog;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.digest.AkaNonce;
import io.kubeims.protocol.digest.DigestChallenge;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The S-CSCF registrar over real SIP on loopback with a real HSS over Diameter and the embedded store: registration
 * with AKA and MD5 and what the 200 carries, refresh, query, de-registration, several bindings and RFC 5626 flows,
 * the expiry bounds, the out-of-order rule, the P-CSCF rule, integrity-protected re-registration, HSS refusals and,
 * last, the HSS being down. UEs stand in for the P-CSCF by putting it in Path themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScscfRegistrarTest {

    private static final String PCSCF2 = "pcscf2.ims.example.com";

    private ScscfTestbed testbed;
    private CapturedLog log;

    @BeforeAll
    void start() throws Exception {
        log = CapturedLog.of("io.kubeims.cscf.scscf");
        testbed = ScscfTestbed.start(1, settings -> new ScscfSettings(settings.homeDomain(), settings.serverName(),
                settings.serviceRoute(), settings.minExpires(), settings.defaultExpires(), settings.maxExpires(),
                settings.maxAuthAttempts(), settings.challengeLifetime(), Set.of(ScscfTestbed.PCSCF, PCSCF2), true,
                settings.defaultAuthScheme(), settings.retryAfter()));
    }

    @BeforeEach
    void atT0() {
        testbed.clock.set(ScscfTestbed.T0);
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
        if (log != null) {
            log.close();
        }
    }

    // ---- helpers ----

    static List<ContactHeader> contacts(Response response) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    static Optional<ContactHeader> contact(Response response, String uri) {
        return contacts(response).stream().filter(c -> c.getAddress().getURI().toString().equals(uri)).findFirst();
    }

    static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static void assertStatus(int status, String reason, Response response) {
        assertEquals(status, response.getStatusCode(), response.getReasonPhrase());
        assertEquals(reason, response.getReasonPhrase());
    }

    // ---- registration ----

    @Test
    void anAkaRegistrationIsChallengedThenAcceptedWithEverythingTheUeNeeds() throws Exception {
        ScscfTestbed.Provisioned alice = testbed.provisionAka("alice",
                new PublicUserIdentity("sip:{name}-work@" + REALM),
                new PublicUserIdentity("sip:{name}-barred@" + REALM, true, null),
                new PublicUserIdentity("tel:+15550100"));
        UserEquipment ue = testbed.ue(alice);

        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        Response challenge = ue.send(initial);
        assertStatus(Response.UNAUTHORIZED, "Unauthorized", challenge);
        DigestChallenge digest = UserEquipment.challengeOf(challenge);
        assertEquals(REALM, digest.realm());
        assertEquals(Optional.of("AKAv1-MD5"), digest.algorithm());
        assertEquals(List.of("auth"), digest.qopOptions());
        assertFalse(digest.stale());
        // RFC 3310 3.2: base64(RAND || AUTN), nothing more
        assertEquals(32, Base64.getDecoder().decode(digest.nonce()).length);
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(alice.impi()).state());

        Request answer = ue.newRegister(600);
        assertFalse(ue.authorize(answer, digest, UserEquipment.Answering.CORRECTLY), "the USIM accepts the SQN");
        // TS 24.229 5.4.1.2.1: ck and ik are the keys the USIM derived from this RAND (Milenage f3/f4 on both sides)
        UsimResult.Authenticated keys = (UsimResult.Authenticated) ue.usimResult(digest.nonce()).orElseThrow();
        assertEquals(HexKey.format(keys.ck()), digest.otherParams().get("ck"));
        assertEquals(HexKey.format(keys.ik()), digest.otherParams().get("ik"));
        AkaNonce nonce = AkaNonce.decode(digest.nonce());
        assertEquals(16, nonce.rand().length);

        Response ok = ue.send(answer);
        assertStatus(Response.OK, "OK", ok);
        List<ContactHeader> bound = contacts(ok);
        assertEquals(1, bound.size());
        assertEquals(ue.contactUri(), bound.get(0).getAddress().getURI().toString());
        assertEquals(600, bound.get(0).getExpires());
        assertEquals(List.of("<" + ScscfTestbed.SERVICE_ROUTE + ">"), TestRequests.values(ok, "Service-Route"));
        // the implicit set, default identity first, the barred one left out (TS 24.229 5.4.1.2.2)
        String name = alice.impi().substring(0, alice.impi().indexOf('@'));
        assertEquals(List.of("<" + alice.impu() + ">", "<sip:" + name + "-work@" + REALM + ">", "<tel:+15550100>"),
                TestRequests.values(ok, "P-Associated-URI"));
        assertEquals(List.of(PCSCF_PATH), TestRequests.values(ok, "Path"), "Path echoed (RFC 3327 5.3)");
        assertEquals(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(ScscfTestbed.T0,
                ZoneOffset.UTC)), TestRequests.values(ok, "Date").get(0));
        assertNull(ok.getHeader("WWW-Authenticate"));

        RegistrationRecord hss = testbed.hssRecord(alice.impi());
        assertEquals(RegistrationState.REGISTERED, hss.state(), "SAR REGISTRATION reached the HSS");
        assertEquals(SERVER_NAME, hss.serverName());
        Registration registration = testbed.stored(alice.impi()).orElseThrow();
        assertEquals(4, registration.implicitSet().size());
        assertEquals(SERVER_NAME, registration.scscfPool());
        Contact contact = registration.contacts().get(0);
        assertEquals(ScscfTestbed.T0.plusSeconds(600), contact.expiresAt());
        assertEquals(List.of(PCSCF_PATH), contact.path());
        assertEquals(ue.callId(), contact.callId());
        assertEquals("UDP", contact.receivedFrom().transport());

        List<RegistrationChange> changes = testbed.awaitChanges(alice.impi(), 1);
        assertEquals(1, changes.size());
        assertEquals(RegistrationChange.Cause.REGISTERED, changes.get(0).cause());
        assertNull(changes.get(0).before());
        assertEquals(registration, changes.get(0).after());
        assertEquals(Response.OK, changes.get(0).response().getStatusCode());
        assertEquals(ue.callId(), callId(changes.get(0).register()));

        // one line per REGISTER, DEBUG, with its Call-ID (both REGISTERs share it)
        List<CapturedLog.Line> lines = log.mentioning(ue.callId());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(line -> line.level().intValue() == Level.FINE.intValue()), lines.toString());
        assertTrue(lines.get(0).message().contains("401"), lines.toString());
        assertTrue(lines.get(1).message().contains("200"), lines.toString());
        // never a secret: nonce, keys, the response
        String logged = log.all().toString();
        for (String secret : List.of(digest.nonce(), digest.otherParams().get("ck"), digest.otherParams().get("ik"),
                HexKey.format(keys.res()))) {
            assertFalse(logged.contains(secret), "a secret in the log");
        }
        assertFalse(logged.contains(ue.lastAuthorization().replaceAll(".*response=\"([0-9a-f]+)\".*", "$1")));
    }

    @Test
    void anMd5RegistrationUsesTheHssRealmAndItsOwnNonce() throws Exception {
        ScscfTestbed.Provisioned bob = testbed.provisionDigest("bob");
        UserEquipment ue = testbed.ue(bob);
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        Response challenge = ue.send(initial);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        DigestChallenge digest = UserEquipment.challengeOf(challenge);
        assertEquals(Optional.of("MD5"), digest.algorithm());
        assertEquals(REALM, digest.realm());
        assertEquals(List.of("auth"), digest.qopOptions());
        assertFalse(digest.otherParams().containsKey("ck"), "no keys without AKA");
        assertEquals(16, Base64.getDecoder().decode(digest.nonce()).length, "128 random bits");

        Request answer = ue.newRegister(600);
        ue.authorize(answer, digest, UserEquipment.Answering.CORRECTLY);
        Response ok = ue.send(answer);
        assertStatus(Response.OK, "OK", ok);
        assertEquals(List.of("<" + bob.impu() + ">"), TestRequests.values(ok, "P-Associated-URI"));
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(bob.impi()).state());
    }

    @Test
    void aReRegistrationRefreshesTheBindingAndTheMaximumCutsLongExpiries() throws Exception {
        ScscfTestbed.Provisioned carol = testbed.provisionAka("carol");
        UserEquipment ue = testbed.ue(carol);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(100));
        Response refreshed = ue.register(99_999);
        assertStatus(Response.OK, "OK", refreshed);
        assertEquals(3600, contacts(refreshed).get(0).getExpires(), "cut to maxExpires (RFC 3261 10.3 step 7)");
        assertEquals(ScscfTestbed.T0.plusSeconds(3700), testbed.stored(carol.impi()).orElseThrow().contacts().get(0)
                .expiresAt());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(carol.impi()).state());
        List<RegistrationChange> changes = testbed.awaitChanges(carol.impi(), 2);
        assertEquals(List.of(RegistrationChange.Cause.REGISTERED, RegistrationChange.Cause.REFRESHED),
                changes.stream().map(RegistrationChange::cause).toList());
    }

    @Test
    void aNonZeroExpiryBelowTheMinimumIsIntervalTooBriefBeforeAnyChallenge() throws Exception {
        ScscfTestbed.Provisioned dave = testbed.provisionAka("dave");
        UserEquipment ue = testbed.ue(dave);
        Response response = ue.register(30);
        assertStatus(Response.INTERVAL_TOO_BRIEF, "Interval Too Brief", response);
        assertEquals(60, ((MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME)).getExpires());
        assertEquals(Optional.empty(), testbed.stored(dave.impi()));
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(dave.impi()).state());
        assertNull(testbed.hssRecord(dave.impi()).pendingServerName(), "no MAR was sent");
    }

    @Test
    void aQueryListsTheBindingsAndChangesNothing() throws Exception {
        ScscfTestbed.Provisioned erin = testbed.provisionDigest("erin");
        UserEquipment ue = testbed.ue(erin);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(10));
        Response listed = ue.query();
        assertStatus(Response.OK, "OK", listed);
        assertEquals(590, contact(listed, ue.contactUri()).orElseThrow().getExpires(), "the remaining time");
        // a query is no change: the next change the observer hears of is the de-registration's
        assertEquals(Response.OK, ue.deregister().getStatusCode());
        assertEquals(List.of(RegistrationChange.Cause.REGISTERED, RegistrationChange.Cause.UE_DEREGISTERED),
                testbed.awaitChanges(erin.impi(), 2).stream().map(RegistrationChange::cause).toList());
    }

    @Test
    void deRegistrationRemovesTheBindingAndTellsTheHss() throws Exception {
        ScscfTestbed.Provisioned frank = testbed.provisionAka("frank");
        UserEquipment ue = testbed.ue(frank);
        assertEquals(Response.OK, ue.register().getStatusCode());
        Response gone = ue.deregister();
        assertStatus(Response.OK, "OK", gone);
        assertTrue(contacts(gone).isEmpty());
        assertNull(gone.getHeader("Service-Route"), "nothing registered any more");
        assertEquals(Optional.empty(), testbed.stored(frank.impi()));
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(frank.impi()).state(),
                "SAR USER_DEREGISTRATION");
        List<RegistrationChange> changes = testbed.awaitChanges(frank.impi(), 2);
        assertEquals(RegistrationChange.Cause.UE_DEREGISTERED, changes.get(1).cause());
        assertNull(changes.get(1).after());
    }

    @Test
    void severalContactsAreKeptApartAndOneMayLeave() throws Exception {
        ScscfTestbed.Provisioned grace = testbed.provisionDigest("grace");
        UserEquipment phone = testbed.ue(grace);
        UserEquipment laptop = testbed.ue(grace);
        assertEquals(Response.OK, phone.register(600).getStatusCode());
        Response both = laptop.register(1200);
        assertEquals(Response.OK, both.getStatusCode());
        assertEquals(600, contact(both, phone.contactUri()).orElseThrow().getExpires());
        assertEquals(1200, contact(both, laptop.contactUri()).orElseThrow().getExpires());

        Response left = phone.deregister();
        assertEquals(Response.OK, left.getStatusCode());
        assertEquals(List.of(laptop.contactUri()), contacts(left).stream()
                .map(c -> c.getAddress().getURI().toString()).toList());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(grace.impi()).state(), "one binding is left");
        RegistrationChange change = testbed.awaitChanges(grace.impi(), 3).get(2);
        assertEquals(RegistrationChange.Cause.UE_DEREGISTERED, change.cause());
        assertEquals(1, change.after().contacts().size());

        Response none = laptop.deregisterAll();
        assertEquals(Response.OK, none.getStatusCode());
        assertTrue(contacts(none).isEmpty());
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(grace.impi()).state());
    }

    @Test
    void rfc5626FlowsOfOneInstanceAreDistinctAndAReRegisteredFlowReplacesItsBinding() throws Exception {
        ScscfTestbed.Provisioned heidi = testbed.provisionAka("heidi");
        String instance = "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";
        UserEquipment flow1 = testbed.ue(testbed.settings(heidi, 0, NextHop.UDP).withPath(PCSCF_PATH)
                .withFlow(instance, 1));
        UserEquipment flow2 = testbed.ue(testbed.settings(heidi, 0, NextHop.UDP).withPath(PCSCF_PATH)
                .withFlow(instance, 2));
        assertEquals(Response.OK, flow1.register().getStatusCode());
        Response two = flow2.register();
        assertEquals(2, contacts(two).size(), contacts(two).toString());
        ContactHeader second = contact(two, flow2.contactUri()).orElseThrow();
        assertTrue(second.getParameter("+sip.instance").contains("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
                second.toString());
        assertEquals("2", second.getParameter("reg-id"));

        // the same instance and reg-id from a new address: the flow moved, its binding is replaced (RFC 5626 6)
        UserEquipment flow1Again = testbed.ue(testbed.settings(heidi, 0, NextHop.UDP).withPath(PCSCF_PATH)
                .withFlow(instance, 1));
        Response replaced = flow1Again.register();
        assertEquals(2, contacts(replaced).size());
        assertTrue(contact(replaced, flow1Again.contactUri()).isPresent());
        assertTrue(contact(replaced, flow1.contactUri()).isEmpty());
    }

    @Test
    void aRegisterOlderThanTheBindingOfItsCallIdFails() throws Exception {
        ScscfTestbed.Provisioned ivan = testbed.provisionDigest("ivan");
        UserEquipment ue = testbed.ue(ivan);
        assertEquals(Response.OK, ue.register().getStatusCode());
        long written = ue.lastCseq();
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        DigestChallenge digest = UserEquipment.challengeOf(ue.send(initial));
        Request late = ue.newRegister(600, written - 1);
        ue.authorize(late, digest, UserEquipment.Answering.CORRECTLY);
        Response failed = ue.send(late);
        assertStatus(Response.SERVER_INTERNAL_ERROR, "Out Of Order REGISTER", failed);
        assertEquals(written, testbed.stored(ivan.impi()).orElseThrow().contacts().get(0).cseq(), "binding unchanged");
    }

    @Test
    void overTcpTheBindingRemembersTheTransport() throws Exception {
        ScscfTestbed.Provisioned judy = testbed.provisionAka("judy");
        UserEquipment ue = testbed.ue(testbed.settings(judy, 0, NextHop.TCP).withPath(PCSCF_PATH));
        Response ok = ue.register();
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals(ue.contactUri(), contacts(ok).get(0).getAddress().getURI().toString());
        assertTrue(ue.contactUri().endsWith(";transport=tcp"));
        assertEquals("TCP", testbed.stored(judy.impi()).orElseThrow().contacts().get(0).receivedFrom().transport());
    }

    @Test
    void aWildcardWithoutExpiresZeroIsABadRequest() throws Exception {
        ScscfTestbed.Provisioned olga = testbed.provisionDigest("olga");
        UserEquipment ue = testbed.ue(olga);
        assertEquals(Response.OK, ue.register().getStatusCode());
        Request wildcard = ue.newWildcardRemoval();
        wildcard.removeHeader("Expires");
        ue.authorizeInitially(wildcard);
        assertStatus(Response.BAD_REQUEST, "Invalid Wildcard Contact", ue.send(wildcard));
        assertEquals(1, testbed.stored(olga.impi()).orElseThrow().contacts().size());
    }

    @Test
    void anAlgorithmTheSubscriberDoesNotUseIsForbiddenByTheHss() throws Exception {
        // the UE's algorithm picks the MAR's scheme (RFC 3310 3.1); an MD5 subscriber has no AKA vectors
        ScscfTestbed.Provisioned paul = testbed.provisionDigest("paul");
        UserEquipment ue = testbed.ue(paul);
        Request initial = ue.newRegister(600);
        ue.withAuthorization(initial, io.kubeims.protocol.digest.DigestCredentials.builder(paul.impi(), REALM, "",
                "sip:" + REALM).algorithm("AKAv1-MD5").build("").format());
        assertStatus(Response.FORBIDDEN, "Authentication Scheme Not Supported", ue.send(initial));
    }

    @Test
    void everyRegisterIsCountedByOutcomeAndCxRoundTripsAreTimed() throws Exception {
        double registered = testbed.registers(RegisterOutcome.REGISTERED);
        double challenged = testbed.registers(RegisterOutcome.CHALLENGED);
        ScscfTestbed.Provisioned quinn = testbed.provisionAka("quinn");
        assertEquals(Response.OK, testbed.ue(quinn).register().getStatusCode());
        assertEquals(registered + 1, testbed.registers(RegisterOutcome.REGISTERED));
        assertEquals(challenged + 1, testbed.registers(RegisterOutcome.CHALLENGED));
        var mar = testbed.meters.find(RegistrarMetrics.CX_DURATION).tag("command", "MAR").tag("result", "2001")
                .timer();
        var sar = testbed.meters.find(RegistrarMetrics.CX_DURATION).tag("command", "SAR").tag("result", "2001")
                .timer();
        assertNotNull(mar);
        assertNotNull(sar);
        assertTrue(mar.count() >= 1 && sar.count() >= 1);
    }

    // ---- the P-CSCF rule ----

    @Test
    void aRegisterNotThroughATrustedPcscfIsForbiddenWithoutTouchingTheHss() throws Exception {
        // seed 000: a UE sending its REGISTER straight to the Service-Route address
        ScscfTestbed.Provisioned mallory = testbed.provisionAka("mallory");
        UserEquipment direct = testbed.ue(testbed.settings(mallory, 0, NextHop.UDP));
        Response response = direct.register();
        assertStatus(Response.FORBIDDEN, "Registration Must Come Through The P-CSCF", response);
        UserEquipment viaStranger = testbed.ue(testbed.settings(mallory, 0, NextHop.UDP)
                .withPath("<sip:term@pcscf.elsewhere.example.net;lr>"));
        assertStatus(Response.FORBIDDEN, "Registration Must Come Through The P-CSCF", viaStranger.register());
        assertNull(testbed.hssRecord(mallory.impi()).pendingServerName(), "no MAR");
        assertEquals(Optional.empty(), testbed.stored(mallory.impi()));
    }

    // ---- integrity-protected REGISTER (TS 24.229 5.4.1.2.2) ----

    @Test
    void anIntegrityProtectedReRegistrationThroughTheSamePcscfIsAcceptedWithoutAChallenge() throws Exception {
        ScscfTestbed.Provisioned kate = testbed.provisionAka("kate");
        UserEquipment ue = testbed.ue(kate);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        double challengedBefore = testbed.registers(RegisterOutcome.CHALLENGED);

        Request refresh = ue.newRegister(1200);
        ue.authorizeInitially(refresh);
        ue.markIntegrityProtected(refresh);
        Response ok = ue.send(refresh);
        assertStatus(Response.OK, "OK", ok);
        assertEquals(1200, contacts(ok).get(0).getExpires());
        assertEquals(challengedBefore, testbed.registers(RegisterOutcome.CHALLENGED), "no new challenge");

        // a protected de-registration likewise
        Request leave = ue.newRegister(0);
        ue.authorizeInitially(leave);
        ue.markIntegrityProtected(leave);
        assertEquals(Response.OK, ue.send(leave).getStatusCode());
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(kate.impi()).state());
    }

    @Test
    void anIntegrityProtectedMarkIsNotEnoughForANewContactAnotherPcscfOrAnUnregisteredUser() throws Exception {
        ScscfTestbed.Provisioned leo = testbed.provisionAka("leo");
        UserEquipment registered = testbed.ue(leo);

        // not registered yet: challenged
        Request first = registered.newRegister(600);
        registered.authorizeInitially(first);
        registered.markIntegrityProtected(first);
        assertEquals(Response.UNAUTHORIZED, registered.send(first).getStatusCode());
        assertEquals(Response.OK, registered.register(600).getStatusCode());

        // a contact never registered: challenged
        UserEquipment newcomer = testbed.ue(leo);
        Request unknown = newcomer.newRegister(600);
        newcomer.authorizeInitially(unknown);
        newcomer.markIntegrityProtected(unknown);
        assertEquals(Response.UNAUTHORIZED, newcomer.send(unknown).getStatusCode());

        // the registered contact, but through another (trusted) P-CSCF than the one it registered through
        UserEquipment elsewhere = testbed.ue(testbed.settings(leo, 0, NextHop.UDP)
                .withPath("<sip:term@" + PCSCF2 + ";lr>"));
        Request moved = elsewhere.newRegister(600);
        // the same contact URI as the registered UE's, from the other P-CSCF
        moved.removeHeader(ContactHeader.NAME);
        moved.addHeader(elsewhere.node().headers().createHeader(ContactHeader.NAME,
                "<" + registered.contactUri() + ">;expires=600"));
        elsewhere.authorizeInitially(moved);
        elsewhere.markIntegrityProtected(moved);
        assertEquals(Response.UNAUTHORIZED, elsewhere.send(moved).getStatusCode());
        assertEquals(1, testbed.stored(leo.impi()).orElseThrow().contacts().size(), "nothing was added");
    }

    // ---- refused by the HSS ----

    @Test
    void anUnknownUserIsForbiddenAndLoggedOnceAtDebug() throws Exception {
        ScscfTestbed.Provisioned template = testbed.provisionDigest("nobody");
        UserEquipment ue = testbed.ue(new io.kubeims.cscf.ue.UeSettings("ue-unknown", ScscfTestbed.HOST,
                "unknown@" + REALM, "sip:unknown@" + REALM, REALM, template.credentials(),
                testbed.replica(0).hop(NextHop.UDP), List.of(PCSCF_PATH), null, null, 600));
        Response response = ue.register();
        assertStatus(Response.FORBIDDEN, "User Unknown", response);
        assertNull(response.getHeader(ReasonHeader.NAME), "the user's problem: no Reason");
        CapturedLog.Line line = log.onlyLineMentioning(ue.callId());
        assertEquals(Level.FINE.intValue(), line.level().intValue());
        assertTrue(line.message().contains("403 User Unknown"), line.toString());
    }

    @Test
    void aPrivateIdentityNotOwningThePublicOneIsForbidden() throws Exception {
        ScscfTestbed.Provisioned owner = testbed.provisionDigest("owner");
        ScscfTestbed.Provisioned other = testbed.provisionDigest("other");
        UserEquipment ue = testbed.ue(new io.kubeims.cscf.ue.UeSettings("ue-mismatch", ScscfTestbed.HOST,
                other.impi(), owner.impu(), REALM, other.credentials(), testbed.replica(0).hop(NextHop.UDP),
                List.of(PCSCF_PATH), null, null, 600));
        assertStatus(Response.FORBIDDEN, "Identities Do Not Match", ue.register());
    }

    // ---- the HSS down (last) ----

    @Test
    @Order(Integer.MAX_VALUE)
    void withTheHssDownTheRegisterIsTemporarilyUnavailableWithAReason() throws Exception {
        ScscfTestbed.Provisioned nina = testbed.provisionAka("nina");
        UserEquipment ue = testbed.ue(nina);
        testbed.stopHss();
        Response response = ue.register();
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode(), response.getReasonPhrase());
        ReasonHeader reason = (ReasonHeader) response.getHeader(ReasonHeader.NAME);
        assertNotNull(reason, "RFC 3326 Reason says what failed");
        assertEquals("SIP", reason.getProtocol());
        assertEquals(480, reason.getCause());
        assertTrue(reason.getText().contains("HSS"), reason.getText());
        CapturedLog.Line line = log.onlyLineMentioning(ue.callId());
        assertEquals(Level.WARNING.intValue(), line.level().intValue(), line.toString());
        assertTrue(testbed.registers(RegisterOutcome.HSS_UNAVAILABLE) >= 1);
    }
}
