package io.kubeims.cscf.scscf.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.session.SessionAgent.Mode;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The S-CSCF's session routing (TS 24.229 5.4.3) end to end on loopback: real S-CSCF handler and SIP node, real HSS,
 * real store; ASes, P-CSCF, I-CSCF and UEs are {@link SessionAgent}s, the caller stands in for the P-CSCF (originating,
 * Route {@code orig}) or the I-CSCF (terminating, Route the pool).
 */
class ScscfSessionTest {

    private static final String ALICE = "sip:alice@ims.example.com";
    private static final String BOB = "sip:bob@ims.example.com";

    private SessionTestbed testbed;

    @AfterEach
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    /** An iFC: this method in this session case (CNF of two groups, as the example IfcProfile writes it). */
    private static InitialFilterCriteria ifc(int priority, String method, SessionCase sessionCase, String as,
            DefaultHandling handling, ProfilePartIndicator indicator) {
        return new InitialFilterCriteria(priority, new TriggerPoint(true, List.of(
                new ServicePointTrigger(false, List.of(0), new MethodCondition(method)),
                new ServicePointTrigger(false, List.of(1), new SessionCaseCondition(sessionCase)))),
                new ApplicationServer(as, handling), indicator);
    }

    private static InitialFilterCriteria originating(int priority, String method, SessionAgent as,
            DefaultHandling handling) {
        return ifc(priority, method, SessionCase.ORIGINATING_REGISTERED, as.uri(null), handling, null);
    }

    private static List<SipURI> routes(Request request) {
        List<SipURI> routes = new ArrayList<>();
        for (var it = request.getHeaders(RouteHeader.NAME); it.hasNext(); ) {
            routes.add((SipURI) ((RouteHeader) it.next()).getAddress().getURI());
        }
        return routes;
    }

    private static List<String> recordRoutes(javax.sip.message.Message message) {
        List<String> values = new ArrayList<>();
        for (var it = message.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            values.add(((RecordRouteHeader) it.next()).getAddress().getURI().toString());
        }
        return values;
    }

    private static boolean names(SipURI uri, SessionAgent agent) {
        return "127.0.0.1".equals(uri.getHost()) && uri.getPort() == agent.node().port();
    }

    private Request originatingInvite(String target) throws Exception {
        Request invite = testbed.request(Request.INVITE, ALICE, target, testbed.originatingRoute());
        invite.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity", "<" + ALICE + ">"));
        return invite;
    }

    // ---- originating: iFC chain ----

    @Test
    void originatingInviteVisitsTwoAsesInPriorityOrderThenTheIcscf() throws Exception {
        SessionAgent icscf = agent("icscf", Mode.ANSWER);
        testbed = SessionTestbed.start(s -> withIcscf(s, icscf));
        SessionAgent as1 = agent("as1", Mode.PROXY);
        SessionAgent as2 = agent("as2", Mode.PROXY);
        // listed out of order: evaluation follows Priority, not the list
        testbed.registered(ALICE, List.of(originating(20, Request.INVITE, as2, DefaultHandling.SESSION_CONTINUED),
                originating(10, Request.INVITE, as1, DefaultHandling.SESSION_TERMINATED)), List.of(
                SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));
        Request invite = originatingInvite(BOB);
        invite.addHeader(testbed.caller.headers().createHeader("Require", "sec-agree"));
        invite.addHeader(testbed.caller.headers().createHeader("Proxy-Require", "sec-agree"));
        SessionTestbed.Call call = testbed.send(invite);

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        Request atAs1 = as1.next(Request.INVITE);
        List<SipURI> routes1 = routes(atAs1);
        assertEquals(2, routes1.size(), "Route <as;lr>, <odi;lr>: " + routes1);
        assertTrue(names(routes1.get(0), as1) && routes1.get(0).hasLrParam());
        assertTrue(routes1.get(1).getUser().startsWith("odi-"), routes1.toString());
        assertEquals(testbed.scscf.port(), routes1.get(1).getPort(), "the ODI names the pool");
        assertTrue(routes1.get(1).hasLrParam());
        // seed 004: no sec-agree towards an AS
        assertNull(atAs1.getHeader("Require"));
        assertNull(atAs1.getHeader("Proxy-Require"));
        assertTrue(recordRoutes(atAs1).contains(testbed.pool + ";lr"), recordRoutes(atAs1).toString());

        Request atAs2 = as2.next(Request.INVITE);
        List<SipURI> routes2 = routes(atAs2);
        assertEquals(2, routes2.size(), routes2.toString());
        assertTrue(names(routes2.get(0), as2));
        assertNotEquals(routes1.get(1).getUser(), routes2.get(1).getUser(), "each AS gets its own ODI");

        Request atIcscf = icscf.next(Request.INVITE);
        assertEquals(BOB, atIcscf.getRequestURI().toString());
        List<SipURI> routes3 = routes(atIcscf);
        assertEquals(1, routes3.size(), routes3.toString());
        assertTrue(names(routes3.get(0), icscf));
        assertTrue(recordRoutes(atIcscf).contains(testbed.pool + ";lr"));
        assertEquals(1, testbed.count(Request.INVITE, "originating", "200"));
        assertEquals(2, testbed.count(Request.INVITE, "resumed", "200"));
    }

    @Test
    void sessionContinuedSkipsASilentAsAndAnAsAnswering503() throws Exception {
        SessionAgent icscf = agent("icscf", Mode.ANSWER);
        testbed = SessionTestbed.start(s -> withIcscf(s, icscf).withAsResponseTimeout(Duration.ofMillis(500)));
        SessionAgent silent = agent("silent-as", Mode.SILENT);
        SessionAgent failing = agent("failing-as", Mode.ANSWER).answering(Response.SERVICE_UNAVAILABLE);
        testbed.registered(ALICE, List.of(originating(1, Request.INVITE, silent, DefaultHandling.SESSION_CONTINUED),
                originating(2, Request.INVITE, failing, DefaultHandling.SESSION_CONTINUED)), List.of(
                SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));

        SessionTestbed.Call call = testbed.send(originatingInvite(BOB));

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        assertEquals(Request.INVITE, silent.next().getMethod());
        assertEquals(Request.INVITE, failing.next().getMethod());
        assertEquals(BOB, icscf.next(Request.INVITE).getRequestURI().toString());
    }

    @Test
    void sessionTerminatedEndsTheRequestWhenTheAsAnswers503() throws Exception {
        SessionAgent icscf = agent("icscf", Mode.ANSWER);
        testbed = SessionTestbed.start(s -> withIcscf(s, icscf));
        SessionAgent failing = agent("failing-as", Mode.ANSWER).answering(Response.SERVICE_UNAVAILABLE);
        testbed.registered(ALICE, List.of(originating(1, Request.INVITE, failing, DefaultHandling.SESSION_TERMINATED)),
                List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));

        SessionTestbed.Call call = testbed.send(originatingInvite(BOB));

        // RFC 3261 16.7 step 6: a 503 goes upstream as 500
        assertEquals(Response.SERVER_INTERNAL_ERROR, call.finalResponse().getStatusCode());
        assertEquals(Request.INVITE, failing.next().getMethod());
        assertTrue(icscf.idle(), "the request must not go on after SESSION_TERMINATED");
    }

    @Test
    void sessionTerminatedEndsTheRequestWith408WhenTheAsIsSilent() throws Exception {
        SessionAgent icscf = agent("icscf", Mode.ANSWER);
        testbed = SessionTestbed.start(s -> withIcscf(s, icscf).withAsResponseTimeout(Duration.ofMillis(500)));
        SessionAgent silent = agent("silent-as", Mode.SILENT);
        testbed.registered(ALICE, List.of(originating(1, Request.MESSAGE, silent, DefaultHandling.SESSION_TERMINATED)),
                List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));
        Request message = testbed.request(Request.MESSAGE, ALICE, BOB, testbed.originatingRoute());
        message.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity", "<" + ALICE + ">"));

        SessionTestbed.Call call = testbed.send(message);

        assertEquals(Response.REQUEST_TIMEOUT, call.finalResponse().getStatusCode());
        assertEquals(Request.MESSAGE, silent.next().getMethod());
        assertTrue(icscf.idle());
    }

    @Test
    void anAsReturningTheRequestToAnotherReplicaResumesThere() throws Exception {
        SessionAgent icscf = agent("icscf", Mode.ANSWER);
        testbed = SessionTestbed.start(s -> withIcscf(s, icscf));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry metersB =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.kubeims.cscf.sip.SipNode replicaB = testbed.secondReplica(metersB);
        // the pool's Service sends the AS's request to replica B: no state of replica A is needed to resume
        SessionAgent as1 = agent("as1", Mode.PROXY).forwardingTo(
                new io.kubeims.cscf.sip.NextHop("127.0.0.1", replicaB.port(), "udp"));
        SessionAgent as2 = agent("as2", Mode.PROXY);
        testbed.registered(ALICE, List.of(originating(1, Request.INVITE, as1, DefaultHandling.SESSION_TERMINATED),
                originating(2, Request.INVITE, as2, DefaultHandling.SESSION_TERMINATED)), List.of(
                SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));

        SessionTestbed.Call call = testbed.send(originatingInvite(BOB));

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        as1.next(Request.INVITE);
        as2.next(Request.INVITE);
        assertEquals(BOB, icscf.next(Request.INVITE).getRequestURI().toString());
        var resumedAtB = metersB.find(SessionMetrics.REQUESTS).tags("kind", "resumed", "outcome", "200").counter();
        assertNotNull(resumedAtB, "replica B resumed the iFC evaluation");
        assertEquals(1, resumedAtB.count());
    }

    @Test
    void unregisteredOriginatingUserIsServedWithSessionCase3() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent as = agent("as", Mode.ANSWER).answering(Response.OK);
        String erin = "sip:erin@ims.example.com";
        testbed.provisioned(erin, List.of(ifc(5, Request.INVITE, SessionCase.ORIGINATING_UNREGISTERED, as.uri(null),
                DefaultHandling.SESSION_TERMINATED, null)));
        Request invite = testbed.request(Request.INVITE, erin, BOB, testbed.originatingRoute());
        invite.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity", "<" + erin + ">"));

        assertEquals(Response.OK, testbed.send(invite).finalResponse().getStatusCode());
        assertEquals(erin, ((javax.sip.address.SipURI) ((javax.sip.header.HeaderAddress) as.next(Request.INVITE)
                .getHeader("P-Asserted-Identity")).getAddress().getURI()).toString());
    }

    @Test
    void originatingUserUnknownToTheHssGets403() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        Request invite = testbed.request(Request.INVITE, "sip:mallory@ims.example.com", BOB,
                testbed.originatingRoute());
        invite.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity",
                "<sip:mallory@ims.example.com>"));

        Response response = testbed.send(invite).finalResponse();

        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Served User Unknown", response.getReasonPhrase());
    }

    @Test
    void aRequestComingBackUnchangedIsALoop() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        // a peer that sends whatever it gets straight back to the S-CSCF, Request-URI and Route untouched
        SessionAgent mirror = agent("mirror", Mode.PROXY).forwardingTo(
                new io.kubeims.cscf.sip.NextHop("127.0.0.1", testbed.scscf.port(), "udp"));
        Request bye = testbed.request(Request.BYE, ALICE, mirror.uri("bob"));
        ((ToHeader) bye.getHeader(ToHeader.NAME)).setTag("callee-tag");

        assertEquals(Response.LOOP_DETECTED, testbed.send(bye).finalResponse().getStatusCode());
    }

    // ---- MESSAGE ----

    @Test
    void smsMessageGoesThroughTheSmscAsThenToTheRegisteredCallee() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent smsc = agent("smsc", Mode.PROXY);
        SessionAgent bobUe = agent("bob-ue", Mode.ANSWER).answering(Response.OK);
        // the example IfcProfile's rule: Method MESSAGE AND session case originating -> SMSC
        testbed.registered(ALICE, List.of(originating(10, Request.MESSAGE, smsc, DefaultHandling.SESSION_CONTINUED)),
                List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));
        testbed.registered(BOB, List.of(), List.of(SessionTestbed.contact(bobUe.uri("bob"), List.of())));
        Request message = testbed.request(Request.MESSAGE, ALICE, BOB, testbed.originatingRoute());
        message.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity", "<" + ALICE + ">"));
        message.setContent(new byte[] {0x00, 0x01, 0x02}, testbed.caller.headers().createContentTypeHeader(
                "application", "vnd.3gpp.sms"));

        SessionTestbed.Call call = testbed.send(message);

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        Request atSmsc = smsc.next(Request.MESSAGE);
        assertTrue(routes(atSmsc).get(1).getUser().startsWith("odi-"));
        Request atBob = bobUe.next(Request.MESSAGE);
        assertEquals(bobUe.uri("bob"), atBob.getRequestURI().toString());
        assertEquals(3, atBob.getRawContent().length);
        assertTrue(recordRoutes(atBob).stream().noneMatch(rr -> rr.startsWith(testbed.pool)),
                "MESSAGE creates no dialog: the S-CSCF does not Record-Route it: " + recordRoutes(atBob));
    }

    @Test
    void pagerModeMessageWithoutIfcReachesTheCallee() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent bobUe = agent("bob-ue", Mode.ANSWER).answering(Response.OK);
        testbed.registered(ALICE, List.of(), List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));
        testbed.registered(BOB, List.of(), List.of(SessionTestbed.contact(bobUe.uri("bob"), List.of())));
        Request message = testbed.request(Request.MESSAGE, ALICE, BOB, testbed.originatingRoute());
        message.addHeader(testbed.caller.headers().createHeader("P-Asserted-Identity", "<" + ALICE + ">"));
        message.setContent("hello".getBytes(StandardCharsets.UTF_8),
                testbed.caller.headers().createContentTypeHeader("text", "plain"));

        assertEquals(Response.OK, testbed.send(message).finalResponse().getStatusCode());
        assertEquals("hello", new String(bobUe.next(Request.MESSAGE).getRawContent(), StandardCharsets.UTF_8));
    }

    // ---- terminating ----

    @Test
    void unregisteredCalleeGoesToTheVoicemailAs() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent voicemail = agent("voicemail", Mode.ANSWER).answering(Response.OK);
        String carol = "sip:carol@ims.example.com";
        // the example IfcProfile's rule: INVITE to an unregistered user -> voicemail
        testbed.provisioned(carol, List.of(ifc(20, Request.INVITE, SessionCase.TERMINATING_UNREGISTERED,
                voicemail.uri(null), DefaultHandling.SESSION_CONTINUED, ProfilePartIndicator.UNREGISTERED)));

        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, carol,
                testbed.terminatingRoute()));

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        Request atVoicemail = voicemail.next(Request.INVITE);
        assertEquals(carol, atVoicemail.getRequestURI().toString());
        assertTrue(routes(atVoicemail).get(1).getUser().startsWith("odi-"));
        // SAR UNREGISTERED_USER assigned this pool in the HSS (TS 29.228 6.1.2.1)
        var record = testbed.hss.core().storage().dynamicState().registration("carol@ims.example.com-impi");
        assertEquals(RegistrationState.UNREGISTERED, record.state());
        assertEquals(testbed.pool, record.serverName());
    }

    @Test
    void unregisteredCalleeWithoutAsGets480() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        String dave = "sip:dave@ims.example.com";
        testbed.provisioned(dave, List.of());

        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, dave,
                testbed.terminatingRoute()));

        Response response = call.finalResponse();
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode());
        assertEquals("Not Registered", response.getReasonPhrase());
        assertEquals(1, testbed.count(Request.INVITE, "terminating", "480"));
    }

    @Test
    void unknownCalleeGets404() throws Exception {
        testbed = SessionTestbed.start(s -> s);

        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, "sip:nobody@ims.example.com",
                testbed.terminatingRoute()));

        assertEquals(Response.NOT_FOUND, call.finalResponse().getStatusCode());
    }

    @Test
    void forksToEveryContactOverItsPathAndCancelsTheLoserOn200() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent pcscf = agent("pcscf", Mode.PROXY);
        SessionAgent ue1 = agent("bob-ue1", Mode.RING);
        SessionAgent ue2 = agent("bob-ue2", Mode.RING);
        String path = "<" + pcscf.uri("term-flow") + ";lr>";
        testbed.registered(BOB, List.of(), List.of(SessionTestbed.contact(ue1.uri("bob"), List.of(path)),
                SessionTestbed.contact(ue2.uri("bob"), List.of(path))));

        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, BOB,
                testbed.terminatingRoute()));

        Request atPcscf1 = pcscf.next(Request.INVITE);
        Request atPcscf2 = pcscf.next(Request.INVITE);
        for (Request atPcscf : List.of(atPcscf1, atPcscf2)) {
            assertEquals("term-flow", routes(atPcscf).get(0).getUser(), "Route = the stored Path");
        }
        assertEquals(List.of(ue1.uri("bob"), ue2.uri("bob")).stream().sorted().toList(),
                List.of(atPcscf1.getRequestURI().toString(), atPcscf2.getRequestURI().toString()).stream().sorted()
                        .toList(), "Request-URI = each contact");
        Request invite1 = ue1.next(Request.INVITE);
        ue2.next(Request.INVITE);
        assertEquals(Response.RINGING, call.nextAbove100().getStatusCode());
        ue1.answer(((javax.sip.header.CallIdHeader) invite1.getHeader("Call-ID")).getCallId());

        Response ok = call.finalResponse();
        assertEquals(Response.OK, ok.getStatusCode());
        assertNotNull(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag());
        assertEquals(Request.CANCEL, ue2.next(Request.CANCEL).getMethod(), "the loser is cancelled");

        // in-dialog: ACK and BYE by the Record-Route set, through the pool and the P-CSCF, to the answering UE
        testbed.sendAck(call.inDialog(Request.ACK, ok, 1));
        assertEquals(Request.ACK, ue1.next(Request.ACK).getMethod());
        SessionTestbed.Call bye = testbed.send(call.inDialog(Request.BYE, ok, 2));
        assertEquals(Response.OK, bye.finalResponse().getStatusCode());
        assertEquals(Request.BYE, ue1.next(Request.BYE).getMethod());
        assertEquals(1, testbed.count(Request.BYE, "in-dialog", "forwarded"));
    }

    @Test
    void anotherReplicaOfThePoolTakesTheInDialogRequestsOfACallSetUpThroughTheFirst() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry metersB =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.kubeims.cscf.sip.SipNode replicaB = testbed.secondReplica(metersB);
        SessionAgent pcscf = agent("pcscf", Mode.PROXY);
        SessionAgent ue = agent("bob-ue", Mode.RING);
        testbed.registered(BOB, List.of(), List.of(SessionTestbed.contact(ue.uri("bob"),
                List.of("<" + pcscf.uri("term-flow") + ";lr>"))));
        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, BOB,
                testbed.terminatingRoute()));
        Request invite = ue.next(Request.INVITE);
        ue.answer(((javax.sip.header.CallIdHeader) invite.getHeader("Call-ID")).getCallId());
        Response ok = call.finalResponse();
        assertEquals(Response.OK, ok.getStatusCode());

        // the replica that set the call up is gone from the Service: its pool name now reaches B, which holds no
        // state of the dialog (Record-Route names the pool, TS 24.229 5.4.5.1)
        testbed.sendAckTo(call.inDialog(Request.ACK, ok, 1), replicaB.port());
        assertEquals(Request.ACK, ue.next(Request.ACK).getMethod());
        SessionTestbed.Call bye = testbed.sendTo(call.inDialog(Request.BYE, ok, 2), replicaB.port());
        assertEquals(Response.OK, bye.finalResponse().getStatusCode());
        assertEquals(Request.BYE, ue.next(Request.BYE).getMethod());
        var byeAtB = metersB.find(SessionMetrics.REQUESTS).tags("method", Request.BYE, "kind", "in-dialog",
                "outcome", "forwarded").counter();
        assertNotNull(byeAtB, "replica B forwarded the BYE");
        assertEquals(1, byeAtB.count());
        assertEquals(0, testbed.count(Request.BYE, "in-dialog", "forwarded"), "not replica A");
    }

    @Test
    void upstreamCancelCancelsEveryBranch() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        SessionAgent ue1 = agent("bob-ue1", Mode.RING);
        SessionAgent ue2 = agent("bob-ue2", Mode.RING);
        testbed.registered(BOB, List.of(), List.of(SessionTestbed.contact(ue1.uri("bob"), List.of()),
                SessionTestbed.contact(ue2.uri("bob"), List.of())));

        SessionTestbed.Call call = testbed.send(testbed.request(Request.INVITE, ALICE, BOB,
                testbed.terminatingRoute()));
        ue1.next(Request.INVITE);
        ue2.next(Request.INVITE);
        assertEquals(Response.RINGING, call.nextAbove100().getStatusCode());
        call.cancel();

        assertEquals(Request.CANCEL, ue1.next(Request.CANCEL).getMethod());
        assertEquals(Request.CANCEL, ue2.next(Request.CANCEL).getMethod());
        assertEquals(Response.REQUEST_TERMINATED, call.finalResponse().getStatusCode());
    }

    // ---- bad input ----

    @Test
    void maxForwardsZeroGets483() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        Request invite = originatingInvite(BOB);
        ((MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME)).setMaxForwards(0);

        assertEquals(Response.TOO_MANY_HOPS, testbed.send(invite).finalResponse().getStatusCode());
    }

    @Test
    void unknownMethodGets501WithAllow() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        Request request = testbed.request("FOO", ALICE, BOB, testbed.originatingRoute());

        Response response = testbed.send(request).finalResponse();

        assertEquals(Response.NOT_IMPLEMENTED, response.getStatusCode());
        List<String> allowed = new ArrayList<>();
        for (var it = response.getHeaders("Allow"); it.hasNext(); ) {
            allowed.add(((javax.sip.header.AllowHeader) it.next()).getMethod());
        }
        assertTrue(allowed.contains(Request.INVITE) && allowed.contains(Request.MESSAGE), allowed.toString());
        assertEquals(1, testbed.count("other", "initial", "501"));
    }

    @Test
    void optionsToTheScscfItselfGets200AndOtherRequestsTo404() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        String self = "sip:127.0.0.1:" + testbed.scscf.port();

        assertEquals(Response.OK, testbed.send(testbed.request(Request.OPTIONS, ALICE, self)).finalResponse()
                .getStatusCode());
        Response message = testbed.send(testbed.request(Request.MESSAGE, ALICE, self)).finalResponse();
        assertEquals(Response.NOT_FOUND, message.getStatusCode());
        assertEquals("No Served User", message.getReasonPhrase());
    }

    @Test
    void forgedOdiGets403() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        Request invite = testbed.request(Request.INVITE, ALICE, BOB,
                "<sip:odi-djF8MHwxMHw5OTk5OTk5OTk5fHNpcDphbGljZUBpbXMuZXhhbXBsZS5jb20.AAAAAAAAAAAAAAAAAAAAAA@127.0.0.1:"
                        + testbed.scscf.port() + ";lr>");

        Response response = testbed.send(invite).finalResponse();

        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Invalid ODI", response.getReasonPhrase());
    }

    @Test
    void originatingWithoutAssertedIdentityGets403() throws Exception {
        testbed = SessionTestbed.start(s -> s);

        Response response = testbed.send(testbed.request(Request.INVITE, ALICE, BOB, testbed.originatingRoute()))
                .finalResponse();

        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("No P-Asserted-Identity", response.getReasonPhrase());
    }

    // ---- numbers ----

    @Test
    void telTargetWithoutEnumAnswerGoesToTheBreakoutGateway() throws Exception {
        SessionAgent bgcf = agent("bgcf", Mode.ANSWER).answering(Response.OK);
        testbed = SessionTestbed.start(s -> new SessionSettings(s.homeDomain(), s.serverName(), s.icscfUri(),
                Optional.of(bgcf.uri(null)), s.asResponseTimeout(), s.odiLifetime()));
        testbed.registered(ALICE, List.of(), List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));

        SessionTestbed.Call call = testbed.send(originatingInvite("tel:+4930123456"));

        assertEquals(Response.OK, call.finalResponse().getStatusCode());
        Request atBgcf = bgcf.next(Request.INVITE);
        assertEquals("tel:+4930123456", atBgcf.getRequestURI().toString());
        assertTrue(names(routes(atBgcf).get(0), bgcf));
    }

    /**
     * RFC 6116 through the real resolver against a loopback DNS server: the order-10 record's gateway answers 503
     * before any provisional response, so the order-20 record is tried (failover to the next NAPTR).
     */
    @Test
    void telTargetResolvedByEnumFailsOverToTheNextRecord() throws Exception {
        SessionAgent failing = agent("gw-failing", Mode.ANSWER).answering(Response.SERVICE_UNAVAILABLE);
        SessionAgent working = agent("gw-working", Mode.ANSWER).answering(Response.OK);
        try (LoopbackEnumServer dns = LoopbackEnumServer.serving("6.5.4.3.2.1.0.3.9.4.e164.arpa", List.of(
                new LoopbackEnumServer.Naptr(10, 100, "!^.*$!" + failing.uri("carrier") + "!"),
                new LoopbackEnumServer.Naptr(20, 100, "!^.*$!sip:4930123456@127.0.0.1:"
                        + working.node().port() + "!")))) {
            testbed = SessionTestbed.start(s -> s, Optional.of(new io.kubeims.protocol.enumdns.EnumResolver(
                    io.kubeims.protocol.enumdns.EnumResolverSettings.forServer(dns.address()))));
            testbed.registered(ALICE, List.of(), List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999",
                    List.of())));

            SessionTestbed.Call call = testbed.send(originatingInvite("tel:+4930123456"));

            assertEquals(Response.OK, call.finalResponse().getStatusCode());
            assertEquals(failing.uri("carrier"), failing.next(Request.INVITE).getRequestURI().toString());
            assertEquals("sip:4930123456@127.0.0.1:" + working.node().port(),
                    working.next(Request.INVITE).getRequestURI().toString());
        }
    }

    @Test
    void telTargetWithoutEnumOrBreakoutGets404() throws Exception {
        testbed = SessionTestbed.start(s -> s);
        testbed.registered(ALICE, List.of(), List.of(SessionTestbed.contact("sip:alice@127.0.0.1:5999", List.of())));

        Response response = testbed.send(originatingInvite("tel:+4930123456")).finalResponse();

        assertEquals(Response.NOT_FOUND, response.getStatusCode());
        assertEquals("No Route To Number", response.getReasonPhrase());
    }

    // ---- helpers ----

    private final List<SessionAgent> agents = new ArrayList<>();

    private SessionAgent agent(String name, Mode mode) throws Exception {
        SessionAgent agent = SessionAgent.start(name, mode);
        agents.add(agent);
        return agent;
    }

    @AfterEach
    void stopAgents() {
        io.kubeims.cscf.sip.SipNode.closeAll(agents.stream().map(SessionAgent::node).toList());
    }

    private static SessionSettings withIcscf(SessionSettings settings, SessionAgent icscf) {
        return new SessionSettings(settings.homeDomain(), settings.serverName(), Optional.of(icscf.uri(null)),
                settings.breakoutUri(), settings.asResponseTimeout(), settings.odiLifetime());
    }
}
