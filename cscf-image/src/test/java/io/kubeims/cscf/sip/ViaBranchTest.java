package io.kubeims.cscf.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The branch rules of RFC 3261 8.1.1.7, 16.6 step 8, 16.11 and 16.3 step 4 as properties of {@link ViaBranch}. */
class ViaBranchTest {

    private final SipFactories sip = SipFactories.create();

    private Request parse(String method, String topVia, String requestUri, String route) throws Exception {
        return sip.messages().createRequest(method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: " + topVia + "\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKuac1\r\n"
                + (route == null ? "" : "Route: " + route + "\r\n")
                + "Max-Forwards: 69\r\n"
                + "From: <sip:alice@ims.test>;tag=1928301774\r\n"
                + "To: <sip:bob@ims.test>\r\n"
                + "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n"
                + "CSeq: 314159 " + method + "\r\n"
                + (method.equals("INVITE") ? "Contact: <sip:alice@192.0.2.1>\r\n" : "")
                + "Content-Length: 0\r\n\r\n");
    }

    private static final String VIA = "SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK776asdhds";

    @Test
    void everyBranchCarriesTheMagicCookie() throws Exception {
        Request invite = parse("INVITE", VIA, "sip:bob@ims.test", null);
        for (String branch : new String[] {ViaBranch.random(), ViaBranch.stateful(invite), ViaBranch.stateless(invite)}) {
            assertTrue(branch.startsWith("z9hG4bK"), branch);
        }
        assertNotEquals(ViaBranch.random(), ViaBranch.random());
        assertNotEquals(ViaBranch.stateful(invite), ViaBranch.stateful(invite));
    }

    @Test
    void aStatelessBranchIsTheSameForARetransmissionAndForItsCancel() throws Exception {
        Request invite = parse("INVITE", VIA, "sip:bob@ims.test", "<sip:scscf.ims.test;lr>");
        Request retransmission = parse("INVITE", VIA, "sip:bob@ims.test", "<sip:scscf.ims.test;lr>");
        // RFC 3261 9.1: the CANCEL has the INVITE's Request-URI, Call-ID, From, CSeq number, Route and top Via
        Request cancel = parse("CANCEL", VIA, "sip:bob@ims.test", "<sip:scscf.ims.test;lr>");
        assertEquals(ViaBranch.stateless(invite), ViaBranch.stateless(retransmission));
        assertEquals(ViaBranch.stateless(invite), ViaBranch.stateless(cancel));
        Request another = parse("INVITE", "SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKother", "sip:bob@ims.test",
                "<sip:scscf.ims.test;lr>");
        assertNotEquals(ViaBranch.stateless(invite), ViaBranch.stateless(another));
    }

    @Test
    void theLoopKeyIgnoresTheTopViaButNotTheTarget() throws Exception {
        Request first = parse("OPTIONS", VIA, "sip:bob@ims.test", null);
        Request cameBack = parse("OPTIONS", "SIP/2.0/TCP 192.0.2.77:5070;branch=z9hG4bKelse", "sip:bob@ims.test",
                null);
        assertEquals(ViaBranch.loopKey(first), ViaBranch.loopKey(cameBack));
        assertNotEquals(ViaBranch.loopKey(first), ViaBranch.loopKey(parse("OPTIONS", VIA, "sip:carol@ims.test", null)));
        assertNotEquals(ViaBranch.loopKey(first),
                ViaBranch.loopKey(parse("OPTIONS", VIA, "sip:bob@ims.test", "<sip:as.ims.test;lr>")));
        assertEquals(Optional.of(ViaBranch.loopKey(first)), ViaBranch.loopKeyOf(ViaBranch.stateful(first)));
        assertEquals(Optional.of(ViaBranch.loopKey(first)), ViaBranch.loopKeyOf(ViaBranch.stateless(first)));
        assertEquals(Optional.empty(), ViaBranch.loopKeyOf("z9hG4bK776asdhds"));
        assertEquals(Optional.empty(), ViaBranch.loopKeyOf(ViaBranch.random()));
    }

    @Test
    void theToTagOfOurResponsesIsStablePerTransaction() throws Exception {
        Request register = parse("REGISTER", VIA, "sip:ims.test", null);
        assertEquals(ViaBranch.responseToTag(register), ViaBranch.responseToTag(parse("REGISTER", VIA, "sip:ims.test",
                null)));
        assertNotEquals(ViaBranch.responseToTag(register), ViaBranch.responseToTag(parse("REGISTER",
                "SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKnext", "sip:ims.test", null)));
    }
}
