package io.kubeims.cscf.sip.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * The IMS header helpers on messages parsed by jain-sip, with header values taken from the examples of the RFCs
 * that define them (RFC 3327 5.4, RFC 3608 6.1, RFC 7315 4, RFC 3325 9.1, RFC 3329 4, RFC 5626 5.2, RFC 3261 10).
 */
class ImsHeadersTest {

    private final SipFactories sip = SipFactories.create();

    private Request request(String... headers) throws Exception {
        String text = "REGISTER sip:ims.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKnashds7\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@ims.test>;tag=456248\r\n"
                + "To: <sip:alice@ims.test>\r\n"
                + "Call-ID: 843817637684230@998sdasdh09\r\n"
                + "CSeq: 1826 REGISTER\r\n"
                + String.join("\r\n", headers) + (headers.length > 0 ? "\r\n" : "")
                + "Content-Length: 0\r\n\r\n";
        return sip.messages().createRequest(text);
    }

    @Test
    void pathListsReadTopFirstAndPrependGoesOnTop() throws Exception {
        // RFC 3327 5.4, the REGISTER as it reaches the registrar
        Request register = request("Path: <sip:P3.EXAMPLEHOME.COM;lr>,<sip:P1.EXAMPLEVISITED.COM;lr>");
        List<Address> path = AddressListHeader.PATH.read(register);
        assertEquals(List.of("P3.EXAMPLEHOME.COM", "P1.EXAMPLEVISITED.COM"),
                path.stream().map(a -> ((SipURI) a.getURI()).getHost()).toList());
        assertTrue(((SipURI) path.get(0).getURI()).hasLrParam());

        Address pcscf = AddressListHeader.PATH.parse("<sip:term@pcscf.ims.test;lr>", sip.addresses());
        AddressListHeader.PATH.prepend(register, pcscf, sip.headers());
        assertEquals("sip:term@pcscf.ims.test;lr", AddressListHeader.PATH.read(register).get(0).getURI().toString());
        assertEquals(3, AddressListHeader.PATH.read(register).size());
    }

    @Test
    void serviceRouteAndAssociatedUrisAreWrittenAndReadBack() throws Exception {
        Response ok = sip.messages().createResponse(200, request());
        // RFC 3608 6.1 and RFC 7315 4.1 examples
        List<Address> serviceRoute = List.of(
                AddressListHeader.SERVICE_ROUTE.parse("<sip:P2.HOME.EXAMPLE.COM;lr>", sip.addresses()),
                AddressListHeader.SERVICE_ROUTE.parse("<sip:HSP.HOME.EXAMPLE.COM;lr>", sip.addresses()));
        AddressListHeader.SERVICE_ROUTE.write(ok, serviceRoute, sip.headers());
        AddressListHeader.P_ASSOCIATED_URI.write(ok, List.of(
                sip.addresses().createAddress("<sip:user1-business@example.com>"),
                sip.addresses().createAddress("<sip:user1-family@example.com>")), sip.headers());

        Response reparsed = sip.messages().createResponse(ok.toString());
        assertEquals(List.of("sip:P2.HOME.EXAMPLE.COM;lr", "sip:HSP.HOME.EXAMPLE.COM;lr"),
                AddressListHeader.SERVICE_ROUTE.read(reparsed).stream().map(a -> a.getURI().toString()).toList());
        assertEquals(List.of("sip:user1-business@example.com", "sip:user1-family@example.com"),
                AddressListHeader.P_ASSOCIATED_URI.read(reparsed).stream().map(a -> a.getURI().toString()).toList());

        AddressListHeader.SERVICE_ROUTE.write(ok, List.of(), sip.headers());
        assertEquals(List.of(), AddressListHeader.SERVICE_ROUTE.read(ok));
    }

    @Test
    void recordRouteListsKeepTheirOrderWhenWrittenAndAppended() throws Exception {
        // jain-sip's Message.addHeader puts Record-Route on top; the helper must not reverse lists
        Request invite = request();
        List<Address> recordRoute = List.of(sip.addresses().createAddress("<sip:p1.example.com;lr>"),
                sip.addresses().createAddress("<sip:p2.example.com;lr>"));
        AddressListHeader.RECORD_ROUTE.write(invite, recordRoute, sip.headers());
        AddressListHeader.RECORD_ROUTE.append(invite, sip.addresses().createAddress("<sip:p3.example.com;lr>"),
                sip.headers());
        AddressListHeader.RECORD_ROUTE.prepend(invite, sip.addresses().createAddress("<sip:p0.example.com;lr>"),
                sip.headers());
        assertEquals(List.of("p0.example.com", "p1.example.com", "p2.example.com", "p3.example.com"),
                AddressListHeader.RECORD_ROUTE.read(sip.messages().createRequest(invite.toString())).stream()
                        .map(a -> ((SipURI) a.getURI()).getHost()).toList());
    }

    @Test
    void assertedIdentityKeepsDisplayNameAndTelUri() throws Exception {
        // RFC 3325 9.1
        Request invite = request("P-Asserted-Identity: \"Cullen Jennings\" <sip:fluffy@cisco.com>",
                "P-Asserted-Identity: tel:+14085264000");
        List<Address> identities = AddressListHeader.P_ASSERTED_IDENTITY.read(invite);
        assertEquals("Cullen Jennings", identities.get(0).getDisplayName());
        assertEquals("sip:fluffy@cisco.com", identities.get(0).getURI().toString());
        assertEquals("tel:+14085264000", identities.get(1).getURI().toString());
        assertEquals(Optional.empty(), AddressListHeader.P_PREFERRED_IDENTITY.first(invite));
    }

    @Test
    void optionTagsAreCaseInsensitiveAndSecAgreeCanBeRemoved() throws Exception {
        // TS 24.229 5.1.1.2.2: the UE's REGISTER with sec-agree
        Request register = request("Require: sec-agree", "Proxy-Require: sec-agree", "Supported: path, gruu");
        assertEquals(List.of("path", "gruu"), OptionTagHeader.SUPPORTED.read(register));
        assertTrue(OptionTagHeader.SUPPORTED.contains(register, "PATH"));
        assertTrue(OptionTagHeader.REQUIRE.remove(register, "sec-agree", sip.headers()));
        assertTrue(OptionTagHeader.PROXY_REQUIRE.remove(register, "Sec-Agree", sip.headers()));
        assertEquals(null, register.getHeader("Require"));
        assertEquals(null, register.getHeader("Proxy-Require"));
        assertFalse(OptionTagHeader.REQUIRE.remove(register, "sec-agree", sip.headers()));
        OptionTagHeader.SUPPORTED.add(register, "outbound", sip.headers());
        OptionTagHeader.SUPPORTED.add(register, "Path", sip.headers());
        assertEquals(List.of("path", "gruu", "outbound"), OptionTagHeader.SUPPORTED.read(register));
        MalformedSipHeaderException e = assertThrows(MalformedSipHeaderException.class,
                () -> OptionTagHeader.SUPPORTED.add(register, "not a tag", sip.headers()));
        assertEquals("Supported", e.header());
    }

    @Test
    void securityMechanismsParseWithParametersAndPreference() throws Exception {
        // TS 24.229 / TS 33.203 style ipsec-3gpp offer, and RFC 3329 4 preferences
        Request register = request(
                "Security-Client: ipsec-3gpp; alg=hmac-sha-1-96; spi-c=23456789; spi-s=12345678; port-c=2468; "
                        + "port-s=1357",
                "Security-Verify: tls;q=0.2, ipsec-ike;q=0.1");
        List<SecurityMechanism> client = SecurityAgreementHeader.SECURITY_CLIENT.read(register);
        assertEquals(1, client.size());
        assertEquals("ipsec-3gpp", client.get(0).mechanism());
        assertEquals(Optional.of("hmac-sha-1-96"), client.get(0).parameter("alg"));
        assertEquals(Optional.of("23456789"), client.get(0).parameter("spi-c"));
        assertEquals(Optional.of("1357"), client.get(0).parameter("port-s"));
        List<SecurityMechanism> verify = SecurityAgreementHeader.SECURITY_VERIFY.read(register);
        assertEquals(List.of("tls", "ipsec-ike"), verify.stream().map(SecurityMechanism::mechanism).toList());
        assertEquals(0.2, verify.get(0).preference());

        Response challenge = sip.messages().createResponse(401, register);
        SecurityAgreementHeader.SECURITY_SERVER.write(challenge, List.of(new SecurityMechanism("ipsec-3gpp",
                Map.of("q", "0.1"))), sip.headers());
        assertEquals("ipsec-3gpp", SecurityAgreementHeader.SECURITY_SERVER.read(
                sip.messages().createResponse(challenge.toString())).get(0).mechanism());
        assertThrows(MalformedSipHeaderException.class,
                () -> SecurityMechanism.parse("Security-Client", "ipsec-3gpp;alg=\"unterminated"));
    }

    @Test
    void chargingVectorOfRfc7315ParsesAndFormats() throws Exception {
        // RFC 7315 4.6 example
        Request invite = request("P-Charging-Vector: icid-value=1234bc9876e; icid-generated-at=192.0.6.8; "
                + "orig-ioi=home1.net");
        ChargingVector vector = ChargingVector.read(invite).orElseThrow();
        assertEquals("1234bc9876e", vector.icidValue());
        assertEquals(Optional.of("192.0.6.8"), vector.icidGeneratedAt());
        assertEquals(Optional.of("home1.net"), vector.origIoi());
        assertEquals(Optional.empty(), vector.termIoi());

        ChargingVector answered = vector.withTermIoi("home2.net");
        answered.write(invite, sip.headers());
        Request reparsed = sip.messages().createRequest(invite.toString());
        assertEquals(answered, ChargingVector.read(reparsed).orElseThrow());
        assertEquals("icid-value=1234bc9876e;icid-generated-at=192.0.6.8;orig-ioi=home1.net;term-ioi=home2.net",
                answered.format());
        assertThrows(MalformedSipHeaderException.class, () -> ChargingVector.parse("orig-ioi=home1.net"));
        assertEquals(Optional.empty(), ChargingVector.read(request()));
    }

    @Test
    void visitedNetworkIdsAreReadUnquoted() throws Exception {
        // RFC 7315 4.3 example
        Request register = request("P-Visited-Network-ID: other.net, \"Visited network number 1\"");
        assertEquals(List.of("other.net", "Visited network number 1"), VisitedNetworks.read(register));
        VisitedNetworks.add(register, "Visited network number 2", sip.headers());
        assertEquals("Visited network number 2", VisitedNetworks.read(register).get(0));
        assertThrows(MalformedSipHeaderException.class, () -> VisitedNetworks.add(register, "", sip.headers()));
    }

    @Test
    void wwwAuthenticateRoundTripsThroughTheDigestParserAndLosesCkIk() throws Exception {
        // RFC 3310 3.1 style AKA challenge with the IMS ck/ik the S-CSCF gives the P-CSCF (TS 24.229 5.4.1.2.1)
        Response challenge = sip.messages().createResponse(401, request());
        DigestChallenge sent = DigestChallenge.of("ims.test", "MzQ0a2xkbmZpc2RvZmlnb2RzZmo=", "AKAv1-MD5")
                .withParam("ck", "00112233445566778899aabbccddeeff")
                .withParam("ik", "ffeeddccbbaa99887766554433221100");
        AuthHeader.WWW_AUTHENTICATE.add(challenge, sent.format(), sip.headers());
        Response relayed = sip.messages().createResponse(challenge.toString());
        assertEquals(sent, DigestChallenge.parse(AuthHeader.WWW_AUTHENTICATE.first(relayed).orElseThrow()));

        AuthHeader.WWW_AUTHENTICATE.rewrite(relayed, v -> DigestChallenge.parse(v).withoutParams("ck", "ik").format(),
                sip.headers());
        DigestChallenge stripped = DigestChallenge.parse(AuthHeader.WWW_AUTHENTICATE.first(relayed).orElseThrow());
        assertEquals(Map.of(), stripped.otherParams());
        assertEquals(sent.nonce(), stripped.nonce());
    }

    @Test
    void authorizationIsReadAsTheDigestParserExpects() throws Exception {
        // RFC 3261 22.4 example credentials
        Request register = request("Authorization: Digest username=\"bob\", realm=\"biloxi.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:bob@biloxi.com\", qop=auth, "
                + "nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        DigestCredentials credentials = DigestCredentials.parse(AuthHeader.AUTHORIZATION.first(register)
                .orElseThrow());
        assertEquals("bob", credentials.username());
        assertEquals("6629fae49393a05397450978507c4ef1", credentials.response());
        assertEquals(List.of(), AuthHeader.PROXY_AUTHORIZATION.read(register));
        // a refused value is reported without the value (it could be a credential)
        MalformedSipHeaderException e = assertThrows(MalformedSipHeaderException.class,
                () -> AuthHeader.AUTHORIZATION.add(register, "@@@ secret", sip.headers()));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void contactBindingsKeepInstanceRegIdAndExpires() throws Exception {
        // RFC 5626 5.2 example REGISTER Contact, and RFC 3261 10.2.1.1 expiry rules
        Request register = request("Contact: <sip:line1@192.0.2.2;transport=tcp>; reg-id=1;"
                        + "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"",
                "Contact: <sip:alice@192.0.2.4>;expires=3600;q=0.7", "Expires: 7200");
        List<ContactBinding> bindings = ContactBinding.read(register);
        assertEquals(2, bindings.size());
        ContactBinding outbound = bindings.get(0);
        assertEquals("sip:line1@192.0.2.2;transport=tcp", outbound.uri().toString());
        assertEquals(Optional.of("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"), outbound.instanceId());
        assertEquals(OptionalInt.of(1), outbound.regId());
        assertEquals(OptionalInt.empty(), outbound.expires());
        assertEquals(7200, outbound.expiresOr(Expiry.read(register), 3600));
        ContactBinding plain = bindings.get(1);
        assertEquals(3600, plain.expiresOr(Expiry.read(register), 600));
        assertEquals(Map.of("q", "0.7"), plain.otherParameters());
        assertFalse(ContactBinding.isWildcard(register));

        // the registrar's 200 lists each binding with its expiry
        Response ok = sip.messages().createResponse(200, register);
        ContactHeader written = outbound.withExpires(7200).toHeader(sip.headers());
        ok.addHeader(written);
        ContactBinding back = ContactBinding.read(sip.messages().createResponse(ok.toString())).get(0);
        assertEquals(outbound.withExpires(7200), back);
        assertTrue(written.toString().contains("+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\""),
                written.toString());
    }

    @Test
    void wildcardContactAndExpiresZeroMeanRemoveAll() throws Exception {
        // RFC 3261 10.2.2
        Request register = request("Contact: *", "Expires: 0");
        assertTrue(ContactBinding.isWildcard(register));
        assertEquals(List.of(), ContactBinding.read(register));
        assertEquals(OptionalInt.of(0), Expiry.read(register));
        Expiry.write(register, 600, sip.headers());
        assertEquals(OptionalInt.of(600), Expiry.read(register));
        assertThrows(MalformedSipHeaderException.class, () -> Expiry.write(register, -1, sip.headers()));
    }

    @Test
    void aNonNumericRegIdIsReported() throws Exception {
        Request register = request("Contact: <sip:line1@192.0.2.2>;reg-id=one");
        MalformedSipHeaderException e = assertThrows(MalformedSipHeaderException.class,
                () -> ContactBinding.read(register));
        assertTrue(e.getMessage().contains("reg-id"), e.getMessage());
    }
}
