package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cscf.store.TransportFlow;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class UeRegisterTest {

    private static final String HOME = "ims.mnc015.mcc234.3gppnetwork.org";
    private static final TransportFlow FLOW = new TransportFlow("UDP", "192.0.2.10", 5060);
    private static final SipFactories SIP = SipFactories.create();

    /** A REGISTER as a UE writes it (TS 24.229 5.1.1.2), with the given To and extra header lines. */
    static Request register(String to, String... extra) throws Exception {
        StringBuilder text = new StringBuilder()
                .append("REGISTER sip:").append(HOME).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <").append(to).append(">;tag=4fa3\r\n")
                .append("To: <").append(to).append(">\r\n")
                .append("Call-ID: apb03a0s09dkjdfglkj49111\r\n")
                .append("CSeq: 1 REGISTER\r\n");
        for (String line : extra) {
            text.append(line).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return SIP.messages().createRequest(text.toString());
    }

    @Test
    void withoutAuthorizationTheImpiIsDerivedFromTheTemporaryPublicIdentity() throws Exception {
        // TS 23.003 13.4B: temporary IMPU sip:<IMSI>@ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org and IMPI <IMSI>@<same>
        UeRegister register = UeRegister.read(register("sip:234150999999999@" + HOME,
                "Contact: <sip:[5555::aaa:bbb:ccc:ddd]:5060>;expires=600000"), FLOW, HOME);
        assertEquals("234150999999999@" + HOME, register.impi());
        assertFalse(register.impiGiven());
        assertEquals("sip:234150999999999@" + HOME, register.publicIdentity());
        assertEquals(1, register.contacts().size());
        assertEquals(600000, register.requestedExpiry(register.contacts().get(0)));
        assertFalse(register.deregistration());
        assertFalse(register.outbound());
        assertEquals(FLOW, register.flow());
    }

    @Test
    void theAuthorizationForTheHomeRealmNamesTheImpi() throws Exception {
        UeRegister register = UeRegister.read(register("sip:user1_public1@home1.net",
                "Contact: <sip:192.0.2.10:5060>",
                "Authorization: Digest username=\"other@elsewhere.net\", realm=\"elsewhere.net\", nonce=\"\", "
                        + "uri=\"sip:elsewhere.net\", response=\"\"",
                "Authorization: Digest username=\"user1_private@home1.net\", realm=\"home1.net\", nonce=\"\", "
                        + "uri=\"sip:home1.net\", response=\"\""), FLOW, "home1.net");
        assertEquals("user1_private@home1.net", register.impi());
        assertTrue(register.impiGiven());
        assertEquals(UeRegister.DEFAULT_EXPIRES, register.requestedExpiry(register.contacts().get(0)),
                "RFC 3261 10.2.1.1: no expiry given -> 3600");
    }

    @Test
    void outboundNeedsTheOptionTagAndARegId() throws Exception {
        String contact = "Contact: <sip:192.0.2.10:5060;transport=tcp>;reg-id=1;"
                + "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"";
        assertTrue(UeRegister.read(register("sip:alice@home1.net", contact, "Supported: path, outbound"), FLOW,
                "home1.net").outbound());
        assertFalse(UeRegister.read(register("sip:alice@home1.net", contact, "Supported: path"), FLOW,
                "home1.net").outbound(), "RFC 5626 4.2: no outbound option tag");
        assertFalse(UeRegister.read(register("sip:alice@home1.net", "Contact: <sip:192.0.2.10:5060>",
                "Supported: outbound"), FLOW, "home1.net").outbound(), "no reg-id");
    }

    @Test
    void deRegistrationIsExpiresZeroForEveryContactOrAWildcard() throws Exception {
        assertTrue(UeRegister.read(register("sip:alice@home1.net", "Contact: <sip:192.0.2.10:5060>",
                "Expires: 0"), FLOW, "home1.net").deregistration());
        assertTrue(UeRegister.read(register("sip:alice@home1.net", "Contact: <sip:192.0.2.10:5060>;expires=0"),
                FLOW, "home1.net").deregistration());
        UeRegister wildcard = UeRegister.read(register("sip:alice@home1.net", "Contact: *", "Expires: 0"), FLOW,
                "home1.net");
        assertTrue(wildcard.wildcard());
        assertTrue(wildcard.contacts().isEmpty());
        assertTrue(wildcard.deregistration());
        assertFalse(UeRegister.read(register("sip:alice@home1.net"), FLOW, "home1.net").deregistration(),
                "no Contact: a query");
        assertFalse(UeRegister.read(register("sip:alice@home1.net", "Contact: <sip:192.0.2.10:5060>;expires=0",
                "Contact: <sip:192.0.2.10:5062>"), FLOW, "home1.net").deregistration());
    }

    @Test
    void aToWithoutSipUserPartIsMalformed() throws Exception {
        MalformedRegisterException tel = assertThrows(MalformedRegisterException.class,
                () -> UeRegister.read(register("tel:+15551234567"), FLOW, "home1.net"));
        assertEquals("To Is Not A SIP URI With User Part", tel.reasonPhrase());
        assertTrue(tel.getMessage().contains("tel URI"), tel.getMessage());
        MalformedRegisterException noUser = assertThrows(MalformedRegisterException.class,
                () -> UeRegister.read(register("sip:home1.net"), FLOW, "home1.net"));
        assertTrue(noUser.getMessage().contains("without user part"), noUser.getMessage());
    }

    @Test
    void anUnreadableAuthorizationIsMalformedWithoutShowingIt() throws Exception {
        MalformedRegisterException e = assertThrows(MalformedRegisterException.class,
                () -> UeRegister.read(register("sip:alice@home1.net", "Contact: <sip:192.0.2.10:5060>",
                        "Authorization: Digest username=\"alice@home1.net\", response=\"s3cr3t\""), FLOW,
                        "home1.net"));
        assertEquals("Malformed Authorization", e.reasonPhrase());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
