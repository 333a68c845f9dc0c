package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cx.message.LocationInfoRequest;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * The Public-Identity of the I-CSCF's LIR (TS 29.228 6.1.4.1: the Request-URI) for request lines in the shape of the
 * TS 24.228 examples; tel URIs as RFC 3966 writes them.
 */
class LocationQueryTest {

    private static final SipFactories FACTORIES = SipFactories.create();

    private static Request invite(String requestUri) throws Exception {
        String text = "INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP scscf1.home1.net;branch=z9hG4bK332b23.1\r\n"
                + "Max-Forwards: 68\r\n"
                + "From: <sip:user1_public1@home1.net>;tag=171828\r\n"
                + "To: <" + requestUri + ">\r\n"
                + "Call-ID: cb03a0s09a2sdfglkj490333\r\n"
                + "CSeq: 127 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        return FACTORIES.messages().createRequest(text);
    }

    @Test
    void aSipRequestUriIsAskedWithoutPortAndParameters() throws Exception {
        LocationQuery query = LocationQuery.of(invite("sip:user2_public1@home2.net:5070;transport=tcp"));
        assertEquals("sip:user2_public1@home2.net", query.publicIdentity());
        LocationInfoRequest lir = query.toRequest();
        assertEquals("sip:user2_public1@home2.net", lir.publicIdentity());
        assertFalse(lir.originatingRequest(), "terminating: no Originating-Request AVP");
    }

    @Test
    void aTelUriIsAskedAsItIs() throws Exception {
        assertEquals("tel:+358504821437", LocationQuery.of(invite("tel:+358504821437")).publicIdentity());
        assertEquals("tel:7042", LocationQuery.of(invite("tel:7042;phone-context=example.com")).publicIdentity());
    }

    @Test
    void aSipUriWithoutUserIs404() throws Exception {
        UnlocatableRequestException e = assertThrows(UnlocatableRequestException.class,
                () -> LocationQuery.of(invite("sip:home2.net")));
        assertEquals(404, e.status());
        assertEquals("No Public Identity In Request-URI", e.reasonPhrase());
    }

    @Test
    void anotherSchemeIs416() throws Exception {
        UnlocatableRequestException e = assertThrows(UnlocatableRequestException.class,
                () -> LocationQuery.of(invite("im:user2@home2.net")));
        assertEquals(416, e.status());
    }
}
