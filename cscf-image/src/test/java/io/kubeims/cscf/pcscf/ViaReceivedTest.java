package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.SipFactories;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import javax.sip.header.ViaHeader;
import org.junit.jupiter.api.Test;

/** RFC 3581 section 4 and RFC 3261 18.2.1 on the top Via of a request as received. */
class ViaReceivedTest {

    private static final SipFactories SIP = SipFactories.create();

    private static ViaHeader via(String value) throws Exception {
        return (ViaHeader) SIP.headers().createHeader("Via", value);
    }

    private static InetSocketAddress from(String address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    @Test
    void rportRequestedGetsReceivedAndThePortEvenWhenTheHostMatches() throws Exception {
        // RFC 3581 4: with rport the server MUST add received, even when equal to sent-by, and the source port
        ViaHeader via = via("SIP/2.0/UDP 192.0.2.1:5060;rport;branch=z9hG4bKc2d4f6");
        assertTrue(ViaReceived.apply(via, from("192.0.2.1", 9988)));
        assertEquals("192.0.2.1", via.getReceived());
        assertEquals(9988, via.getRPort());
    }

    @Test
    void behindANatBothAreSet() throws Exception {
        ViaHeader via = via("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff");
        assertTrue(ViaReceived.apply(via, from("192.0.2.1", 9988)));
        assertEquals("192.0.2.1", via.getReceived());
        assertEquals(9988, via.getRPort());
        assertFalse(ViaReceived.apply(via, from("192.0.2.1", 9988)), "a second pass changes nothing");
    }

    @Test
    void withoutRportOnlyADifferentHostIsMarked() throws Exception {
        // RFC 3261 18.2.1: received when sent-by differs from the source; no rport unless asked for
        ViaHeader differs = via("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKkjshdyff");
        assertTrue(ViaReceived.apply(differs, from("192.0.2.1", 9988)));
        assertEquals("192.0.2.1", differs.getReceived());
        assertEquals(-1, differs.getRPort());
        ViaHeader same = via("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkjshdyff");
        assertFalse(ViaReceived.apply(same, from("192.0.2.1", 9988)));
        assertNull(same.getReceived());
    }
}
