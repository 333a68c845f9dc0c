package io.kubeims.hss.app;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.hss.store.HssStorage;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Quarkus HSS speaks Cx: a real jdiameter S-CSCF replica ({@code scscf-0.scscf.<realm>}, of the default pool
 * {@code sip:scscf.<realm>:6060}) connects to the running application, authenticates and registers subscribers
 * provisioned through the REST API, and receives the RTR/PPR that later REST calls cause. Every wait is bounded.
 */
@QuarkusTest
@QuarkusTestResource(DiameterTestPort.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CxWiringTest {

    private static final String REALM = "ims.example.test";
    private static final String POOL = "sip:scscf.ims.example.test:6060";
    private static final String REPLICA = "scscf-0.scscf.ims.example.test";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** TS 35.208 test set 1: K and OP (published values). */
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    private static final String IFC_BODY = """
            {"initialFilterCriteria": [
              {"priority": 5, "profilePartIndicator": "Registered",
               "triggerPoint": {"conditionType": "CNF", "spts": [{"method": "MESSAGE", "groups": [0]}]},
               "applicationServer": {"serverName": "sip:smsc.ims.example.test",
                                     "defaultHandling": "SessionContinued"}}]}
            """;

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @ConfigProperty(name = "kubeims.hss.diameter.bind-address")
    String hssAddress;

    @ConfigProperty(name = "kubeims.hss.diameter.port")
    int hssPort;

    @Inject
    HssStorage storage;

    @Inject
    DiameterListenerState listener;

    private final RecordingScscfReplica replica = new RecordingScscfReplica();
    private CxNode scscf;

    @BeforeAll
    void connectScscf() throws Exception {
        int scscfPort = DiameterTestPort.freePort("127.0.0.1");
        scscf = CxNode.scscf(CxNodeSettings.cscf(REPLICA, REALM, "127.0.0.1", scscfPort,
                        new CxPeerAddress("hss." + REALM, hssAddress, hssPort))
                .requestTimeout(Duration.ofSeconds(3)).startTimeout(WAIT).build(), replica);
        assertTrue(scscf.start(), "the S-CSCF replica connects to the HSS");
        // (no REST call here: Quarkus points RestAssured at the application only before each test)
        await("the HSS sees the replica", listener::connectedPeers, List.of(REPLICA)::equals);
    }

    @AfterAll
    void disconnectScscf() {
        if (scscf != null) {
            scscf.close();
        }
    }

    // ---- Cx requests from the S-CSCF ----

    @Test
    void marAkaAndSarRegistrationOfAProvisionedSubscriber() throws Exception {
        String impi = provision("alice");
        String impu = "sip:alice@" + REALM;

        MultimediaAuthAnswer maa = call(new MultimediaAuthRequest(impi, impu, POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));
        assertTrue(maa.result().is(DiameterResultCode.SUCCESS), maa.result().toString());
        assertEquals(1, maa.authDataItems().size());
        // a USIM holding the same K and OP accepts the vector and computes the same RES, CK and IK
        SipAuthDataItem vector = maa.authDataItems().get(0);
        byte[] randAutn = vector.sipAuthenticate();
        UsimResult.Authenticated usim = assertInstanceOf(UsimResult.Authenticated.class,
                new Usim(SubscriberKeys.fromOpHex(K, OP)).authenticate(Arrays.copyOfRange(randAutn, 0, 16),
                        Arrays.copyOfRange(randAutn, 16, 32)));
        assertArrayEquals(usim.res(), vector.sipAuthorization());
        assertArrayEquals(usim.ck(), vector.confidentialityKey());
        assertArrayEquals(usim.ik(), vector.integrityKey());

        ServerAssignmentAnswer saa = call(new ServerAssignmentRequest(impi, List.of(impu), POOL,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        assertTrue(saa.result().is(DiameterResultCode.SUCCESS), saa.result().toString());
        ImsSubscription profile = new CxUserDataReader().read(saa.userData());
        assertEquals(impi, profile.privateId());
        assertEquals(impu, profile.serviceProfiles().get(0).publicIdentities().get(0).identity());

        api().get(subscriber(impi) + "/registration").then().statusCode(200)
                .body("state", equalTo("Registered")).body("serverName", equalTo(POOL));
    }

    @Test
    void readinessShowsTheListenerAndTheConnectedReplica() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'diameter-listener' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'diameter-listener' }.data.status", equalTo("LISTENING"))
                .body("checks.find { it.name == 'diameter-listener' }.data.connectedPeers", equalTo(1))
                .body("checks.find { it.name == 'diameter-listener' }.data.peers", equalTo(REPLICA));
    }

    @Test
    void metricsCountAndTimeEveryCommandByResult() throws Exception {
        String unknown = requests("MAR", "5001", "experimental");
        String success = requests("SAR", "2001", "base");
        String marCount = "kubeims_hss_diameter_request_duration_seconds_count{command=\"MAR\"}";
        String metrics = metrics();
        double unknownBefore = sample(metrics, unknown);
        double successBefore = sample(metrics, success);
        double marBefore = sample(metrics, marCount);

        MultimediaAuthAnswer maa = call(new MultimediaAuthRequest("nobody@" + REALM, "sip:nobody@" + REALM, POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));
        assertTrue(maa.result().is(CxExperimentalResultCode.USER_UNKNOWN), maa.result().toString());
        register(provision("metered"));

        metrics = metrics();
        assertEquals(unknownBefore + 1, sample(metrics, unknown), unknown);
        assertEquals(successBefore + 1, sample(metrics, success), success);
        assertEquals(marBefore + 2, sample(metrics, marCount), marCount);
        for (String command : List.of("UAR", "MAR", "SAR", "LIR", "RTR", "PPR")) {
            assertTrue(metrics.contains("kubeims_hss_diameter_request_duration_seconds_bucket{command=\"" + command
                    + "\",le=\""), "histogram of " + command);
        }
        assertEquals(1.0, sample(metrics, "kubeims_hss_diameter_peers"), "one connected replica");
    }

    // ---- PPR and RTR caused by the provisioning API ----

    @Test
    void changedIfcsOfARegisteredUserArePushed() throws Exception {
        String impi = register(provision("bob"));
        double pushedBefore = sample(metrics(), notifications("PPR", "pushed"));

        api().body(IFC_BODY).put(subscriber(impi) + "/ifcs").then().statusCode(200);

        PushProfileRequest ppr = await("a PPR for " + impi, () -> replica.pprsFor(impi), list -> !list.isEmpty())
                .get(0);
        ImsSubscription pushed = new CxUserDataReader().read(ppr.userData());
        List<InitialFilterCriteria> ifcs = pushed.serviceProfiles().get(0).initialFilterCriteria();
        assertEquals(1, ifcs.size());
        assertEquals(5, ifcs.get(0).priority());
        assertEquals("sip:smsc.ims.example.test", ifcs.get(0).applicationServer().serverName());
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, POOL, null),
                storage.dynamicState().registration(impi), "a PPR changes no registration");
        await("the PPR counted", () -> sample(metrics(), notifications("PPR", "pushed")),
                n -> n == pushedBefore + 1);
        assertTrue(sample(metrics(), requests("PPR", "2001", "base")) >= 1);
    }

    @Test
    void changedCredentialsAloneSendNoPprButTheNextProfileChangeDoes() throws Exception {
        String impi = register(provision("carol"));

        api().body("{\"scheme\": \"SIP-Digest\", \"password\": \"new-secret\"}").put(subscriber(impi) + "/auth")
                .then().statusCode(204);
        api().body(IFC_BODY).put(subscriber(impi) + "/ifcs").then().statusCode(200);

        // notifications of one subscriber go out in order: a PPR for the credentials would arrive first
        await("a PPR for " + impi, () -> replica.pprsFor(impi), list -> !list.isEmpty());
        List<PushProfileRequest> pprs = replica.pprsFor(impi);
        assertEquals(1, pprs.size(), "one PPR, for the iFC change");
        assertEquals(1, new CxUserDataReader().read(pprs.get(0).userData()).serviceProfiles().get(0)
                .initialFilterCriteria().size());
    }

    @Test
    void changedIdentityBarringIsPushed() throws Exception {
        String impi = register(provision("dave"));

        api().body("{\"barred\": false, \"barredPublicIdentities\": [\"tel:+15550100004\"]}")
                .put(subscriber(impi) + "/barring").then().statusCode(200);

        PushProfileRequest ppr = await("a PPR for " + impi, () -> replica.pprsFor(impi), list -> !list.isEmpty())
                .get(0);
        List<PublicIdentity> identities = new CxUserDataReader().read(ppr.userData()).serviceProfiles().get(0)
                .publicIdentities();
        assertEquals(List.of(false, true), identities.stream().map(PublicIdentity::barringIndication).toList());
    }

    @Test
    void administrativeDeregistrationSendsRtrWithTheRequestedReason() throws Exception {
        String impi = register(provision("erin"));

        api().body("{\"reasonCode\": \"SERVER_CHANGE\", \"reasonInfo\": \"maintenance\"}")
                .post(subscriber(impi) + "/deregistration").then().statusCode(202);

        RegistrationTerminationRequest rtr = await("an RTR for " + impi, () -> replica.rtrsFor(impi),
                list -> !list.isEmpty()).get(0);
        assertEquals(ReasonCode.SERVER_CHANGE, rtr.reason().reasonCode());
        assertEquals("maintenance", rtr.reason().reasonInfo());
        await("the registration of " + impi + " ended", () -> storage.dynamicState().registration(impi),
                RegistrationRecord.notRegistered()::equals);
        api().get(subscriber(impi) + "/registration").then().statusCode(200).body("state", equalTo("NotRegistered"));
    }

    @Test
    void refusedAdministrativeDeregistrationKeepsTheRegistration() throws Exception {
        String impi = register(provision("frank"));
        replica.answer(impi, CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));

        api().post(subscriber(impi) + "/deregistration").then().statusCode(202);
        await("an RTR for " + impi, () -> replica.rtrsFor(impi), list -> !list.isEmpty());
        // the PPR is queued behind the RTR: once it arrives, the RTR's outcome has been handled
        api().body(IFC_BODY).put(subscriber(impi) + "/ifcs").then().statusCode(200);
        await("a PPR for " + impi, () -> replica.pprsFor(impi), list -> !list.isEmpty());

        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, POOL, null),
                storage.dynamicState().registration(impi), "the administrator can try again");
    }

    @Test
    void deletingARegisteredSubscriberTerminatesItsRegistration() throws Exception {
        String impi = register(provision("grace"));

        api().delete(subscriber(impi)).then().statusCode(204);

        RegistrationTerminationRequest rtr = await("an RTR for " + impi, () -> replica.rtrsFor(impi),
                list -> !list.isEmpty()).get(0);
        assertEquals(ReasonCode.PERMANENT_TERMINATION, rtr.reason().reasonCode());
        assertNull(rtr.reason().reasonInfo());
        assertEquals(List.of("sip:grace@" + REALM, "tel:+15550100007"), rtr.publicIdentities(),
                "the identities the deleted subscriber had");
        await("the registration of " + impi + " ended", () -> storage.dynamicState().registration(impi),
                RegistrationRecord.notRegistered()::equals);
    }

    @Test
    void deletingWhileThePoolRefusesStillClearsTheRegistration() throws Exception {
        String impi = register(provision("heidi"));
        replica.answer(impi, CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));
        double refusedBefore = sample(metrics(), notifications("RTR", "refused"));

        try (CapturedLog log = CapturedLog.of("io.kubeims.hss")) {
            api().delete(subscriber(impi)).then().statusCode(204);

            await("an RTR for " + impi, () -> replica.rtrsFor(impi), list -> !list.isEmpty());
            await("the registration of deleted " + impi + " cleared",
                    () -> storage.dynamicState().registration(impi), RegistrationRecord.notRegistered()::equals);
            await("the refusal counted", () -> sample(metrics(), notifications("RTR", "refused")),
                    n -> n == refusedBefore + 1);

            // the outcome is logged once, as a warning naming the IMPI and the answer; no key material anywhere
            List<CapturedLog.Line> warnings = log.at(org.jboss.logmanager.Level.WARN, impi);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).message().contains("5012"), warnings.get(0).message());
            assertEquals(1, log.containing("cleared although the RTR was not taken").size());
            assertEquals(List.of(), log.containing(K));
            assertEquals(List.of(), log.containing(OP));
        }
    }

    @Test
    void barringTheSubscriptionTerminatesItsRegistration() throws Exception {
        String impi = register(provision("ivan"));

        api().body("{\"barred\": true}").put(subscriber(impi) + "/barring").then().statusCode(200);

        RegistrationTerminationRequest rtr = await("an RTR for " + impi, () -> replica.rtrsFor(impi),
                list -> !list.isEmpty()).get(0);
        assertEquals(ReasonCode.PERMANENT_TERMINATION, rtr.reason().reasonCode());
        assertEquals(ProvisioningCxNotifier.BARRED_REASON_INFO, rtr.reason().reasonInfo());
        assertTrue(replica.pprsFor(impi).isEmpty(), "User-Data did not change: no PPR");
    }

    // ---- helpers ----

    /** Provisions {@code name}@realm with sip:name@realm and a tel: identity, AKA keyed with OP; returns the IMPI. */
    private String provision(String name) {
        String impi = name + "@" + REALM;
        String body = """
                {"publicIdentities": [{"identity": "sip:%s@%s"}, {"identity": "%s"}],
                 "auth": {"scheme": "AKAv1-MD5", "k": "%s", "op": "%s", "amf": "8000"}}
                """.formatted(name, REALM, telOf(name), K, OP);
        api().body(body).put(subscriber(impi)).then().statusCode(201);
        return impi;
    }

    /** A distinct tel: identity per test subscriber (their first letters differ): a 01, b 02, ... */
    private static String telOf(String name) {
        return "tel:+155501000" + String.format("%02d", name.charAt(0) - 'a' + 1);
    }

    /** MAR then SAR REGISTRATION from the replica, as an S-CSCF does; returns the IMPI. */
    private String register(String impi) throws Exception {
        String impu = "sip:" + impi;
        assertTrue(call(new MultimediaAuthRequest(impi, impu, POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))).result()
                .is(DiameterResultCode.SUCCESS));
        ServerAssignmentAnswer saa = call(new ServerAssignmentRequest(impi, List.of(impu), POOL,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        assertTrue(saa.result().is(DiameterResultCode.SUCCESS), saa.result().toString());
        assertNotNull(saa.userData());
        return impi;
    }

    private <A extends CxAnswer> A call(CxHssRequest<A> request) throws Exception {
        return scscf.send(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String subscriber(String impi) {
        return "/api/v1/subscribers/" + impi;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series in the Prometheus text, 0 when it is not there yet. */
    private static String requests(String command, String code, String type) {
        return "kubeims_hss_diameter_requests_total{command=\"" + command + "\",result_code=\"" + code
                + "\",result_type=\"" + type + "\"}";
    }

    private static String notifications(String command, String outcome) {
        return "kubeims_hss_cx_notifications_total{command=\"" + command + "\",outcome=\"" + outcome + "\"}";
    }

    private static double sample(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within " + WAIT + ", last seen " + value);
            }
            Thread.sleep(20);
            value = probe.get();
        }
        return value;
    }
}
