package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each SPT kind of TS 29.228 Annex B.2.2, positive and negative. */
class SptConditionTest {

    /** An SDP offer with audio and video (RFC 4566 style). */
    private static final String SDP = "v=0\r\n"
            + "o=alice 2890844526 2890844526 IN IP4 host.example.com\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0 8 97\r\n"
            + "a=rtpmap:97 AMR/8000\r\n"
            + "m=video 51372 RTP/AVP 99\r\n"
            + "a=rtpmap:99 H264/90000\r\n";

    private static IfcRequest request(String method, String uri, Map<String, List<String>> headers, String body) {
        return new IfcRequest(method, uri, headers, body, SessionCase.ORIGINATING_REGISTERED, null, true);
    }

    private static IfcRequest register(RegistrationType type) {
        return new IfcRequest("REGISTER", "sip:ims.example.org", Map.of(), "", SessionCase.ORIGINATING_REGISTERED,
                type, true);
    }

    @Test
    void methodIsAnExactCaseSensitiveCompare() {
        MethodCondition message = new MethodCondition("MESSAGE");
        assertTrue(message.matches(request("MESSAGE", "sip:bob@example.org", Map.of(), "")));
        assertFalse(message.matches(request("INVITE", "sip:bob@example.org", Map.of(), "")));
        assertFalse(message.matches(request("message", "sip:bob@example.org", Map.of(), "")));
        assertFalse(message.matches(request("MESSAGES", "sip:bob@example.org", Map.of(), "")));
    }

    @Test
    void registerWithoutRegistrationTypesMatchesEveryRegister() {
        MethodCondition register = new MethodCondition("REGISTER");
        for (RegistrationType type : RegistrationType.values()) {
            assertTrue(register.matches(register(type)), type.toString());
        }
        assertTrue(register.matches(register(null)));
    }

    @Test
    void registerWithRegistrationTypesMatchesOnlyThose() {
        MethodCondition initialOrDe = new MethodCondition("REGISTER",
                EnumSet.of(RegistrationType.INITIAL_REGISTRATION, RegistrationType.DE_REGISTRATION));
        assertTrue(initialOrDe.matches(register(RegistrationType.INITIAL_REGISTRATION)));
        assertTrue(initialOrDe.matches(register(RegistrationType.DE_REGISTRATION)));
        assertFalse(initialOrDe.matches(register(RegistrationType.RE_REGISTRATION)));
        assertFalse(initialOrDe.matches(register(null)));
        assertFalse(initialOrDe.matches(request("INVITE", "sip:bob@example.org", Map.of(), "")));
    }

    @Test
    void requestUriIsAnExtendedRegexSearch() {
        RequestUriCondition voicemail = new RequestUriCondition("sip:voicemail@");
        assertTrue(voicemail.matches(request("INVITE", "sip:voicemail@ims.example.org;user=phone", Map.of(), "")));
        assertFalse(voicemail.matches(request("INVITE", "sip:bob@ims.example.org", Map.of(), "")));

        RequestUriCondition e164 = new RequestUriCondition("^tel:\\+[[:digit:]]{6,15}$");
        assertTrue(e164.matches(request("INVITE", "tel:+15551230002", Map.of(), "")));
        assertFalse(e164.matches(request("INVITE", "tel:+1555-123", Map.of(), "")));
        assertFalse(e164.matches(request("INVITE", "sip:+15551230002@ims.example.org", Map.of(), "")));
    }

    @Test
    void sipHeaderWithoutContentTestsPresence() {
        SipHeaderCondition some = new SipHeaderCondition("P-Some-Header", (String) null);
        assertTrue(some.matches(request("MESSAGE", "sip:b@x", Map.of("P-Some-Header", List.of("")), "")));
        assertTrue(some.matches(request("MESSAGE", "sip:b@x", Map.of("p-some-header", List.of("1")), "")));
        assertFalse(some.matches(request("MESSAGE", "sip:b@x", Map.of("P-Other-Header", List.of("1")), "")));
        assertFalse(some.matches(request("MESSAGE", "sip:b@x", Map.of(), "")));
    }

    @Test
    void sipHeaderNamesAreCaseInsensitiveAndCompactFormsEquivalent() {
        SipHeaderCondition subject = new SipHeaderCondition("SUBJECT", "urgent");
        assertTrue(subject.matches(request("MESSAGE", "sip:b@x", Map.of("s", List.of("urgent: call me")), "")));
        SipHeaderCondition compactFrom = new SipHeaderCondition("f", "alice");
        assertTrue(compactFrom.matches(request("MESSAGE", "sip:b@x", Map.of("From", List.of("<sip:alice@x>")), "")));
        assertFalse(compactFrom.matches(request("MESSAGE", "sip:b@x", Map.of("To", List.of("<sip:alice@x>")), "")));
    }

    @Test
    void sipHeaderContentMatchesAnyOccurrence() {
        SipHeaderCondition orig = new SipHeaderCondition("Route", ";orig");
        Map<String, List<String>> routes = Map.of("Route",
                List.of("<sip:pcscf.ims.example.org;lr>", "<sip:scscf.ims.example.org;lr;orig>"));
        assertTrue(orig.matches(request("INVITE", "sip:b@x", routes, "")));
        Map<String, List<String>> noOrig = Map.of("Route", List.of("<sip:pcscf.ims.example.org;lr>"));
        assertFalse(orig.matches(request("INVITE", "sip:b@x", noOrig, "")));
        assertFalse(orig.matches(request("INVITE", "sip:b@x", Map.of(), "")));
    }

    @Test
    void sessionCaseMatchesExactlyItsOwnCase() {
        for (SessionCase spt : SessionCase.values()) {
            SessionCaseCondition condition = new SessionCaseCondition(spt);
            for (SessionCase actual : SessionCase.values()) {
                IfcRequest request = new IfcRequest("INVITE", "sip:b@x", Map.of(), "", actual, null, true);
                assertEquals(spt == actual, condition.matches(request), spt + " vs " + actual);
            }
        }
    }

    @Test
    void sessionDescriptionMatchesLinesOfItsTypeOnly() {
        IfcRequest offer = request("INVITE", "sip:b@x", Map.of(), SDP);
        assertTrue(new SessionDescriptionCondition("m", "^video ").matches(offer));
        assertTrue(new SessionDescriptionCondition("m", "^audio [[:digit:]]+ RTP/AVP").matches(offer));
        assertFalse(new SessionDescriptionCondition("m", "^application ").matches(offer));
        // The content is matched against the value after "m=", not the whole line.
        assertFalse(new SessionDescriptionCondition("m", "^m=video").matches(offer));
        // A video 'm' line does not satisfy an 'a' line condition.
        assertFalse(new SessionDescriptionCondition("a", "^video").matches(offer));
        assertTrue(new SessionDescriptionCondition("a", "AMR/8000").matches(offer));
        // Without content: a line of that type exists.
        assertTrue(new SessionDescriptionCondition("c", (String) null).matches(offer));
        assertFalse(new SessionDescriptionCondition("b", (String) null).matches(offer));
        // No body, no SDP line.
        assertFalse(new SessionDescriptionCondition("m", (String) null).matches(request("INVITE", "sip:b@x", Map.of(), null)));
        // LF-only line ends are accepted too.
        assertTrue(new SessionDescriptionCondition("m", "^video").matches(
                request("INVITE", "sip:b@x", Map.of(), SDP.replace("\r\n", "\n"))));
    }

    @Test
    void conditionNegatedInvertsEachKind() {
        IfcRequest message = request("MESSAGE", "sip:smsc@x", Map.of("Accept", List.of("text/plain")), SDP);
        List<SptCondition> holding = List.of(new MethodCondition("MESSAGE"), new RequestUriCondition("^sip:smsc"),
                new SipHeaderCondition("Accept", "text/"), new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED),
                new SessionDescriptionCondition("m", "video"));
        for (SptCondition condition : holding) {
            assertTrue(new ServicePointTrigger(false, List.of(0), condition).matches(message), condition.toString());
            assertFalse(new ServicePointTrigger(true, List.of(0), condition).matches(message), condition.toString());
        }
        SptCondition failing = new MethodCondition("INVITE");
        assertFalse(new ServicePointTrigger(false, List.of(0), failing).matches(message));
        assertTrue(new ServicePointTrigger(true, List.of(0), failing).matches(message));
    }
}
