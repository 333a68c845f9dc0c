package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cscf.testing.DaemonThreads;
import io.kubeims.cscf.testing.FreePort;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.server.CxHssHandler;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UserAuthorizationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.address.Address;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ReasonHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The I-CSCF against a scripted HSS (a real jdiameter Cx node whose UAA is chosen per public identity): what the
 * UAR carries on the wire, an HSS-named S-CSCF reached over TCP, and the HSS failures a real HSS cannot be made to
 * give on demand: DIAMETER_TOO_BUSY (503 + Retry-After), DIAMETER_UNABLE_TO_COMPLY (500), a 2002 without
 * Server-Name (500), no answer in time (480); each with an RFC 3326 Reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IcscfHssFailureTest {

    private static final String HOST = "127.0.0.1";
    private static final String HSS_ADDRESS = "127.0.0.2";
    private static final String REALM = "ims.example.com";
    private static final String HSS_HOST = "hss.ims.example.com";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int RETRY_AFTER = 7;
    private static final Logger JDIAMETER_LOG = Logger.getLogger("org.jdiameter");

    private final Map<String, UserAuthorizationAnswer> script = new ConcurrentHashMap<>();
    private final Map<String, UserAuthorizationRequest> received = new ConcurrentHashMap<>();
    private final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);
    private CxNode hss;
    private CxNode cx;
    private ExecutorService executor;
    private RecordingScscf scscf;
    private SipNode icscf;
    private SipNode ue;

    @BeforeAll
    void start() throws Exception {
        JDIAMETER_LOG.setLevel(Level.WARNING);
        hss = CxNode.hss(CxNodeSettings.hss(HSS_HOST, REALM, HSS_ADDRESS, FreePort.on(HSS_ADDRESS)).build(),
                new ScriptedHss());
        assertTrue(hss.start(), "scripted HSS listening");
        cx = CxNode.client(CxNodeSettings.cscf("icscf.ims.example.com", REALM, HOST, FreePort.on(HOST),
                        new CxPeerAddress(HSS_HOST, HSS_ADDRESS, hss.settings().port()))
                .requestTimeout(Duration.ofSeconds(1)).startTimeout(Duration.ofSeconds(15)).build());
        assertTrue(cx.start(), "the I-CSCF's Cx client connects to the HSS");
        scscf = RecordingScscf.start("scscf", HOST);
        executor = DaemonThreads.pool(2, "icscf-cx-failure");
        SipNode node = new SipNode(SipNodeSettings.of("icscf", HOST, 0));
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
        IcscfRegistration registration = new IcscfRegistration(proxy, cx,
                new IcscfSettings(REALM, List.of(), Duration.ofSeconds(RETRY_AFTER)), executor);
        icscf = node.start(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
        ue = new SipNode(SipNodeSettings.of("ue", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    @AfterAll
    void stop() {
        releaseSlowAnswer.countDown();
        List<SipNode> nodes = new ArrayList<>();
        nodes.add(icscf);
        nodes.add(ue);
        if (scscf != null) {
            nodes.add(scscf.node());
        }
        SipNode.closeAll(nodes);
        if (executor != null) {
            executor.shutdownNow();
        }
        if (cx != null) {
            cx.close();
        }
        if (hss != null) {
            hss.close();
        }
    }

    /** A REGISTER for sip:user@ims.example.com with Authorization username user.private@ims.example.com. */
    private Response register(String user, String visited) throws Exception {
        HeaderFactory headers = ue.headers();
        Address aor = ue.addresses().createAddress("<sip:" + user + "@" + REALM + ">");
        Request register = ue.messages().createRequest(ue.addresses().createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(aor, "ft" + user), headers.createToHeader(aor, null), new ArrayList<>(),
                headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createHeader("Contact", "<sip:ue@" + HOST + ":" + ue.port() + ">;expires=600"));
        register.addHeader(headers.createHeader("Authorization", "Digest username=\"" + user + ".private@" + REALM
                + "\",realm=\"" + REALM + "\",nonce=\"\",uri=\"sip:" + REALM + "\",response=\"\""));
        if (visited != null) {
            register.addHeader(headers.createHeader("P-Visited-Network-ID", visited));
        }
        return ue.request(register, new NextHop(HOST, icscf.port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static ReasonHeader reason(Response response, int cause) {
        ReasonHeader reason = (ReasonHeader) response.getHeader(ReasonHeader.NAME);
        assertNotNull(reason, "Reason in " + response.getStatusCode());
        assertEquals("SIP", reason.getProtocol());
        assertEquals(cause, reason.getCause());
        return reason;
    }

    @Test
    void theUarCarriesTheIdentitiesAndTheNamedScscfIsReachedOverItsTransport() throws Exception {
        String serverName = "sip:" + HOST + ":" + scscf.node().port() + ";transport=tcp";
        script.put("sip:frank@" + REALM, new UserAuthorizationAnswer(
                CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), serverName, null));
        Response response = register("frank", "\"Visited Network Number 1\"");
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        // TS 29.229 6.1.1: User-Name from Authorization, Public-Identity from To, Visited-Network-Identifier
        assertEquals(new UserAuthorizationRequest("frank.private@" + REALM, "sip:frank@" + REALM,
                "Visited Network Number 1", UserAuthorizationType.REGISTRATION, 0), received.get("sip:frank@" + REALM));
        List<Request> atScscf = scscf.drain();
        assertEquals(1, atScscf.size());
        assertEquals("TCP", TestRequests.vias(atScscf.get(0)).get(0).getTransport().toUpperCase());
    }

    @Test
    void anOverloadedHssIs503WithRetryAfter() throws Exception {
        script.put("sip:busy@" + REALM, new UserAuthorizationAnswer(CxResult.of(DiameterResultCode.TOO_BUSY), null,
                null));
        Response response = register("busy", null);
        assertEquals(Response.SERVICE_UNAVAILABLE, response.getStatusCode());
        assertEquals("HSS Busy", response.getReasonPhrase());
        assertEquals(RETRY_AFTER, ((RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME)).getRetryAfter());
        assertEquals("HSS answered DIAMETER_TOO_BUSY (3004)", reason(response, 503).getText());
        assertTrue(scscf.drain().isEmpty());
    }

    @Test
    void anHssUnableToComplyIs500() throws Exception {
        script.put("sip:broken@" + REALM, new UserAuthorizationAnswer(
                CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY), null, null));
        Response response = register("broken", null);
        assertEquals(Response.SERVER_INTERNAL_ERROR, response.getStatusCode());
        assertEquals("HSS Error", response.getReasonPhrase());
        assertNull(response.getHeader(RetryAfterHeader.NAME));
        assertEquals("HSS answered DIAMETER_UNABLE_TO_COMPLY (5012)", reason(response, 500).getText());
        assertTrue(scscf.drain().isEmpty());
    }

    @Test
    void aSubsequentRegistrationWithoutServerNameIs500() throws Exception {
        script.put("sip:nameless@" + REALM, new UserAuthorizationAnswer(
                CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), null, null));
        Response response = register("nameless", null);
        assertEquals(Response.SERVER_INTERNAL_ERROR, response.getStatusCode());
        reason(response, 500);
        assertTrue(scscf.drain().isEmpty());
    }

    @Test
    void noAnswerInTimeIs480() throws Exception {
        // "slow" is not scripted: the HSS holds the UAR until the test ends, the Cx client gives up after 1 s
        Response response = register("slow", null);
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode());
        assertEquals("HSS Not Answering", response.getReasonPhrase());
        assertEquals("HSS did not answer the registration status query in time", reason(response, 480).getText());
        assertTrue(scscf.drain().isEmpty());
    }

    /** Answers UAR from the script; an unscripted identity waits for the end of the test (bounded). */
    private final class ScriptedHss implements CxHssHandler {

        @Override
        public UserAuthorizationAnswer userAuthorization(CxEnvelope envelope, UserAuthorizationRequest request) {
            received.put(request.publicIdentity(), request);
            UserAuthorizationAnswer answer = script.get(request.publicIdentity());
            if (answer != null) {
                return answer;
            }
            try {
                releaseSlowAnswer.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new UserAuthorizationAnswer(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY), null, null);
        }

        @Override
        public MultimediaAuthAnswer multimediaAuth(CxEnvelope envelope, MultimediaAuthRequest request) {
            throw new UnsupportedOperationException("UAR only");
        }

        @Override
        public ServerAssignmentAnswer serverAssignment(CxEnvelope envelope, ServerAssignmentRequest request) {
            throw new UnsupportedOperationException("UAR only");
        }

        @Override
        public LocationInfoAnswer locationInfo(CxEnvelope envelope, LocationInfoRequest request) {
            throw new UnsupportedOperationException("UAR only");
        }
    }
}
