package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.UserAuthorizationType;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * The UAR a REGISTER asks for (TS 24.229 5.3.1.2, TS 29.228 6.1.1): identities from Authorization/To, the visited
 * network from P-Visited-Network-ID, and de-registration as RFC 3261 10.2.2 defines it.
 */
class RegistrationQueryTest {

    private static final String HOME = "home1.net";
    private static final SipFactories FACTORIES = SipFactories.create();

    /** A REGISTER in the shape of the TS 24.229 / TS 24.228 examples, with the given extra header lines. */
    private static Request register(String to, String... extraHeaders) throws Exception {
        StringBuilder text = new StringBuilder()
                .append("REGISTER sip:registrar.home1.net SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP [5555::aaa:bbb:ccc:ddd]:1357;comp=sigcomp;branch=z9hG4bKnashds7\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <").append(to).append(">;tag=4fa3\r\n")
                .append("To: <").append(to).append(">\r\n")
                .append("Call-ID: apb03a0s09dkjdfglkj49111\r\n")
                .append("CSeq: 1 REGISTER\r\n");
        for (String header : extraHeaders) {
            text.append(header).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return FACTORIES.messages().createRequest(text.toString());
    }

    @Test
    void initialRegisterWithAuthorizationUsesItsUsernameAndTheVisitedNetwork() throws Exception {
        Request register = register("sip:user1_public1@home1.net",
                "Contact: <sip:[5555::aaa:bbb:ccc:ddd]:1357;comp=sigcomp>;expires=600000",
                "Authorization: Digest username=\"user1_private@home1.net\", realm=\"home1.net\", nonce=\"\", "
                        + "uri=\"sip:registrar.home1.net\", response=\"\"",
                "P-Visited-Network-ID: \"Visited Network Number 1\"");
        RegistrationQuery query = RegistrationQuery.of(register, HOME);
        assertEquals("user1_private@home1.net", query.userName());
        assertEquals("sip:user1_public1@home1.net", query.publicIdentity());
        assertEquals("Visited Network Number 1", query.visitedNetwork());
        assertEquals(UserAuthorizationType.REGISTRATION, query.authorizationType());
        UserAuthorizationRequest uar = query.toRequest();
        assertEquals(new UserAuthorizationRequest("user1_private@home1.net", "sip:user1_public1@home1.net",
                "Visited Network Number 1", UserAuthorizationType.REGISTRATION, 0), uar);
    }

    @Test
    void withoutAuthorizationTheImpiIsUserAtHostOfToAndTheNetworkIsHome() throws Exception {
        RegistrationQuery query = RegistrationQuery.of(register("sip:alice@home1.net;transport=udp",
                "Contact: <sip:alice@192.0.2.4>"), HOME);
        assertEquals("alice@home1.net", query.userName());
        assertEquals("sip:alice@home1.net", query.publicIdentity());
        assertEquals(HOME, query.visitedNetwork());
    }

    @Test
    void theAuthorizationForTheHomeRealmWins() throws Exception {
        RegistrationQuery query = RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>",
                "Authorization: Digest username=\"other@visited.net\", realm=\"visited.net\", nonce=\"\", "
                        + "uri=\"sip:registrar.home1.net\", response=\"\"",
                "Authorization: Digest username=\"alice.private@home1.net\", realm=\"home1.net\", nonce=\"\", "
                        + "uri=\"sip:registrar.home1.net\", response=\"\""), HOME);
        assertEquals("alice.private@home1.net", query.userName());
    }

    @Test
    void expiresZeroWithContactsDeRegisters() throws Exception {
        // RFC 3261 10.2.2: every binding named with expiry 0 is removed
        assertEquals(UserAuthorizationType.DE_REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>", "Expires: 0"), HOME).authorizationType());
        assertEquals(UserAuthorizationType.DE_REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>;expires=0, <sip:alice@192.0.2.5>;expires=0"), HOME)
                .authorizationType());
        // the expires parameter overrides the Expires header (RFC 3261 10.2.1.1)
        assertEquals(UserAuthorizationType.DE_REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>;expires=0", "Expires: 600"), HOME).authorizationType());
        // Contact: * with Expires: 0 removes all bindings (RFC 3261 10.2.2)
        assertEquals(UserAuthorizationType.DE_REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: *", "Expires: 0"), HOME).authorizationType());
    }

    @Test
    void aRegisterKeepingOneBindingOrOnlyQueryingIsARegistration() throws Exception {
        assertEquals(UserAuthorizationType.REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>;expires=0, <sip:alice@192.0.2.5>;expires=600"), HOME)
                .authorizationType());
        assertEquals(UserAuthorizationType.REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Contact: <sip:alice@192.0.2.4>;expires=0", "Expires: 0", "Contact: <sip:alice@192.0.2.5>;expires=1"),
                HOME).authorizationType());
        // no Contact: a query of the bindings (RFC 3261 10.2.3), whatever Expires says
        assertEquals(UserAuthorizationType.REGISTRATION, RegistrationQuery.of(register("sip:alice@home1.net",
                "Expires: 0"), HOME).authorizationType());
    }

    @Test
    void aTelToOrAToWithoutUserCannotRegister() throws Exception {
        InvalidRegisterException tel = assertThrows(InvalidRegisterException.class,
                () -> RegistrationQuery.of(register("tel:+15551234567", "Contact: <sip:alice@192.0.2.4>"), HOME));
        assertEquals(403, tel.status());
        assertEquals("Public Identity Not A SIP URI", tel.reasonPhrase());
        InvalidRegisterException noUser = assertThrows(InvalidRegisterException.class,
                () -> RegistrationQuery.of(register("sip:home1.net", "Contact: <sip:alice@192.0.2.4>"), HOME));
        assertEquals(403, noUser.status());
        assertEquals("Public Identity Without User Part", noUser.reasonPhrase());
    }

    @Test
    void aQueryNeedsEveryField() {
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrationQuery(" ", "sip:a@b", HOME, UserAuthorizationType.REGISTRATION));
        assertThrows(IllegalArgumentException.class, () -> new RegistrationQuery("a@b", "sip:a@b", HOME, null));
    }
}
