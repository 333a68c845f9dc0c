package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubeims.cscf.icscf.RegistrationDecision.Fault;
import io.kubeims.cscf.icscf.RegistrationDecision.Forward;
import io.kubeims.cscf.icscf.RegistrationDecision.Reject;
import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.client.CxTimeoutException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UserAuthorizationType;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Each UAA outcome of TS 29.228 6.1.1.1 (codes of TS 29.229 6.2 and RFC 6733 7.1) mapped to what TS 24.229 5.3.1.2
 * and 5.3.1.3 make the I-CSCF do with the REGISTER.
 */
class RegistrationRoutingTest {

    private static final String SCSCF = "sip:scscf.home1.net:6060";
    private static final IcscfSettings SETTINGS = new IcscfSettings("home1.net",
            List.of(ScscfCandidate.of(SCSCF, 1L)), Duration.ofSeconds(17));
    private static final RegistrationRouting ROUTING = new RegistrationRouting(
            new ScscfSelector(SETTINGS.scscfPool()), SETTINGS);
    private static final RegistrationQuery REGISTRATION = new RegistrationQuery("alice@home1.net",
            "sip:alice@home1.net", "home1.net", UserAuthorizationType.REGISTRATION);
    private static final RegistrationQuery DEREGISTRATION = new RegistrationQuery("alice@home1.net",
            "sip:alice@home1.net", "home1.net", UserAuthorizationType.DE_REGISTRATION);

    private static UserAuthorizationAnswer answer(CxResult result, String serverName, ServerCapabilities caps) {
        return new UserAuthorizationAnswer(result, serverName, caps);
    }

    private static Reject reject(RegistrationDecision decision) {
        return assertInstanceOf(Reject.class, decision);
    }

    @Test
    void firstRegistrationSelectsByCapabilities() {
        Forward forward = assertInstanceOf(Forward.class, ROUTING.decide(REGISTRATION,
                answer(CxResult.of(CxExperimentalResultCode.FIRST_REGISTRATION), null,
                        new ServerCapabilities(List.of(1L), List.of(), List.of()))));
        assertEquals(SCSCF, forward.serverName());
    }

    @Test
    void aNamedServerIsUsedAsIs() {
        String assigned = "sip:scscf-7.home1.net:6060;transport=tcp";
        assertEquals(assigned, assertInstanceOf(Forward.class, ROUTING.decide(REGISTRATION,
                answer(CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), assigned, null))).serverName());
        // DE_REGISTRATION of a registered user: DIAMETER_SUCCESS with the Server-Name (TS 29.228 6.1.1.1)
        assertEquals(assigned, assertInstanceOf(Forward.class, ROUTING.decide(DEREGISTRATION,
                answer(CxResult.of(DiameterResultCode.SUCCESS), assigned, null))).serverName());
    }

    @Test
    void noCapableScscfIsBusyEverywhere() {
        Reject reject = reject(ROUTING.decide(REGISTRATION, answer(
                CxResult.of(CxExperimentalResultCode.FIRST_REGISTRATION), null,
                new ServerCapabilities(List.of(2L), List.of(), List.of()))));
        assertEquals(600, reject.status());
        assertEquals(Fault.INFRASTRUCTURE, reject.fault());
    }

    @Test
    void refusalsAboutTheUserAre403() {
        Object[][] cases = {
                {CxResult.of(CxExperimentalResultCode.USER_UNKNOWN), "User Unknown"},
                {CxResult.of(CxExperimentalResultCode.IDENTITIES_DONT_MATCH), "Identities Do Not Match"},
                {CxResult.of(CxExperimentalResultCode.ROAMING_NOT_ALLOWED), "Roaming Not Allowed"},
                {CxResult.of(DiameterResultCode.AUTHORIZATION_REJECTED), "Registration Barred"},
                {CxResult.of(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED), "Not Registered"},
        };
        for (Object[] c : cases) {
            Reject reject = reject(ROUTING.decide(REGISTRATION, answer((CxResult) c[0], null, null)));
            assertEquals(403, reject.status(), c[1].toString());
            assertEquals(c[1], reject.reasonPhrase());
            assertEquals(Fault.USER, reject.fault());
            assertNull(reject.reasonText());
        }
    }

    @Test
    void anOverloadedHssIs503WithRetryAfter() {
        Reject busy = reject(ROUTING.decide(REGISTRATION, answer(CxResult.of(DiameterResultCode.TOO_BUSY), null,
                null)));
        assertEquals(503, busy.status());
        assertEquals(OptionalInt.of(17), busy.retryAfter());
        assertEquals("HSS answered DIAMETER_TOO_BUSY (3004)", busy.reasonText());
        assertEquals(Fault.INFRASTRUCTURE, busy.fault());
        // a transient failure (RFC 6733 7.1.4) too
        assertEquals(503, reject(ROUTING.decide(REGISTRATION, answer(
                CxResult.of(DiameterResultCode.OUT_OF_SPACE), null, null))).status());
    }

    @Test
    void otherHssErrorsAre500() {
        Reject unable = reject(ROUTING.decide(REGISTRATION, answer(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY),
                null, null)));
        assertEquals(500, unable.status());
        assertEquals("HSS answered DIAMETER_UNABLE_TO_COMPLY (5012)", unable.reasonText());
        assertEquals(OptionalInt.empty(), unable.retryAfter());
        // 2002 must name the S-CSCF (TS 29.228 6.1.1.1)
        assertEquals(500, reject(ROUTING.decide(REGISTRATION, answer(
                CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), null, null))).status());
        // an experimental code of another vendor
        assertEquals(500, reject(ROUTING.decide(REGISTRATION, answer(new CxResult.Experimental(99, 5999), null,
                null))).status());
    }

    @Test
    void noAnswerIs480WithAReason() {
        Reject timeout = reject(ROUTING.failed(REGISTRATION,
                new CompletionException(new CxTimeoutException("no answer within 3000 ms"))));
        assertEquals(480, timeout.status());
        assertEquals("HSS did not answer the registration status query in time", timeout.reasonText());
        assertEquals(Fault.INFRASTRUCTURE, timeout.fault());
        Reject down = reject(ROUTING.failed(REGISTRATION, new CxNoConnectionException("no connection", null)));
        assertEquals(480, down.status());
        assertNotNull(down.reasonText());
        assertEquals(480, reject(ROUTING.decide(REGISTRATION, answer(
                CxResult.of(DiameterResultCode.UNABLE_TO_DELIVER), null, null))).status());
    }
}
