package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.cx.HssCoreSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.HssStorageSettings;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSCF application in the I-CSCF role, as Quarkus starts it from {@code kubeims.cscf.*}: a real HSS
 * ({@link HssCore}, embedded storage) on 127.0.0.1 like local mode (same address as the CSCF), a recording S-CSCF the
 * HSS names in Server-Capabilities, a UE node. The HSS starts after the application, as it may in a cluster:
 * readiness follows the Cx connection. The last test stops the HSS.
 */
@QuarkusTest
@TestProfile(IcscfApplicationTest.WithHss.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcscfApplicationTest {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ims.example.test";
    private static final String HSS_HOST = "hss.ims.example.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The test configuration plus where the HSS will listen: a port free when the application boots. */
    public static class WithHss implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                return Map.of("kubeims.cscf.diameter.hss-port", Integer.toString(socket.getLocalPort()),
                        "kubeims.cscf.diameter.hss-host", HSS_HOST);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    CscfLifecycle lifecycle;

    private Path hssData;
    private HssCore hss;
    private RecordingScscf scscf;
    private SipNode ue;
    private CscfRuntime icscf;

    @BeforeAll
    void startHssAndPeers() throws Exception {
        icscf = lifecycle.runtime().orElseThrow();
        scscf = new RecordingScscf(HOST);
        hssData = Files.createTempDirectory("cscf-app-hss-");
        int hssPort = icscf.settings().diameter().orElseThrow().hssPort();
        hss = HssCore.start(new HssCoreSettings(CxNodeSettings.hss(HSS_HOST, REALM, HOST, hssPort).build(),
                HssCxSettings.homeOnly(REALM, List.of(scscf.serverName()), 4),
                new HssStorageSettings.Embedded(hssData), 2));
        ue = new SipNode(SipNodeSettings.of("ue", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    @AfterAll
    void stop() throws IOException {
        SipNode.closeAll(List.of(scscf.node(), ue));
        if (hss != null) {
            hss.close();
        }
        try (Stream<Path> files = Files.walk(hssData)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void readyOnceTheHssIsConnected() throws InterruptedException {
        awaitReadiness(200);
        ValidatableResponse ready = given().when().get("/q/health/ready").then().statusCode(200);
        ready.body("checks.find { it.name == 'cscf-sip' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-sip' }.data.role", equalTo("icscf"))
                .body("checks.find { it.name == 'cscf-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-diameter' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-diameter' }.data.hss", equalTo(HSS_HOST));
    }

    @Test
    @Order(2)
    void registerIsRoutedThroughTheHssToTheScscf() throws Exception {
        String impu = provision("alice");
        Response response = register(impu);
        // the recording S-CSCF's challenge, relayed by the I-CSCF
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        List<Request> received = scscf.drain();
        assertEquals(1, received.size());
        Request forwarded = received.get(0);
        assertEquals(callId(response), ((CallIdHeader) forwarded.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals("sip:" + REALM, forwarded.getRequestURI().toString());
        // RFC 3261 16.6: the I-CSCF's own Via on top, Max-Forwards decremented
        ViaHeader top = (ViaHeader) forwarded.getHeader(ViaHeader.NAME);
        assertEquals(HOST, top.getHost());
        assertEquals(icscf.sipNode().port(), top.getPort());
        assertEquals(69, ((MaxForwardsHeader) forwarded.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
    }

    @Test
    @Order(3)
    void metricsReportTheRoleState() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kubeims_cscf_sip_listening{role=\"icscf\"} 1.0"))
                .body(containsString("kubeims_cscf_diameter_hss_connected{role=\"icscf\"} 1.0"))
                .body(containsString("name=\"kubeims.cscf.workers\""));
    }

    @Test
    @Order(4)
    void notReadyAndRegisterUnavailableWithoutTheHss() throws Exception {
        String impu = provision("bob");
        hss.close();
        hss = null;
        awaitReadiness(503);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'cscf-diameter' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'cscf-diameter' }.data.status", equalTo("NOT_CONNECTED"))
                .body("checks.find { it.name == 'cscf-sip' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-store' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        Response response = register(impu);
        // TS 24.229 5.3.1.3: the registration status query cannot be completed
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, response.getStatusCode());
        assertTrue(response.getHeader(ReasonHeader.NAME) != null, "480 says why in a Reason header");
        assertEquals(List.of(), scscf.drain());
    }

    // ---- helpers ----

    private void awaitReadiness(int status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last;
        do {
            last = given().when().get("/q/health/ready").then().extract().statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness still " + last + " after " + WAIT + ", expected " + status);
    }

    private String provision(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        String impu = "sip:" + name + "@" + REALM;
        hss.storage().subscribers().put(new Subscriber(name + "@" + REALM,
                List.of(new PublicUserIdentity(impu, false, null)), false, new SipDigestCredentials("secret-" + name),
                List.of()));
        return impu;
    }

    /** An initial REGISTER (TS 24.229 5.1.1.2.1: Authorization with the IMPI, empty nonce and response). */
    private Response register(String impu) throws Exception {
        HeaderFactory headers = ue.headers();
        Address aor = ue.addresses().createAddress(ue.addresses().createURI(impu));
        Request register = ue.messages().createRequest(ue.addresses().createURI("sip:" + REALM), Request.REGISTER,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(aor, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(aor, null), new ArrayList<>(), headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createHeader("Contact", "<sip:ue@" + HOST + ":" + ue.port() + ">;expires=600"));
        String impi = impu.substring(4);
        register.addHeader(headers.createHeader("Authorization", "Digest username=\"" + impi + "\",realm=\""
                + REALM + "\",nonce=\"\",uri=\"sip:" + REALM + "\",response=\"\""));
        return ue.request(register, new NextHop(HOST, icscf.sipNode().port(), NextHop.UDP), WAIT)
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
