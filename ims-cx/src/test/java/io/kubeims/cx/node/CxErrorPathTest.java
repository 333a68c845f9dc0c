package io.kubeims.cx.node;

import static io.kubeims.cx.node.CxTestNodes.HSS_HOST;
import static io.kubeims.cx.node.CxTestNodes.REALM;
import static io.kubeims.cx.node.CxTestNodes.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.codec.CxCodec;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed and unserved requests on the wire, and the answers of RFC 6733 section 7 they get. Expectations
 * are read from the raw answer AVPs (independent of our decoder) and then from the decoded answer record.
 */
class CxErrorPathTest {

    private static final String SCSCF_HOST = "scscf-0.scscf.ims.example.com";
    private static final String SERVER_NAME = "sip:scscf.ims.example.com:6060";
    private static final long TGPP = 10415;

    private static final ScriptedHssHandler HSS_HANDLER = new ScriptedHssHandler();
    private static CxNode hss;
    private static CxNode scscf;
    private static final CxCodec SCSCF_CODEC = new CxCodec(SCSCF_HOST, REALM);
    private static final CxCodec HSS_CODEC = new CxCodec(HSS_HOST, REALM);

    @BeforeAll
    static void startNodes() throws Exception {
        hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), HSS_HANDLER));
        scscf = CxTestNodes.started(CxNode.scscf(CxTestNodes.cscfSettings(SCSCF_HOST, hss.settings()),
                new ScriptedScscfHandler()));
        assertTrue(CxTestNodes.awaitPeer(hss, SCSCF_HOST, true));
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

    @Test
    void unknownCommandIsAnswered3001WithTheErrorBit() throws Exception {
        Answer answer = toHss(399, request -> request.getAvps().addAvp(Avp.AUTH_SESSION_STATE, 1));
        assertEquals(3001, resultCode(answer));
        assertTrue(answer.isError(), "E-bit (RFC 6733 section 7.1.3)");
        assertOriginIsHss(answer);
    }

    @Test
    void commandWithoutHandlerOnThisNodeIsAnswered3001() throws Exception {
        // a UAR sent to an S-CSCF, which serves only RTR and PPR
        UserAuthorizationRequest uar = new UserAuthorizationRequest("alice@ims.example.com",
                "sip:alice@ims.example.com", "ims.example.com");
        Answer answer = hss.exchange(300, REALM, SCSCF_HOST, request -> HSS_CODEC.encodeRequest(uar, request))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(3001, resultCode(answer));
        assertTrue(answer.isError());
        assertEquals(SCSCF_HOST, answer.getAvps().getAvp(Avp.ORIGIN_HOST).getDiameterIdentity());
    }

    @Test
    void missingUserNameIsAnswered5005WithItInFailedAvp() throws Exception {
        MultimediaAuthRequest mar = mar("sip:missing-user-name@ims.example.com");
        Answer answer = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(mar, request);
            request.getAvps().removeAvp(Avp.USER_NAME);
        });
        assertEquals(5005, resultCode(answer));
        assertFalse(answer.isError(), "E-bit only for 3xxx");
        // RFC 6733 section 7.5: an example of the missing AVP, value of minimum length (UTF8String: empty)
        Avp failed = onlyFailedAvp(answer);
        assertEquals(1, failed.getCode());
        assertFalse(failed.isVendorId());
        assertEquals(0, failed.getRaw().length);
        assertTrue(errorMessage(answer).contains("User-Name"));
        assertOriginIsHss(answer);

        MultimediaAuthAnswer decoded = SCSCF_CODEC.decodeAnswer(mar, answer).message();
        assertTrue(decoded.result().is(DiameterResultCode.MISSING_AVP));
        assertEquals(List.of(new RawAvp(1, 0, true, new byte[0])), decoded.failedAvps());
        assertNotNull(decoded.errorMessage());
    }

    @Test
    void missingPublicIdentityIsAnswered5005WithItInFailedAvp() throws Exception {
        UserAuthorizationRequest uar = new UserAuthorizationRequest("alice@ims.example.com",
                "sip:missing-public-identity@ims.example.com", "ims.example.com");
        Answer answer = toHss(300, request -> {
            SCSCF_CODEC.encodeRequest(uar, request);
            request.getAvps().removeAvp(601, TGPP);
        });
        assertEquals(5005, resultCode(answer));
        Avp failed = onlyFailedAvp(answer);
        assertEquals(601, failed.getCode());
        assertEquals(TGPP, failed.getVendorId());
        assertTrue(failed.isVendorId());
        assertTrue(failed.isMandatory());
        assertTrue(errorMessage(answer).contains("Public-Identity"));
        assertEquals(List.of(new RawAvp(601, TGPP, true, new byte[0])),
                SCSCF_CODEC.decodeAnswer(uar, answer).message().failedAvps());
    }

    @Test
    void undefinedServerAssignmentTypeIsAnswered5004WithTheOffendingAvp() throws Exception {
        ServerAssignmentRequest sar = sar("sip:bad-assignment-type@ims.example.com");
        Answer answer = toHss(301, request -> {
            SCSCF_CODEC.encodeRequest(sar, request);
            request.getAvps().removeAvp(614, TGPP);
            request.getAvps().addAvp(614, 99, TGPP, true, false);
        });
        assertEquals(5004, resultCode(answer));
        Avp failed = onlyFailedAvp(answer);
        assertEquals(614, failed.getCode());
        assertEquals(TGPP, failed.getVendorId());
        assertEquals(99, failed.getInteger32());
        assertTrue(errorMessage(answer).contains("Server-Assignment-Type"));
        assertEquals(List.of(new RawAvp(614, TGPP, true, new byte[] {0, 0, 0, 99})),
                SCSCF_CODEC.decodeAnswer(sar, answer).message().failedAvps());
    }

    @Test
    void enumeratedAvpOfThreeOctetsIsAnswered5014() throws Exception {
        ServerAssignmentRequest sar = sar("sip:short-assignment-type@ims.example.com");
        Answer answer = toHss(301, request -> {
            SCSCF_CODEC.encodeRequest(sar, request);
            request.getAvps().removeAvp(614, TGPP);
            request.getAvps().addAvp(614, new byte[] {0, 0, 1}, TGPP, true, false);
        });
        assertEquals(5014, resultCode(answer));
        Avp failed = onlyFailedAvp(answer);
        assertEquals(614, failed.getCode());
        assertArrayEquals(new byte[] {0, 0, 1}, failed.getRaw());
    }

    @Test
    void groupedAvpWhoseInnerLengthOverrunsIsAnswered5014() throws Exception {
        MultimediaAuthRequest mar = mar("sip:overrun@ims.example.com");
        // an inner AVP header announcing 255 octets where 12 follow (RFC 6733 section 4.1 AVP Length)
        byte[] overrun = HexFormat.of().parseHex("00000260" + "C00000FF" + "000028AF" + "41424344");
        Answer answer = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(mar, request);
            request.getAvps().removeAvp(612, TGPP);
            request.getAvps().addAvp(612, overrun, TGPP, true, false);
        });
        assertEquals(5014, resultCode(answer));
        Avp failed = onlyFailedAvp(answer);
        assertEquals(612, failed.getCode());
        assertArrayEquals(overrun, failed.getRaw());
    }

    @Test
    void invalidUtf8IsAnswered5004() throws Exception {
        MultimediaAuthRequest mar = mar("sip:bad-utf8@ims.example.com");
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        Answer answer = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(mar, request);
            request.getAvps().removeAvp(Avp.USER_NAME);
            request.getAvps().addAvp(Avp.USER_NAME, notUtf8, true, false);
        });
        assertEquals(5004, resultCode(answer));
        assertArrayEquals(notUtf8, onlyFailedAvp(answer).getRaw());
    }

    @Test
    void repeatedUserNameIsAnswered5009() throws Exception {
        MultimediaAuthRequest mar = mar("sip:repeated@ims.example.com");
        Answer answer = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(mar, request);
            request.getAvps().addAvp(Avp.USER_NAME, "mallory@ims.example.com".getBytes(StandardCharsets.UTF_8),
                    true, false);
        });
        assertEquals(5009, resultCode(answer));
        assertEquals("mallory@ims.example.com", onlyFailedAvp(answer).getUTF8String());
    }

    @Test
    void unknownMandatoryAvpIsAnswered5001AndAnUnknownOptionalOneIsIgnored() throws Exception {
        MultimediaAuthRequest mandatory = mar("sip:unknown-mandatory@ims.example.com");
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        Answer refused = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(mandatory, request);
            request.getAvps().addAvp(9999, data, TGPP, true, false);
        });
        assertEquals(5001, resultCode(refused));
        Avp failed = onlyFailedAvp(refused);
        assertEquals(9999, failed.getCode());
        assertEquals(TGPP, failed.getVendorId());

        MultimediaAuthRequest optional = mar("sip:unknown-optional@ims.example.com");
        HSS_HANDLER.script(optional.publicIdentity(), MultimediaAuthAnswer.of(CxResult.of(DiameterResultCode.SUCCESS)));
        Answer accepted = toHss(303, request -> {
            SCSCF_CODEC.encodeRequest(optional, request);
            request.getAvps().addAvp(9999, data, TGPP, false, false);
        });
        assertEquals(2001, resultCode(accepted));
        assertEquals(optional, HSS_HANDLER.received(optional.publicIdentity()));
    }

    @Test
    void missingAvpInsideAGroupedAvpIsReportedInsideItsParent() throws Exception {
        RegistrationTerminationRequest rtr = new RegistrationTerminationRequest("alice@ims.example.com", List.of(),
                List.of(), new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, "bye"));
        Answer answer = hss.exchange(304, REALM, SCSCF_HOST, request -> {
            HSS_CODEC.encodeRequest(rtr, request);
            request.getAvps().removeAvp(615, TGPP);
            request.getAvps().addGroupedAvp(615, TGPP, true, false)
                    .addAvp(617, "bye".getBytes(StandardCharsets.UTF_8), TGPP, true, false);
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(5005, resultCode(answer));
        // RFC 6733 section 7.5: Deregistration-Reason holding an example of Reason-Code (616, V and M, 4 zero octets)
        Avp failed = onlyFailedAvp(answer);
        assertEquals(615, failed.getCode());
        Avp reasonCode = failed.getGrouped().getAvp(616, TGPP);
        assertNotNull(reasonCode);
        assertTrue(reasonCode.isMandatory());
        assertEquals(0, reasonCode.getInteger32());
        assertEquals(1, failed.getGrouped().size());
        assertEquals(List.of(new RawAvp(615, TGPP, true,
                        HexFormat.of().parseHex("00000268" + "C0000010" + "000028AF" + "00000000"))),
                HSS_CODEC.decodeAnswer(rtr, answer).message().failedAvps());
    }

    @Test
    void handlerThatThrowsIsAnswered5012() throws Exception {
        MultimediaAuthRequest mar = mar(ScriptedHssHandler.THROW);
        Answer answer = toHss(303, request -> SCSCF_CODEC.encodeRequest(mar, request));
        assertEquals(5012, resultCode(answer));
        assertOriginIsHss(answer);
        // and the connection survived: the next request is answered normally
        MultimediaAuthRequest next = mar("sip:after-failure@ims.example.com");
        HSS_HANDLER.script(next.publicIdentity(), MultimediaAuthAnswer.of(CxResult.of(DiameterResultCode.SUCCESS)));
        assertTrue(scscf.send(next).get(WAIT.toSeconds(), TimeUnit.SECONDS).result().isSuccess());
    }

    @Test
    void handlerWithoutScriptedAnswerFailsTheFutureWithTheDecoded5012() throws Exception {
        MultimediaAuthRequest mar = mar("sip:nothing-scripted@ims.example.com");
        CxAnswer answer = scscf.send(mar).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(answer.result().is(DiameterResultCode.UNABLE_TO_COMPLY));
    }

    // ---- helpers ----

    private static Answer toHss(int commandCode, Consumer<Request> filler) throws Exception {
        return scscf.exchange(commandCode, REALM, null, filler).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static MultimediaAuthRequest mar(String publicIdentity) {
        return new MultimediaAuthRequest("alice@ims.example.com", publicIdentity, SERVER_NAME, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
    }

    private static ServerAssignmentRequest sar(String publicIdentity) {
        return new ServerAssignmentRequest("alice@ims.example.com", List.of(publicIdentity), SERVER_NAME,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE);
    }

    private static long resultCode(Answer answer) throws Exception {
        Avp result = answer.getAvps().getAvp(Avp.RESULT_CODE);
        assertNotNull(result, "Result-Code");
        return result.getUnsigned32();
    }

    private static Avp onlyFailedAvp(Answer answer) throws Exception {
        Avp failedAvp = answer.getAvps().getAvp(Avp.FAILED_AVP);
        assertNotNull(failedAvp, "Failed-AVP");
        AvpSet inner = failedAvp.getGrouped();
        assertEquals(1, inner.size(), "one offending AVP");
        return inner.getAvpByIndex(0);
    }

    private static String errorMessage(Answer answer) throws Exception {
        Avp message = answer.getAvps().getAvp(Avp.ERROR_MESSAGE);
        assertNotNull(message, "Error-Message");
        assertFalse(message.isMandatory(), "Error-Message M-bit must not be set (RFC 6733 section 4.5)");
        return message.getUTF8String();
    }

    private static void assertOriginIsHss(Answer answer) throws Exception {
        assertEquals(HSS_HOST, answer.getAvps().getAvp(Avp.ORIGIN_HOST).getDiameterIdentity());
        assertEquals(REALM, answer.getAvps().getAvp(Avp.ORIGIN_REALM).getDiameterIdentity());
    }

}
