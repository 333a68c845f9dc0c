package io.kubeims.hssclient;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.api.v1alpha1.subscriber.RegistrationState;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.hssclient.testing.ExampleManifests;
import io.kubeims.hssclient.testing.HssProcess;
import io.kubeims.hssclient.testing.TestScscf;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against a real HSS (child JVM, embedded store): the example subscribers provisioned and read back,
 * replaced, refused (400, 409, 401), registered by a real S-CSCF over Cx, deleted (with the RTR the HSS sends).
 * What the HSS holds is checked through Cx where the API does not show it (credentials).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HssProvisioningClientTest {

    private final ExampleManifests examples = ExampleManifests.read("subscriber-alice.yaml", "subscriber-bob.yaml",
            "subscriber-carol.yaml", "ifcprofile-default.yaml");
    private HssProcess hss;
    private HssProvisioningClient client;
    private TestScscf scscf;

    @BeforeAll
    void startHss() throws Exception {
        hss = HssProcess.start();
        client = new HssProvisioningClient(HssClientSettings.defaults(hss.baseUri()), hss::token);
        scscf = TestScscf.connect(hss);
    }

    @AfterAll
    void stopHss() {
        if (scscf != null) {
            scscf.close();
        }
        if (hss != null) {
            hss.close();
        }
    }

    @Test
    void provisionsTheExampleSubscribersIdempotently() throws Exception {
        for (String name : List.of("alice", "bob", "carol")) {
            HssSubscriber body = example(name);

            PutResult created = client.put(body);
            PutResult again = client.put(body);

            assertTrue(created.created(), name + " created (201)");
            assertFalse(again.created(), name + " replaced by the same body (200)");
            HssSubscriberView read = client.get(body.privateIdentity()).orElseThrow();
            assertEquals(name + "@ims.example.com", read.privateIdentity());
            assertEquals(body.publicIdentities().stream().map(PublicIdentitySpec::getIdentity).toList(),
                    read.publicIdentities().stream().map(PublicIdentitySpec::getIdentity).toList());
            assertEquals(List.of(10, 20),
                    read.initialFilterCriteria().stream().map(InitialFilterCriterionSpec::getPriority).toList());
            assertEquals(name.equals("carol") ? AuthScheme.SIP_DIGEST : AuthScheme.AKAV1_MD5, read.auth().scheme());
        }

        // What the HSS does with the credentials: AKA vectors for alice and bob, carol's HA1 from her password.
        for (String name : List.of("alice", "bob")) {
            MultimediaAuthAnswer answer = scscf.mar(name + "@ims.example.com", "sip:" + name + "@ims.example.com",
                    SipAuthenticationScheme.DIGEST_AKA_V1_MD5);
            assertTrue(answer.result().is(DiameterResultCode.SUCCESS));
            assertEquals(1, answer.authDataItems().size());
        }
        assertEquals(ha1("carol@ims.example.com", "carol-lab-password-2026"), digestHa1("carol"));
    }

    @Test
    void replacementChangesIdentitiesBarringAndPassword() throws Exception {
        HssSubscriber before = renamed(example("carol"), "dave");
        client.put(before);
        assertEquals(ha1("dave@ims.example.com", "carol-lab-password-2026"), digestHa1("dave"));

        PublicIdentitySpec tel = new PublicIdentitySpec("tel:+15551230099");
        tel.setBarred(true);
        HssSubscriber after = new HssSubscriber(before.privateIdentity(),
                List.of(before.publicIdentities().get(0), tel), false, new DigestCredentials("dave-new-password"),
                List.of());
        PutResult replaced = client.put(after);

        assertFalse(replaced.created());
        HssSubscriberView read = client.get("dave@ims.example.com").orElseThrow();
        assertEquals(List.of("sip:dave@ims.example.com", "tel:+15551230099"),
                read.publicIdentities().stream().map(PublicIdentitySpec::getIdentity).toList());
        assertEquals(Boolean.TRUE, read.publicIdentities().get(1).getBarred());
        assertTrue(read.initialFilterCriteria().isEmpty());
        assertEquals(ha1("dave@ims.example.com", "dave-new-password"), digestHa1("dave"));
    }

    @Test
    void publicIdentityOfAnotherSubscriberIsAConflictWithTheHssMessage() throws Exception {
        client.put(renamed(example("carol"), "owner"));
        HssSubscriber intruder = new HssSubscriber("intruder@ims.example.com",
                List.of(new PublicIdentitySpec("sip:owner@ims.example.com")), false, new DigestCredentials("pw-1"),
                List.of());

        DuplicatePublicIdentityException e = assertThrows(DuplicatePublicIdentityException.class,
                () -> client.put(intruder));

        assertEquals(409, e.status());
        assertEquals("sip:owner@ims.example.com", e.publicIdentity());
        assertEquals("owner@ims.example.com", e.owner());
        assertEquals("public identity sip:owner@ims.example.com already belongs to private identity "
                + "owner@ims.example.com", e.hssMessage());
        assertEquals("PUT subscriber intruder@ims.example.com: the HSS answered 409: " + e.hssMessage()
                + " (field publicIdentities)", e.getMessage());
        assertTrue(client.get("intruder@ims.example.com").isEmpty());
    }

    @Test
    void invalidBodyIs400NamingTheField() {
        HssSubscriber noIdentity = new HssSubscriber("nobody@ims.example.com", List.of(), false,
                new DigestCredentials("pw-2"), List.of());

        HssRejectedException e = assertThrows(HssRejectedException.class, () -> client.put(noIdentity));

        assertEquals(400, e.status());
        assertEquals("publicIdentities", e.field());
        assertEquals("publicIdentities: at least one public identity is required", e.hssMessage());
    }

    @Test
    void registrationAndServingScscfAreReadBack() throws Exception {
        client.put(renamed(example("carol"), "erin"));
        HssRegistration unregistered = client.registration("erin@ims.example.com").orElseThrow();
        assertEquals(RegistrationState.NOT_REGISTERED, unregistered.state());
        assertNull(unregistered.serverName());

        assertTrue(scscf.register("erin@ims.example.com", "sip:erin@ims.example.com").result().is(DiameterResultCode.SUCCESS));

        HssRegistration registered = client.registration("erin@ims.example.com").orElseThrow();
        assertEquals(RegistrationState.REGISTERED, registered.state());
        assertEquals(TestScscf.POOL, registered.serverName());
        assertTrue(client.registration("unknown@ims.example.com").isEmpty());
    }

    @Test
    void deleteRemovesADeregistersAndIsIdempotent() throws Exception {
        client.put(renamed(example("carol"), "frank"));
        scscf.register("frank@ims.example.com", "sip:frank@ims.example.com");

        assertEquals(DeleteResult.DELETED, client.delete("frank@ims.example.com"));

        assertTrue(client.get("frank@ims.example.com").isEmpty());
        assertEquals(DeleteResult.ABSENT, client.delete("frank@ims.example.com"));
        assertTrue(scscf.awaitRtr(rtr -> "frank@ims.example.com".equals(rtr.userName())),
                "the HSS de-registers a deleted subscriber (RTR)");
    }

    @Test
    void wrongTokenIsAnAuthenticationFailureNotRetried() {
        HssProvisioningClient intruder = new HssProvisioningClient(HssClientSettings.defaults(hss.baseUri()),
                () -> "not-the-token");

        HssAuthenticationException e = assertThrows(HssAuthenticationException.class,
                () -> intruder.get("alice@ims.example.com"));

        assertEquals(401, e.status());
        assertEquals("the bearer token is not valid", e.hssMessage());
    }

    @Test
    void noSecretInExceptionsOrToString() {
        HssSubscriber alice = example("alice");
        HssRejectedException e = assertThrows(HssRejectedException.class, () -> client.put(new HssSubscriber(
                "nobody2@ims.example.com", List.of(), false, alice.auth(), List.of())));
        for (String text : List.of(e.getMessage(), alice.toString(), client.toString())) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("8baf473f") || lower.contains("e734f873") || lower.contains(hss.token()),
                    "leaks a secret: " + text);
        }
    }

    private HssSubscriber example(String name) {
        return SubscriberMapping.toHss(examples.get(Subscriber.class, name),
                examples.get(Secret.class, name + "-credentials"), examples.get(IfcProfile.class, "default-services"));
    }

    /** The same subscriber under another user name, so tests do not share identities. */
    private static HssSubscriber renamed(HssSubscriber subscriber, String user) {
        return new HssSubscriber(user + "@ims.example.com",
                List.of(new PublicIdentitySpec("sip:" + user + "@ims.example.com")), subscriber.barred(),
                subscriber.auth(), subscriber.initialFilterCriteria());
    }

    private String digestHa1(String user) throws Exception {
        MultimediaAuthAnswer answer = scscf.mar(user + "@ims.example.com", "sip:" + user + "@ims.example.com",
                SipAuthenticationScheme.SIP_DIGEST);
        assertTrue(answer.result().is(DiameterResultCode.SUCCESS));
        SipAuthDataItem item = answer.authDataItems().get(0);
        assertInstanceOf(SipAuthDataItem.class, item);
        return item.digestAuthenticate().digestHa1();
    }

    /** RFC 2617 3.2.2.2: HA1 = MD5(username ":" realm ":" password), the IMPI as user name (TS 33.203 N). */
    private static String ha1(String impi, String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((impi + ":" + HssProcess.REALM + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
