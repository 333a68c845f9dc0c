package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.cx.HssCoreSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.HssStorageSettings;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ReasonCode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sip.message.Response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSCF application in the S-CSCF role, as Quarkus starts it from {@code kubeims.cscf.*}, with a real HSS
 * ({@link HssCore}, embedded storage) that starts after it: ready once Cx is up, a UE registers through the trusted
 * P-CSCF's Path (MAR, 401, SAR, 200 with Service-Route), the HSS's RTR reaches the application's
 * {@code CxNode.scscf} and removes the registration, a REGISTER without the P-CSCF is refused.
 */
@QuarkusTest
@TestProfile(ScscfApplicationTest.AsScscf.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScscfApplicationTest {

    private static final String HOST = LoopbackPorts.HOST;
    private static final String REALM = "ims.example.test";
    private static final String HSS_HOST = "hss.ims.example.test";
    private static final String POOL = "scscf.ims.example.test";
    private static final String SERVER_NAME = "sip:" + POOL + ":6060";
    private static final String SERVICE_ROUTE = "sip:orig@" + POOL + ":6060;lr";
    private static final String PCSCF_PATH = "<sip:term@pcscf.ims.example.test:5060;lr>";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The S-CSCF role of one pool, a replica of it as Origin-Host, the HSS at a port free when it boots. */
    public static class AsScscf implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kubeims.cscf.role", "scscf",
                    "kubeims.cscf.diameter.origin-host", "scscf-0." + POOL,
                    "kubeims.cscf.diameter.hss-host", HSS_HOST,
                    "kubeims.cscf.diameter.hss-port", Integer.toString(LoopbackPorts.freeTcpPort()),
                    "kubeims.cscf.scscf.server-name", SERVER_NAME,
                    "kubeims.cscf.scscf.service-route", SERVICE_ROUTE,
                    "kubeims.cscf.scscf.trusted-pcscfs", "pcscf.ims.example.test:5060");
        }
    }

    @Inject
    CscfLifecycle lifecycle;

    private CscfRuntime scscf;
    private Path hssData;
    private HssCore hss;
    private final List<UserEquipment> ues = new ArrayList<>();

    @BeforeAll
    void startHss() throws Exception {
        scscf = lifecycle.runtime().orElseThrow();
        hssData = Files.createTempDirectory("scscf-app-hss-");
        int hssPort = scscf.settings().diameter().orElseThrow().hssPort();
        hss = HssCore.start(new HssCoreSettings(CxNodeSettings.hss(HSS_HOST, REALM, HOST, hssPort).build(),
                HssCxSettings.homeOnly(REALM, List.of(SERVER_NAME), 4), new HssStorageSettings.Embedded(hssData), 2));
    }

    @AfterAll
    void stop() throws IOException {
        UserEquipment.closeAll(ues);
        hss.close();
        try (Stream<Path> files = Files.walk(hssData)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void readyOnceTheHssIsConnected() throws InterruptedException {
        awaitReady();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cscf-sip' }.data.role", equalTo("scscf"))
                .body("checks.find { it.name == 'cscf-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-diameter' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cscf-diameter' }.data.originHost", equalTo("scscf-0." + POOL));
        // Routes to the pool (Service-Route, Server-Name) are its own
        assertTrue(scscf.sipNode().settings().aliases().contains(POOL + ":6060"),
                scscf.sipNode().settings().aliases()::toString);
    }

    @Test
    @Order(2)
    void aUeRegistersThroughTheTrustedPcscfAndTheHssTerminatesIt() throws Exception {
        awaitReady();
        String name = "alice";
        Subscriber alice = provision(name);
        UserEquipment ue = ue(alice, PCSCF_PATH);
        Response ok = ue.register();
        assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        assertEquals(List.of(SERVICE_ROUTE), uris(AddressListHeader.SERVICE_ROUTE.read(ok)));
        assertEquals(List.of(alice.defaultPublicIdentity().identity()),
                uris(AddressListHeader.P_ASSOCIATED_URI.read(ok)));
        assertTrue(scscf.storage().registrations().get(alice.privateIdentity()).isPresent());
        assertEquals(RegistrationState.REGISTERED,
                hss.storage().dynamicState().registration(alice.privateIdentity()).state());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kubeims_scscf_register_total{outcome=\"registered\"} 1.0"))
                .body(containsString("kubeims_scscf_register_total{outcome=\"challenged\"} 1.0"));

        // TS 29.228 6.1.3: the HSS ends the registration; the pool's replica (this application) answers
        CxPoolAnswer<RegistrationTerminationAnswer> rta = hss.node().sendToPool(SERVER_NAME,
                new RegistrationTerminationRequest(alice.privateIdentity(), List.of(), List.of(),
                        new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, null)))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("scscf-0." + POOL, rta.replicaHost());
        assertTrue(rta.answer().result().isSuccess(), rta.answer()::toString);
        assertEquals(Optional.empty(), scscf.storage().registrations().get(alice.privateIdentity()));
    }

    @Test
    @Order(3)
    void aRegisterNotThroughTheTrustedPcscfIsRefused() throws Exception {
        awaitReady();
        Subscriber bob = provision("bob");
        Response refused = ue(bob).register();
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertEquals("Registration Must Come Through The P-CSCF", refused.getReasonPhrase());
    }

    // ---- helpers ----

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last;
        do {
            last = given().when().get("/q/health/ready").then().extract().statusCode();
            if (last == 200) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness still " + last + " after " + WAIT);
    }

    private Subscriber provision(String base) {
        String name = base + "-" + System.nanoTime();
        Subscriber subscriber = new Subscriber(name + "@" + REALM, List.of(new PublicUserIdentity("sip:" + name + "@"
                + REALM)), false, new SipDigestCredentials("secret-" + name), List.of());
        hss.storage().subscribers().put(subscriber);
        return subscriber;
    }

    private UserEquipment ue(Subscriber subscriber, String... path) throws Exception {
        UserEquipment ue = UserEquipment.start(UeSettings.of("ue" + ues.size(), HOST, subscriber.privateIdentity(),
                subscriber.defaultPublicIdentity().identity(), REALM,
                new UeCredentials.Password("secret-" + subscriber.privateIdentity().replace("@" + REALM, "")),
                new NextHop(HOST, scscf.sipNode().port(), NextHop.UDP)).withPath(path));
        ues.add(ue);
        return ue;
    }

    private static List<String> uris(List<javax.sip.address.Address> addresses) {
        return addresses.stream().map(address -> address.getURI().toString()).toList();
    }
}
