package io.kubeims.operator.subscriber;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeims.api.v1alpha1.ifcprofile.ApplicationServerSpec;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.api.v1alpha1.subscriber.RegistrationState;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.HssClientSettings;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.HssSubscriberView;
import io.kubeims.hssclient.testing.ExampleManifests;
import io.kubeims.hssclient.testing.HssProcess;
import io.kubeims.hssclient.testing.TestScscf;
import io.kubeims.operator.testing.ClusterFixtures;
import io.kubeims.operator.testing.HssTestResource;
import io.kubeims.operator.testing.InjectHss;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.kubeims.operator.testing.ClusterFixtures.condition;
import static io.kubeims.operator.testing.ClusterFixtures.digestSubscriber;
import static io.kubeims.operator.testing.ClusterFixtures.secret;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Subscriber reconciler on the fabric8 mock API server (CRUD mode) against a real HSS: the example manifests
 * provisioned, a Secret or IfcProfile change re-provisioned (seen through Cx: the HA1 of a MAR, the PPR to the
 * serving S-CSCF), a deletion de-provisioned (RTR), the HSS down and back, and each refusal as a condition.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(HssTestResource.class)
class SubscriberReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @InjectHss
    HssProcess hss;

    private HssProvisioningClient hssApi;
    private TestScscf scscf;

    @BeforeEach
    void connect() throws Exception {
        hssApi = new HssProvisioningClient(HssClientSettings.defaults(hss.baseUri()), hss::token);
        scscf = TestScscf.connect(hss);
    }

    @AfterEach
    void disconnect() {
        scscf.close();
    }

    @Test
    void exampleManifestsAreProvisionedWithStatus() throws Exception {
        ExampleManifests examples = ExampleManifests.read("ifcprofile-default.yaml", "subscriber-alice.yaml",
                "subscriber-bob.yaml", "subscriber-carol.yaml");
        client.resource(examples.get(IfcProfile.class, "default-services")).create();
        for (String name : List.of("alice", "bob", "carol")) {
            client.resource(ClusterFixtures.asStored(examples.get(Secret.class, name + "-credentials"))).create();
            client.resource(examples.get(Subscriber.class, name)).create();
        }

        for (String name : List.of("alice", "bob", "carol")) {
            Subscriber provisioned = awaitProvisioned(name, "True");
            assertEquals(RegistrationState.NOT_REGISTERED, provisioned.getStatus().getRegistrationState());
            assertEquals(provisioned.getMetadata().getGeneration(), provisioned.getStatus().getObservedGeneration());
            assertTrue(provisioned.getMetadata().getFinalizers().stream().anyMatch(f -> f.contains("subscriber")),
                    "a finalizer guards the de-provisioning: " + provisioned.getMetadata().getFinalizers());
            HssSubscriberView view = hssApi.get(name + "@ims.example.com").orElseThrow();
            assertEquals(examples.get(Subscriber.class, name).getSpec().getPublicIdentities().stream()
                            .map(PublicIdentitySpec::getIdentity).toList(),
                    view.publicIdentities().stream().map(PublicIdentitySpec::getIdentity).toList());
            assertEquals(List.of(10, 20), view.initialFilterCriteria().stream()
                    .map(InitialFilterCriterionSpec::getPriority).toList());
        }
        assertEquals(ha1("carol@ims.example.com", "carol-lab-password-2026"), digestHa1("carol"));
    }

    @Test
    void registrationStateAndServingScscfAreReadBack() throws Exception {
        client.resource(secret("reg-credentials", Map.of("password", "reg-password-1"))).create();
        client.resource(digestSubscriber("reg", "reg-credentials", null)).create();
        awaitProvisioned("reg", "True");
        scscf.register("reg@ims.example.com", "sip:reg@ims.example.com");

        // A change of the Subscriber reconciles it again, which reads the registration back.
        Subscriber subscriber = client.resources(Subscriber.class).withName("reg").get();
        subscriber.getSpec().getPublicIdentities().get(0).setDisplayName("Reg");
        client.resource(subscriber).update();

        await().atMost(WAIT).untilAsserted(() -> {
            Subscriber read = client.resources(Subscriber.class).withName("reg").get();
            assertEquals(RegistrationState.REGISTERED, read.getStatus().getRegistrationState());
            assertEquals(TestScscf.POOL, read.getStatus().getServingScscf());
        });
    }

    @Test
    void secretChangeReprovisionsTheNewPassword() throws Exception {
        client.resource(secret("dan-credentials", Map.of("password", "dan-old-password"))).create();
        client.resource(digestSubscriber("dan", "dan-credentials", null)).create();
        awaitProvisioned("dan", "True");
        assertEquals(ha1("dan@ims.example.com", "dan-old-password"), digestHa1("dan"));

        ClusterFixtures.apply(client, secret("dan-credentials", Map.of("password", "dan-new-password")));

        String expected = ha1("dan@ims.example.com", "dan-new-password");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, digestHa1("dan")));
    }

    @Test
    void ifcProfileChangeChangesTheHssProfileAndTheHssPushesIt() throws Exception {
        IfcProfile profile = ExampleManifests.read("ifcprofile-default.yaml").copyOf(IfcProfile.class,
                "default-services");
        profile.getMetadata().setName("changing-services");
        client.resource(profile).create();
        client.resource(secret("eve-credentials", Map.of("password", "eve-password-1"))).create();
        client.resource(digestSubscriber("eve", "eve-credentials", "changing-services")).create();
        awaitProvisioned("eve", "True");
        scscf.register("eve@ims.example.com", "sip:eve@ims.example.com");

        IfcProfile changed = client.resources(IfcProfile.class).withName("changing-services").get();
        ApplicationServerSpec server = changed.getSpec().getInitialFilterCriteria().get(0).getApplicationServer();
        server.setServerName("sip:new-smsc.ims.example.com:5060");
        client.resource(changed).update();

        await().atMost(WAIT).untilAsserted(() -> assertEquals("sip:new-smsc.ims.example.com:5060",
                hssApi.get("eve@ims.example.com").orElseThrow().initialFilterCriteria().get(0)
                        .getApplicationServer().getServerName()));
        assertTrue(scscf.awaitPpr(ppr -> "eve@ims.example.com".equals(ppr.userName())),
                "the HSS pushes the new profile to the serving S-CSCF (PPR)");
    }

    @Test
    void deletionRemovesTheSubscriberFromTheHss() throws Exception {
        client.resource(secret("fay-credentials", Map.of("password", "fay-password-1"))).create();
        client.resource(digestSubscriber("fay", "fay-credentials", null)).create();
        awaitProvisioned("fay", "True");
        scscf.register("fay@ims.example.com", "sip:fay@ims.example.com");

        client.resources(Subscriber.class).withName("fay").delete();

        await().atMost(WAIT).untilAsserted(() -> {
            assertTrue(client.resources(Subscriber.class).withName("fay").get() == null, "finalizer released");
            assertEquals(Optional.empty(), hssApi.get("fay@ims.example.com"));
        });
        assertTrue(scscf.awaitRtr(rtr -> "fay@ims.example.com".equals(rtr.userName())),
                "the HSS de-registers the deleted subscriber (RTR)");
    }

    @Test
    void hssDownIsAConditionAndProvisioningRecoversWhenItIsBack() throws Exception {
        client.resource(secret("gus-credentials", Map.of("password", "gus-password-1"))).create();
        hss.kill();
        try {
            client.resource(digestSubscriber("gus", "gus-credentials", null)).create();

            Subscriber down = awaitProvisioned("gus", "False");
            Condition condition = condition(down.getStatus(), "Provisioned");
            assertEquals("HssUnavailable", condition.getReason());
            assertTrue(condition.getMessage().startsWith("PUT subscriber gus@ims.example.com: the HSS at "
                    + hss.baseUri() + " refused the connection"), condition.getMessage());
        } finally {
            hss.restart();
        }
        awaitProvisioned("gus", "True");
        assertTrue(hssApi.get("gus@ims.example.com").isPresent());
    }

    @Test
    void missingSecretWaitsAndItsCreationProvisions() throws Exception {
        client.resource(digestSubscriber("hank", "hank-credentials", null)).create();

        Condition missing = condition(awaitProvisioned("hank", "False").getStatus(), "Provisioned");
        assertEquals("SecretNotFound", missing.getReason());
        assertEquals("Secret hank-credentials (spec.auth.secretRef) does not exist in the Subscriber's namespace",
                missing.getMessage());

        client.resource(secret("hank-credentials", Map.of("password", "hank-password-1"))).create();

        awaitProvisioned("hank", "True");
        assertEquals(ha1("hank@ims.example.com", "hank-password-1"), digestHa1("hank"));
    }

    @Test
    void secretWithoutTheNeededKeyIsNamedInTheCondition() {
        Subscriber subscriber = digestSubscriber("ida", "ida-credentials", null);
        client.resource(secret("ida-credentials", Map.of("k", "465b5ce8b199b49faa5f0a2ee238a6bc"))).create();
        client.resource(subscriber).create();

        Condition condition = condition(awaitProvisioned("ida", "False").getStatus(), "Provisioned");
        assertEquals("InvalidCredentials", condition.getReason());
        assertEquals("Secret ida-credentials: key 'password' is required for SIP-Digest and must not be empty",
                condition.getMessage());
    }

    @Test
    void publicIdentityOfAnotherSubscriberIsRefusedWithTheHssMessage() {
        client.resource(secret("jo-credentials", Map.of("password", "jo-password-1"))).create();
        client.resource(digestSubscriber("jo", "jo-credentials", null)).create();
        awaitProvisioned("jo", "True");
        Subscriber intruder = digestSubscriber("kim", "jo-credentials", null);
        intruder.getSpec().setPublicIdentities(List.of(new PublicIdentitySpec("sip:jo@ims.example.com")));
        client.resource(intruder).create();

        Condition condition = condition(awaitProvisioned("kim", "False").getStatus(), "Provisioned");
        assertEquals("DuplicatePublicIdentity", condition.getReason());
        assertEquals("the HSS refused the subscriber: public identity sip:jo@ims.example.com already belongs to "
                + "private identity jo@ims.example.com", condition.getMessage());
    }

    @Test
    void invalidIfcProfileKeepsTheSubscriberOut() {
        IfcProfile profile = ExampleManifests.read("ifcprofile-default.yaml").copyOf(IfcProfile.class,
                "default-services");
        profile.getMetadata().setName("broken-services");
        profile.getSpec().getInitialFilterCriteria().get(1).setPriority(10);
        client.resource(profile).create();
        client.resource(secret("lee-credentials", Map.of("password", "lee-password-1"))).create();
        client.resource(digestSubscriber("lee", "lee-credentials", "broken-services")).create();

        Condition condition = condition(awaitProvisioned("lee", "False").getStatus(), "Provisioned");
        assertEquals("InvalidIfcProfile", condition.getReason());
        assertEquals("IfcProfile broken-services: initialFilterCriteria[1]: priority 10 is used twice",
                condition.getMessage());
    }

    /** Waits for the Provisioned condition to have {@code status} and returns the Subscriber then. */
    private Subscriber awaitProvisioned(String name, String status) {
        return await().atMost(WAIT).until(() -> client.resources(Subscriber.class).withName(name).get(),
                subscriber -> subscriber != null && condition(subscriber.getStatus(), "Provisioned") != null
                        && status.equals(condition(subscriber.getStatus(), "Provisioned").getStatus()));
    }

    private String digestHa1(String user) throws Exception {
        var answer = scscf.mar(user + "@ims.example.com", "sip:" + user + "@ims.example.com",
                SipAuthenticationScheme.SIP_DIGEST);
        assertNotNull(answer.authDataItems());
        return answer.authDataItems().isEmpty() ? null
                : answer.authDataItems().get(0).digestAuthenticate().digestHa1();
    }

    /** RFC 2617 3.2.2.2: HA1 = MD5(username ":" realm ":" password), the IMPI as user name (TS 33.203 N). */
    private static String ha1(String impi, String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((impi + ":" + HssProcess.REALM + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

}
