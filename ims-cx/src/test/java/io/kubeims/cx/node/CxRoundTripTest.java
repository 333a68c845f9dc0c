package io.kubeims.cx.node;

import static io.kubeims.cx.node.CxTestNodes.HSS_HOST;
import static io.kubeims.cx.node.CxTestNodes.REALM;
import static io.kubeims.cx.node.CxTestNodes.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.codec.CxCodec;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxHssRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.SipDigestAuthenticate;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserAuthorizationType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Cx request and answer, with a base Result-Code and with an Experimental-Result, through real jdiameter
 * stacks on loopback: what the receiver decodes equals what the sender encoded. Plus the header flags of TS 29.229
 * table 6.3.1 on the encoded messages.
 */
class CxRoundTripTest {

    private static final String SCSCF_HOST = "scscf-0.scscf.ims.example.com";
    private static final String SERVER_NAME = "sip:scscf.ims.example.com:6060";
    private static final HexFormat HEX = HexFormat.of();
    // Published Milenage values of 3GPP TS 35.208 test set 1 (RAND, AUTN from SQN^AK||AMF||MAC-A, RES, CK, IK),
    // carried here as opaque vector bytes
    private static final byte[] RAND_AUTN = HEX.parseHex(
            "23553cbe9637a89d218ae64dae47bf35" + "55f328b43577b9b94a9ffac354dfafb3");
    private static final byte[] XRES = HEX.parseHex("a54211d5e3ba50bf");
    private static final byte[] CK = HEX.parseHex("b40ba9a3c58b2a05bbf0d987b21bf8cb");
    private static final byte[] IK = HEX.parseHex("f769bcd751044604127672711c6d3441");
    // RFC 2617 section 3.5: HA1 of Mufasa / testrealm@host.com / "Circle Of Life"
    private static final String HA1 = "939e7578ed9e3c518a452acee763bce9";

    private static final ScriptedHssHandler HSS_HANDLER = new ScriptedHssHandler();
    private static final ScriptedScscfHandler SCSCF_HANDLER = new ScriptedScscfHandler();
    private static CxNode hss;
    private static CxNode scscf;

    @BeforeAll
    static void startNodes() throws Exception {
        hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), HSS_HANDLER));
        scscf = CxTestNodes.started(CxNode.scscf(CxTestNodes.cscfSettings(SCSCF_HOST, hss.settings()), SCSCF_HANDLER));
        assertTrue(CxTestNodes.awaitPeer(hss, SCSCF_HOST, true), "the HSS sees the S-CSCF");
    }

    @AfterAll
    static void stopNodes() {
        if (scscf != null) {
            scscf.close();
        }
        if (hss != null) {
            hss.close();
        }
    }

    // ---- UAR / UAA ----

    @Test
    void userAuthorizationWithResultCode() throws Exception {
        UserAuthorizationRequest uar = new UserAuthorizationRequest("alice@ims.example.com",
                "sip:uar-base@ims.example.com", "visited.example.net",
                UserAuthorizationType.REGISTRATION_AND_CAPABILITIES, 1);
        UserAuthorizationAnswer uaa = new UserAuthorizationAnswer(CxResult.of(DiameterResultCode.SUCCESS), null,
                new ServerCapabilities(List.of(1L, 7L), List.of(2L), List.of(SERVER_NAME)));
        assertRoundTrip(uar.publicIdentity(), uar, uaa);
    }

    @Test
    void userAuthorizationWithExperimentalResult() throws Exception {
        UserAuthorizationRequest uar = new UserAuthorizationRequest("alice@ims.example.com",
                "sip:uar-experimental@ims.example.com", "ims.example.com");
        UserAuthorizationAnswer uaa = new UserAuthorizationAnswer(
                CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), SERVER_NAME, null);
        assertRoundTrip(uar.publicIdentity(), uar, uaa);
    }

    // ---- MAR / MAA ----

    @Test
    void multimediaAuthWithAkaVectorsAndResultCode() throws Exception {
        MultimediaAuthRequest mar = new MultimediaAuthRequest("alice@ims.example.com", "sip:mar-aka@ims.example.com",
                SERVER_NAME, 2, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
        MultimediaAuthAnswer maa = new MultimediaAuthAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                mar.userName(), mar.publicIdentity(), 2L, List.of(
                        SipAuthDataItem.akaVector(1, RAND_AUTN, XRES, CK, IK),
                        SipAuthDataItem.akaVector(2, RAND_AUTN, XRES, CK, IK)));
        assertRoundTrip(mar.publicIdentity(), mar, maa);
    }

    @Test
    void multimediaAuthResynchronisationWithSipDigestAnswer() throws Exception {
        byte[] randAuts = HEX.parseHex("23553cbe9637a89d218ae64dae47bf35" + "0102030405060708090a0b0c0d0e");
        MultimediaAuthRequest mar = new MultimediaAuthRequest("alice@ims.example.com",
                "sip:mar-digest@ims.example.com", SERVER_NAME, 1, SipAuthDataItem.resynchronisation(randAuts));
        MultimediaAuthAnswer maa = new MultimediaAuthAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                mar.userName(), mar.publicIdentity(), 1L, List.of(SipAuthDataItem.sipDigest(1,
                        new SipDigestAuthenticate("testrealm@host.com", "auth", HA1, "MD5"))));
        assertRoundTrip(mar.publicIdentity(), mar, maa);
    }

    @Test
    void multimediaAuthWithUndefinedSchemeAndExperimentalResult() throws Exception {
        // a scheme TS 29.228 does not define still travels, so the HSS can answer 5006 itself
        MultimediaAuthRequest mar = new MultimediaAuthRequest("alice@ims.example.com",
                "sip:mar-experimental@ims.example.com", SERVER_NAME, 1,
                new SipAuthDataItem(null, "Digest-MD5", null, null, null, null, null));
        MultimediaAuthAnswer maa = MultimediaAuthAnswer.of(
                CxResult.of(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED));
        assertRoundTrip(mar.publicIdentity(), mar, maa);
    }

    // ---- SAR / SAA ----

    @Test
    void serverAssignmentWithUserDataAndResultCode() throws Exception {
        ServerAssignmentRequest sar = new ServerAssignmentRequest("alice@ims.example.com",
                List.of("sip:sar-base@ims.example.com", "tel:+15551234567"), SERVER_NAME,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE);
        byte[] userData = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><IMSSubscription>"
                + "<PrivateID>alice@ims.example.com</PrivateID></IMSSubscription>").getBytes(StandardCharsets.UTF_8);
        ServerAssignmentAnswer saa = new ServerAssignmentAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                "alice@ims.example.com", userData, List.of("alice-tablet@ims.example.com"), SERVER_NAME);
        assertRoundTrip("sip:sar-base@ims.example.com", sar, saa);
    }

    @Test
    void serverAssignmentWithoutUserNameAndExperimentalResultWithError() throws Exception {
        ServerAssignmentRequest sar = new ServerAssignmentRequest(null, List.of("sip:sar-experimental@ims.example.com"),
                SERVER_NAME, ServerAssignmentType.UNREGISTERED_USER,
                UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE);
        ServerAssignmentAnswer saa = new ServerAssignmentAnswer(CxResult.of(CxExperimentalResultCode.USER_UNKNOWN),
                null, null, List.of(), null, "unknown public identity",
                List.of(new RawAvp(601, 10415, true, "sip:sar-experimental@ims.example.com".getBytes(
                        StandardCharsets.UTF_8))));
        assertRoundTrip("sip:sar-experimental@ims.example.com", sar, saa);
    }

    // ---- LIR / LIA ----

    @Test
    void locationInfoWithCapabilitiesAndResultCode() throws Exception {
        LocationInfoRequest lir = new LocationInfoRequest("sip:lir-base@ims.example.com", true,
                UserAuthorizationType.REGISTRATION_AND_CAPABILITIES);
        LocationInfoAnswer lia = new LocationInfoAnswer(CxResult.of(DiameterResultCode.SUCCESS), null,
                new ServerCapabilities(List.of(), List.of(3L), List.of()));
        assertRoundTrip(lir.publicIdentity(), lir, lia);
    }

    @Test
    void locationInfoWithExperimentalResult() throws Exception {
        LocationInfoRequest lir = new LocationInfoRequest("sip:lir-experimental@ims.example.com");
        LocationInfoAnswer lia = new LocationInfoAnswer(
                CxResult.of(CxExperimentalResultCode.UNREGISTERED_SERVICE), SERVER_NAME, null);
        assertRoundTrip(lir.publicIdentity(), lir, lia);
    }

    // ---- RTR / RTA (HSS to S-CSCF) ----

    @Test
    void registrationTerminationWithResultCode() throws Exception {
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest("rtr-base@ims.example.com",
                List.of("rtr-base-tablet@ims.example.com"),
                List.of("sip:rtr-base@ims.example.com", "tel:+15550000001"),
                new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, "subscription ended"));
        RegistrationTerminationAnswer rta = new RegistrationTerminationAnswer(
                CxResult.of(DiameterResultCode.SUCCESS), List.of("rtr-base-tablet@ims.example.com"));
        SCSCF_HANDLER.script(rtr.userName(), rta);
        assertEquals(rta, hss.send(rtr, SCSCF_HOST).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(SCSCF_HANDLER.received().contains(rtr), "the S-CSCF decoded what the HSS encoded");
        assertEnvelope(SCSCF_HANDLER.envelope(rtr.userName()), HSS_HOST, SCSCF_HOST);
    }

    @Test
    void registrationTerminationWithExperimentalResult() throws Exception {
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest("rtr-experimental@ims.example.com",
                List.of(), List.of(), new DeregistrationReason(ReasonCode.NEW_SERVER_ASSIGNED, null));
        RegistrationTerminationAnswer rta = RegistrationTerminationAnswer.of(
                CxResult.of(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED));
        SCSCF_HANDLER.script(rtr.userName(), rta);
        assertEquals(rta, hss.send(rtr, SCSCF_HOST).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(SCSCF_HANDLER.received().contains(rtr));
    }

    // ---- PPR / PPA (HSS to S-CSCF) ----

    @Test
    void pushProfileWithDigestItemAndResultCode() throws Exception {
        PushProfileRequest ppr = new PushProfileRequest("ppr-base@ims.example.com",
                "<IMSSubscription/>".getBytes(StandardCharsets.UTF_8), SipAuthDataItem.sipDigest(1,
                        new SipDigestAuthenticate("testrealm@host.com", "auth", HA1)));
        PushProfileAnswer ppa = new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS));
        SCSCF_HANDLER.script(ppr.userName(), ppa);
        assertEquals(ppa, hss.send(ppr, SCSCF_HOST).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(SCSCF_HANDLER.received().contains(ppr));
        assertEnvelope(SCSCF_HANDLER.envelope(ppr.userName()), HSS_HOST, SCSCF_HOST);
    }

    @Test
    void pushProfileWithExperimentalResultAndError() throws Exception {
        PushProfileRequest ppr = new PushProfileRequest("ppr-experimental@ims.example.com",
                "<IMSSubscription/>".getBytes(StandardCharsets.UTF_8), null);
        PushProfileAnswer ppa = new PushProfileAnswer(
                CxResult.of(CxExperimentalResultCode.NOT_SUPPORTED_USER_DATA), "schema version not supported",
                List.of());
        SCSCF_HANDLER.script(ppr.userName(), ppa);
        assertEquals(ppa, hss.send(ppr, SCSCF_HOST).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(SCSCF_HANDLER.received().contains(ppr));
    }

    // ---- header flags (TS 29.229 clause 6.1 and table 6.3.1, RFC 6733 sections 4.5 and 7.6) ----

    @Test
    void userAuthorizationRequestCarriesTheFlagsOfTs29229() throws Exception {
        UserAuthorizationRequest uar = new UserAuthorizationRequest("alice@ims.example.com",
                "sip:uar-flags@ims.example.com", "ims.example.com", UserAuthorizationType.REGISTRATION, 1);
        HSS_HANDLER.script(uar.publicIdentity(),
                new UserAuthorizationAnswer(CxResult.of(CxExperimentalResultCode.FIRST_REGISTRATION), SERVER_NAME,
                        null));
        AtomicReference<Request> sent = new AtomicReference<>();
        CxCodec codec = new CxCodec(SCSCF_HOST, REALM);
        Answer answer = scscf.exchange(300, REALM, null, request -> {
            codec.encodeRequest(uar, request);
            sent.set(request);
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Request request = sent.get();
        assertTrue(request.isProxiable(), "PXY");
        AvpSet avps = request.getAvps();
        assertFlags(avps.getAvp(277), false, true);                       // Auth-Session-State
        assertEquals(1, avps.getAvp(277).getInteger32());                  // NO_STATE_MAINTAINED
        assertFlags(avps.getAvp(1), false, true);                          // User-Name
        assertFlags(avps.getAvp(601, 10415), true, true);                  // Public-Identity
        assertFlags(avps.getAvp(600, 10415), true, true);                  // Visited-Network-Identifier
        assertFlags(avps.getAvp(623, 10415), true, true);                  // User-Authorization-Type
        assertFlags(avps.getAvp(637, 10415), true, false);                 // UAR-Flags: M-bit must not be set

        assertFalse(answer.isError());
        assertNotNull(answer.getAvps().getAvp(264), "Origin-Host in the answer");
        assertEquals(HSS_HOST, answer.getAvps().getAvp(264).getDiameterIdentity());
        assertEquals(REALM, answer.getAvps().getAvp(296).getDiameterIdentity());
        assertEquals(1, answer.getAvps().getAvp(277).getInteger32());
        assertNull(answer.getAvps().getAvp(268), "no Result-Code next to an Experimental-Result");
        Avp experimental = answer.getAvps().getAvp(297);
        assertFlags(experimental, false, true);
        assertEquals(10415, experimental.getGrouped().getAvp(266).getUnsigned32());
        assertEquals(2001, experimental.getGrouped().getAvp(298).getUnsigned32());
        Avp application = answer.getAvps().getAvp(260);
        assertEquals(10415, application.getGrouped().getAvp(266).getUnsigned32());
        assertEquals(16777216, application.getGrouped().getAvp(258).getUnsigned32());
    }

    @Test
    void registrationTerminationRequestCarriesTheFlagsOfTs29229() throws Exception {
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest("rtr-flags@ims.example.com",
                List.of("rtr-flags-2@ims.example.com"), List.of("sip:rtr-flags@ims.example.com"),
                new DeregistrationReason(ReasonCode.SERVER_CHANGE, "moved"));
        AtomicReference<Request> sent = new AtomicReference<>();
        CxCodec codec = new CxCodec(HSS_HOST, REALM);
        Answer answer = hss.exchange(304, REALM, SCSCF_HOST, request -> {
            codec.encodeRequest(rtr, request);
            sent.set(request);
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        AvpSet avps = sent.get().getAvps();
        assertEquals(SCSCF_HOST, avps.getAvp(293).getDiameterIdentity());  // Destination-Host
        assertFlags(avps.getAvp(632, 10415), true, false);                 // Associated-Identities
        Avp reason = avps.getAvp(615, 10415);
        assertFlags(reason, true, true);                                   // Deregistration-Reason
        assertFlags(reason.getGrouped().getAvp(616, 10415), true, true);   // Reason-Code
        assertEquals(2, reason.getGrouped().getAvp(616, 10415).getInteger32());
        assertFlags(reason.getGrouped().getAvp(617, 10415), true, true);   // Reason-Info
        assertEquals(2001, answer.getAvps().getAvp(268).getUnsigned32());
        assertEquals(SCSCF_HOST, answer.getAvps().getAvp(264).getDiameterIdentity());
    }

    @Test
    void sipDigestItemCarriesTheFlagsOfTs29229() throws Exception {
        MultimediaAuthRequest mar = new MultimediaAuthRequest("alice@ims.example.com",
                "sip:mar-flags@ims.example.com", SERVER_NAME, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.SIP_DIGEST));
        HSS_HANDLER.script(mar.publicIdentity(), new MultimediaAuthAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                null, null, 1L, List.of(SipAuthDataItem.sipDigest(1,
                        new SipDigestAuthenticate("testrealm@host.com", "auth", HA1)))));
        Answer answer = scscf.exchange(303, REALM, null, request -> new CxCodec(SCSCF_HOST, REALM)
                .encodeRequest(mar, request)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Avp item = answer.getAvps().getAvp(612, 10415);
        assertFlags(item, true, true);                                     // SIP-Auth-Data-Item
        assertEquals("SIP Digest", item.getGrouped().getAvp(608, 10415).getUTF8String());
        Avp digest = item.getGrouped().getAvp(635, 10415);
        assertFlags(digest, true, false);                                  // SIP-Digest-Authenticate
        assertFlags(digest.getGrouped().getAvp(104), false, true);         // Digest-Realm (RFC 4740)
        assertEquals(HA1, digest.getGrouped().getAvp(121).getUTF8String()); // Digest-HA1
    }

    // ---- helpers ----

    private <A extends CxAnswer> void assertRoundTrip(String key, CxHssRequest<A> request, A answer)
            throws Exception {
        HSS_HANDLER.script(key, answer);
        A received = scscf.send(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(answer, received, "the S-CSCF decoded what the HSS encoded");
        assertEquals(request, HSS_HANDLER.received(key), "the HSS decoded what the S-CSCF encoded");
        assertEnvelope(HSS_HANDLER.envelope(key), SCSCF_HOST, null);
    }

    private static void assertEnvelope(CxEnvelope envelope, String originHost, String destinationHost) {
        assertNotNull(envelope.sessionId());
        assertTrue(envelope.sessionId().startsWith(originHost + ";"), "Session-Id of RFC 6733 section 8.8");
        assertEquals(originHost, envelope.originHost());
        assertEquals(REALM, envelope.originRealm());
        assertEquals(REALM, envelope.destinationRealm());
        assertEquals(destinationHost, envelope.destinationHost());
    }

    private static void assertFlags(Avp avp, boolean vendorBit, boolean mandatoryBit) {
        assertNotNull(avp, "AVP present");
        assertEquals(vendorBit, avp.isVendorId(), "V-bit of AVP " + avp.getCode());
        assertEquals(mandatoryBit, avp.isMandatory(), "M-bit of AVP " + avp.getCode());
        assertFalse(avp.isEncrypted(), "P-bit of AVP " + avp.getCode());
    }
}
