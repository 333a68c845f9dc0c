package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSCF application in the P-CSCF role, as Quarkus starts it from {@code kubeims.cscf.*}: the flow-token key read
 * from its file, REGISTER forwarded to the configured I-CSCF (a recording node whose challenge carries ck/ik, as the
 * S-CSCF's does for AKA) with what the P-CSCF vouches for, ck/ik stripped on the way back, other requests from an
 * unregistered UE refused. Ready without any HSS: the P-CSCF speaks no Cx.
 */
@QuarkusTest
@TestProfile(PcscfApplicationTest.AsPcscf.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscfApplicationTest {

    private static final String HOST = LoopbackPorts.HOST;
    private static final String REALM = "ims.example.test";
    private static final String POOL = "pcscf.ims.example.test";
    private static final String AKA_CHALLENGE = "Digest realm=\"ims.example.test\","
            + "nonce=\"MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=\",algorithm=AKAv1-MD5,qop=\"auth\","
            + "ck=\"00112233445566778899aabbccddeeff\",ik=\"ffeeddccbbaa99887766554433221100\"";

    /** The P-CSCF role: the I-CSCF at a port free when the application boots, a generated flow-token key file. */
    public static class AsPcscf implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path key = Files.createTempFile("pcscf-flow-token-", ".key");
                key.toFile().deleteOnExit();
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(key, Base64.getEncoder().encodeToString(random) + "\n");
                return Map.of("kubeims.cscf.role", "pcscf",
                        "kubeims.cscf.pcscf.icscf-uri", "sip:" + HOST + ":" + LoopbackPorts.freeSipPort() + ";lr",
                        "kubeims.cscf.pcscf.path-uri", "sip:term@" + POOL + ":5060;lr",
                        "kubeims.cscf.pcscf.flow-token-key-file", key.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    CscfLifecycle lifecycle;

    private CscfRuntime pcscf;
    private RecordingScscf icscf;
    private UserEquipment ue;

    @BeforeAll
    void startPeers() throws Exception {
        pcscf = lifecycle.runtime().orElseThrow();
        String icscfUri = pcscf.settings().pcscf().orElseThrow().icscfUri();
        int icscfPort = ((SipURI) pcscf.sipNode().addresses().createURI(icscfUri)).getPort();
        icscf = new RecordingScscf(HOST, icscfPort, AKA_CHALLENGE);
        ue = UserEquipment.start(UeSettings.of("ue", HOST, "alice@" + REALM, "sip:alice@" + REALM, REALM,
                new UeCredentials.Password("unused"), new NextHop(HOST, pcscf.sipNode().port(), NextHop.UDP)));
    }

    @AfterAll
    void stop() {
        UserEquipment.closeAll(List.of(ue));
        icscf.close();
    }

    @Test
    @Order(1)
    void readyWithoutAnyHss() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cscf-sip' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-sip' }.data.role", equalTo("pcscf"))
                .body("checks.find { it.name == 'cscf-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-diameter' }.data.status", equalTo("NOT_APPLICABLE"));
        // Routes to the pool name of its Path URI are its own
        assertTrue(pcscf.sipNode().settings().aliases().contains(POOL + ":5060"),
                pcscf.sipNode().settings().aliases()::toString);
    }

    @Test
    @Order(2)
    void registerGoesToTheIcscfWithPathAndComesBackWithoutCipherKeys() throws Exception {
        Request register = ue.newRegister(600);
        ue.authorizeInitially(register);
        Response response = ue.send(register);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        // TS 24.229 5.2.2.1: ck and ik stay in the P-CSCF
        DigestChallenge atUe = UserEquipment.challengeOf(response);
        assertEquals("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=", atUe.nonce());
        assertFalse(atUe.otherParams().containsKey("ck") || atUe.otherParams().containsKey("ik"),
                atUe.otherParams()::toString);

        List<Request> received = icscf.drain();
        assertEquals(1, received.size());
        Request forwarded = received.get(0);
        // RFC 3327: the P-CSCF's pool with a flow token as user; TS 24.229 5.2.2.1: Require path, network id,
        // charging vector, and the integrity-protected marking of a REGISTER over no known flow
        List<javax.sip.address.Address> path = AddressListHeader.PATH.read(forwarded);
        assertEquals(1, path.size());
        SipURI pathUri = (SipURI) path.get(0).getURI();
        assertEquals(POOL, pathUri.getHost());
        assertEquals(5060, pathUri.getPort());
        assertTrue(pathUri.getUser().startsWith("term-"), pathUri::toString);
        assertTrue(pathUri.hasLrParam());
        assertEquals("path", ((javax.sip.header.RequireHeader) forwarded.getHeader("Require")).getOptionTag());
        assertTrue(forwarded.getHeader("P-Visited-Network-ID").toString().contains(REALM));
        assertTrue(forwarded.getHeader("P-Charging-Vector").toString().contains("icid-value="));
        DigestCredentials credentials = DigestCredentials.parse(AuthHeader.AUTHORIZATION.first(forwarded)
                .orElseThrow());
        assertEquals("ip-assoc-pending", credentials.otherParams().get("integrity-protected"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kubeims_pcscf_register_total{outcome=\"challenged\"} 1.0"));
    }

    @Test
    @Order(4)
    void anInDialogRequestNotRoutedThroughItIsRefused() throws Exception {
        // a NOTIFY of a dialog this P-CSCF did not Record-Route: it relays no such thing (no open relay)
        var addresses = ue.node().addresses();
        var headers = ue.node().headers();
        var aor = addresses.createAddress(addresses.createURI("sip:alice@" + REALM));
        Request notify = ue.node().messages().createRequest(addresses.createURI("sip:somebody@192.0.2.1:5060"),
                Request.NOTIFY, headers.createCallIdHeader("stray-notify@test"), headers.createCSeqHeader(1L,
                        Request.NOTIFY), headers.createFromHeader(aor, "from-tag"), headers.createToHeader(aor,
                        "to-tag"), new java.util.ArrayList<>(), headers.createMaxForwardsHeader(70));
        notify.addHeader(headers.createHeader("Event", "reg"));
        notify.addHeader(headers.createHeader("Subscription-State", "active;expires=60"));
        Response response = ue.send(notify);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Not Routed Through This P-CSCF", response.getReasonPhrase());
    }

    @Test
    @Order(3)
    void aSubscribeFromAnUnregisteredUeIsRefused() throws Exception {
        Response response = ue.subscribeToReg(List.of("<sip:orig@scscf.ims.example.test:6060;lr>"), 600000);
        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertEquals("Not Registered", response.getReasonPhrase());
        assertEquals(List.of(), icscf.drain(), "nothing forwarded");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kubeims_pcscf_requests_total{method=\"SUBSCRIBE\",outcome=\"not_registered\"}"
                        + " 1.0"));
    }
}
