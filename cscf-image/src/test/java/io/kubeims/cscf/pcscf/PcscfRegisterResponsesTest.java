package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ChargingVector;
import io.kubeims.cscf.store.EmbeddedCscfStorage;
import io.kubeims.protocol.digest.DigestChallenge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The response rewriting that needs no request: what reaches the UE of a REGISTER response relayed statelessly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PcscfRegisterResponsesTest {

    private static final SipFactories SIP = SipFactories.create();
    /** The AKAv1-MD5 challenge of RFC 3310 section 4 with the keys an S-CSCF adds for the P-CSCF. */
    private static final String CHALLENGE = "Digest realm=\"RoamingUsers@example.com\","
            + "nonce=\"CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==\",qop=\"auth,auth-int\","
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\",algorithm=AKAv1-MD5,"
            + "ck=\"00112233445566778899aabbccddeeff\",ik=\"ffeeddccbbaa99887766554433221100\"";

    private final EmbeddedCscfStorage storage = EmbeddedCscfStorage.inMemory();
    private final PcscfRegisterResponses responses = new PcscfRegisterResponses(storage.pcscfFlows(),
            PcscfSettings.of("example.com", "icscf.example.com", "sip:pcscf.example.com", "visited.example.net",
                    "0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), Clock.systemUTC(),
            new SimpleMeterRegistry());

    @AfterAll
    void close() {
        storage.close();
    }

    private static Response response(int status, String method, String... headerLines) throws Exception {
        Request request = UeRegisterTest.register("sip:alice@example.com");
        if (!Request.REGISTER.equals(method)) {
            request.setMethod(method);
            request.setHeader(SIP.headers().createCSeqHeader(1L, method));
        }
        Response response = SIP.messages().createResponse(status, request);
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            response.addHeader(SIP.headers().createHeader(line.substring(0, colon), line.substring(colon + 1)));
        }
        return response;
    }

    @Test
    void ckAndIkAreRemovedAndTheRestOfTheChallengeKept() throws Exception {
        Response challenge = response(Response.UNAUTHORIZED, Request.REGISTER, "WWW-Authenticate: " + CHALLENGE,
                "P-Charging-Vector: icid-value=1234bc9876e;icid-generated-at=192.0.6.8;orig-ioi=home1.net",
                "P-Charging-Function-Addresses: ccf=192.1.1.1;ecf=192.1.1.2");
        responses.rewrite(challenge, Optional.empty());
        List<String> values = AuthHeader.WWW_AUTHENTICATE.read(challenge);
        assertEquals(1, values.size());
        DigestChallenge left = DigestChallenge.parse(values.get(0));
        assertFalse(left.otherParams().containsKey("ck"));
        assertFalse(left.otherParams().containsKey("ik"));
        assertEquals("RoamingUsers@example.com", left.realm());
        assertEquals("CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==", left.nonce());
        assertEquals(Optional.of("5ccc069c403ebaf9f0171e9517f40e41"), left.opaque());
        assertEquals(Optional.of("AKAv1-MD5"), left.algorithm());
        assertEquals(List.of("auth", "auth-int"), left.qopOptions());
        assertNull(challenge.getHeader(ChargingVector.NAME));
        assertNull(challenge.getHeader("P-Charging-Function-Addresses"));
    }

    @Test
    void anUnreadableChallengeIsDroppedRatherThanPassedOnWithItsKeys() throws Exception {
        Response challenge = response(Response.UNAUTHORIZED, Request.REGISTER,
                "WWW-Authenticate: Digest nonce=\"n\",ck=\"00112233445566778899aabbccddeeff\"");
        responses.rewrite(challenge, Optional.empty());
        assertTrue(AuthHeader.WWW_AUTHENTICATE.read(challenge).isEmpty());
    }

    @Test
    void responsesToOtherMethodsPassUnchanged() throws Exception {
        Response other = response(Response.UNAUTHORIZED, Request.MESSAGE, "WWW-Authenticate: " + CHALLENGE);
        String before = other.toString();
        responses.rewrite(other, Optional.empty());
        assertEquals(before, other.toString());
    }

    @Test
    void missingCollaboratorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PcscfRegisterResponses(null, null, null, null));
    }
}
