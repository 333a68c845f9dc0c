package io.kubeims.hss.provisioning;

import io.kubeims.hss.store.HssStorage;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.kubeims.hss.provisioning.ApiFixtures.PASSWORD;
import static io.kubeims.hss.provisioning.ApiFixtures.akaSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.api;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriber;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sub-resources of a subscriber (public identities, auth, iFCs, barring, registration, de-registration) and what
 * the {@link SubscriberChangeListener} is told about each change.
 */
@QuarkusTest
class SubResourceApiTest {

    /** A pool no test S-CSCF serves: the RTRs these tests cause find no replica (CxWiringTest has a real one). */
    private static final String SCSCF = "sip:scscf-unserved.ims.example.test:6060";

    /** Two iFCs in the IfcProfile JSON model; TS 29.228 Annex B semantics, written the way a manifest would. */
    private static final String IFCS = """
            {"initialFilterCriteria": [
              {"priority": 10, "profilePartIndicator": "Registered",
               "triggerPoint": {"conditionType": "CNF", "spts": [
                 {"method": "INVITE", "groups": [0]},
                 {"sessionCase": "Originating", "groups": [1]}]},
               "applicationServer": {"serverName": "sip:tas.ims.example.test", "defaultHandling": "SessionTerminated"}},
              {"priority": 20,
               "applicationServer": {"serverName": "sip:logger.ims.example.test", "serviceInfo": "audit"}}]}
            """;

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @Inject
    HssStorage storage;

    @Inject
    RecordingChangeListener listener;

    @Test
    void publicIdentitiesAreListedAddedReplacedAndRemoved() {
        String impi = "identities@ims.example.test";
        api(token).body(akaSubscriber("sip:identities@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);
        String identities = subscriber(impi) + "/public-identities";

        api(token).put(identities + "/tel:+15552000001").then().statusCode(201)
                .body("identity", equalTo("tel:+15552000001")).body("barred", equalTo(false));
        api(token).body("{\"displayName\": \"Ida\", \"barred\": true}").put(identities + "/tel:+15552000001")
                .then().statusCode(200).body("displayName", equalTo("Ida"));
        api(token).get(identities + "/tel:+15552000001").then().statusCode(200)
                .body("barred", equalTo(true)).body("displayName", equalTo("Ida"));
        api(token).get(identities).then().statusCode(200)
                .body("publicIdentities.identity", equalTo(List.of("sip:identities@ims.example.test",
                        "tel:+15552000001")));

        api(token).delete(identities + "/sip:identities@ims.example.test").then().statusCode(204);
        api(token).get(identities + "/sip:identities@ims.example.test").then().statusCode(404);
        api(token).delete(identities + "/sip:identities@ims.example.test").then().statusCode(404);

        Subscriber stored = storage.subscribers().get(impi).orElseThrow();
        assertEquals(List.of(new PublicUserIdentity("tel:+15552000001", true, "Ida")), stored.publicIdentities());
        assertTrue(storage.subscribers().findPrivateIdentity("sip:identities@ims.example.test").isEmpty());
        assertEquals(List.of("created", "changed", "changed", "changed"), listener.kindsFor(impi));
    }

    @Test
    void addingAnotherSubscribersIdentityIsAConflict() {
        api(token).body(akaSubscriber("sip:holder@ims.example.test")).put(subscriber("holder@ims.example.test"))
                .then().statusCode(201);
        api(token).body(akaSubscriber("sip:taker@ims.example.test")).put(subscriber("taker@ims.example.test"))
                .then().statusCode(201);

        api(token).put(subscriber("taker@ims.example.test") + "/public-identities/sip:holder@ims.example.test")
                .then().statusCode(409)
                .body("publicIdentity", equalTo("sip:holder@ims.example.test"))
                .body("owner", equalTo("holder@ims.example.test"));
        assertEquals(List.of("created"), listener.kindsFor("taker@ims.example.test"));
    }

    @Test
    void identityWithUriParametersIsAddressedWithAnEncodedSemicolon() {
        String impi = "params@ims.example.test";
        api(token).body(akaSubscriber("sip:params@ims.example.test")).put(subscriber(impi)).then().statusCode(201);

        api(token).urlEncodingEnabled(false)
                .put(subscriber(impi) + "/public-identities/sip:+15552000002@ims.example.test%3Buser=phone")
                .then().statusCode(201).body("identity", equalTo("sip:+15552000002@ims.example.test;user=phone"));
        assertEquals(impi, storage.subscribers()
                .findPrivateIdentity("sip:+15552000002@ims.example.test;user=phone").orElseThrow());
    }

    @Test
    void replacingTheIdentityListReleasesTheOldOnes() {
        String impi = "replace-list@ims.example.test";
        api(token).body(akaSubscriber("sip:replace-list@ims.example.test", "tel:+15552000003"))
                .put(subscriber(impi)).then().statusCode(201);

        api(token).body("{\"publicIdentities\": [{\"identity\": \"tel:+15552000004\"}, "
                + "{\"identity\": \"sip:replace-list@ims.example.test\", \"displayName\": \"R\"}]}")
                .put(subscriber(impi) + "/public-identities").then().statusCode(200)
                .body("publicIdentities.identity", equalTo(List.of("tel:+15552000004",
                        "sip:replace-list@ims.example.test")));

        assertTrue(storage.subscribers().findPrivateIdentity("tel:+15552000003").isEmpty());
        assertEquals("tel:+15552000004",
                storage.subscribers().get(impi).orElseThrow().defaultPublicIdentity().identity());
    }

    @Test
    void authIsReplacedAndOnlyItsSchemeIsShown() {
        String impi = "rekey@ims.example.test";
        api(token).body(akaSubscriber("sip:rekey@ims.example.test")).put(subscriber(impi)).then().statusCode(201);

        api(token).body("{\"scheme\": \"SIP-Digest\", \"password\": \"" + PASSWORD + "\"}")
                .put(subscriber(impi) + "/auth").then().statusCode(204);

        api(token).get(subscriber(impi)).then().statusCode(200)
                .body("auth", equalTo(Map.of("scheme", "SIP-Digest")));
        assertEquals(new SipDigestCredentials(PASSWORD), storage.subscribers().get(impi).orElseThrow().credentials());
        List<RecordingChangeListener.Call> calls = listener.callsFor(impi);
        assertEquals(List.of("created", "changed"), listener.kindsFor(impi));
        assertFalse(calls.get(1).before().credentials().equals(calls.get(1).after().credentials()));
    }

    @Test
    void iFcsUseTheIfcProfileModelBothWays() {
        String impi = "ifcs@ims.example.test";
        api(token).body(akaSubscriber("sip:ifcs@ims.example.test")).put(subscriber(impi)).then().statusCode(201);

        api(token).body(IFCS).put(subscriber(impi) + "/ifcs").then().statusCode(200)
                .body("initialFilterCriteria.priority", equalTo(List.of(10, 20)));

        // What the model holds, built by hand from the JSON above.
        List<InitialFilterCriteria> expected = List.of(
                new InitialFilterCriteria(10,
                        new TriggerPoint(true, List.of(
                                new ServicePointTrigger(false, List.of(0), new MethodCondition("INVITE", Set.of())),
                                new ServicePointTrigger(false, List.of(1),
                                        new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED)))),
                        new ApplicationServer("sip:tas.ims.example.test", DefaultHandling.SESSION_TERMINATED, null,
                                false, false),
                        ProfilePartIndicator.REGISTERED),
                new InitialFilterCriteria(20, null,
                        new ApplicationServer("sip:logger.ims.example.test", DefaultHandling.SESSION_CONTINUED,
                                "audit", false, false),
                        null));
        assertEquals(expected, storage.subscribers().get(impi).orElseThrow().initialFilterCriteria());

        api(token).get(subscriber(impi) + "/ifcs").then().statusCode(200)
                .body("initialFilterCriteria[0].profilePartIndicator", equalTo("Registered"))
                .body("initialFilterCriteria[0].triggerPoint.conditionType", equalTo("CNF"))
                .body("initialFilterCriteria[0].triggerPoint.spts[1].sessionCase", equalTo("Originating"))
                .body("initialFilterCriteria[0].applicationServer.defaultHandling", equalTo("SessionTerminated"))
                .body("initialFilterCriteria[1]", not(hasKey("triggerPoint")))
                .body("initialFilterCriteria[1].applicationServer.serviceInfo", equalTo("audit"));
        api(token).get(subscriber(impi)).then().statusCode(200)
                .body("initialFilterCriteria.applicationServer.serverName",
                        equalTo(List.of("sip:tas.ims.example.test", "sip:logger.ims.example.test")));

        // Same iFCs again: no change, no notification; empty list: removed.
        api(token).body(IFCS).put(subscriber(impi) + "/ifcs").then().statusCode(200);
        assertEquals(List.of("created", "changed"), listener.kindsFor(impi));
        api(token).body("{\"initialFilterCriteria\": []}").put(subscriber(impi) + "/ifcs").then().statusCode(200)
                .body("initialFilterCriteria", equalTo(List.of()));
        assertTrue(storage.subscribers().get(impi).orElseThrow().initialFilterCriteria().isEmpty());
    }

    @Test
    void subscriberBodyCarriesIfcsToo() {
        String impi = "ifcs-inline@ims.example.test";
        String body = """
                {"publicIdentities": [{"identity": "sip:ifcs-inline@ims.example.test"}],
                 "auth": {"scheme": "SIP-Digest", "password": "pw"},
                 "initialFilterCriteria": [{"priority": 0, "applicationServer": {"serverName": "sip:as.ims.example.test"}}]}
                """;
        api(token).body(body).put(subscriber(impi)).then().statusCode(201)
                .body("initialFilterCriteria[0].applicationServer.serverName", equalTo("sip:as.ims.example.test"));
        assertEquals(1, storage.subscribers().get(impi).orElseThrow().initialFilterCriteria().size());
    }

    @Test
    void barringOfSubscriptionAndIdentities() {
        String impi = "barring@ims.example.test";
        api(token).body(akaSubscriber("sip:barring@ims.example.test", "tel:+15552000005")).put(subscriber(impi))
                .then().statusCode(201);
        api(token).get(subscriber(impi) + "/barring").then().statusCode(200)
                .body("barred", equalTo(false)).body("barredPublicIdentities", equalTo(List.of()));

        api(token).body("{\"barred\": true, \"barredPublicIdentities\": [\"tel:+15552000005\"]}")
                .put(subscriber(impi) + "/barring").then().statusCode(200)
                .body("barred", equalTo(true)).body("barredPublicIdentities", equalTo(List.of("tel:+15552000005")));

        Subscriber stored = storage.subscribers().get(impi).orElseThrow();
        assertTrue(stored.barred());
        assertFalse(stored.publicIdentity("sip:barring@ims.example.test").orElseThrow().barred());
        assertTrue(stored.publicIdentity("tel:+15552000005").orElseThrow().barred());
        api(token).get(subscriber(impi)).then().body("barred", equalTo(true))
                .body("publicIdentities[1].barred", equalTo(true));

        api(token).body("{\"barred\": false}").put(subscriber(impi) + "/barring").then().statusCode(200)
                .body("barredPublicIdentities", equalTo(List.of()));
        assertEquals(List.of("created", "changed", "changed"), listener.kindsFor(impi));
    }

    @Test
    void registrationShowsTheAssignedScscf() {
        String impi = "registered@ims.example.test";
        api(token).body(akaSubscriber("sip:registered@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);
        api(token).get(subscriber(impi) + "/registration").then().statusCode(200)
                .body("state", equalTo("NotRegistered")).body("$", not(hasKey("serverName")));

        storage.dynamicState().assignServerName(impi, SCSCF, RegistrationState.REGISTERED);

        api(token).get(subscriber(impi) + "/registration").then().statusCode(200)
                .body("privateIdentity", equalTo(impi))
                .body("state", equalTo("Registered"))
                .body("serverName", equalTo(SCSCF));
    }

    @Test
    void deregistrationOfARegisteredUserReachesTheListener() {
        String impi = "dereg@ims.example.test";
        api(token).body(akaSubscriber("sip:dereg@ims.example.test")).put(subscriber(impi)).then().statusCode(201);
        api(token).post(subscriber(impi) + "/deregistration").then().statusCode(409)
                .body("error", equalTo("subscriber " + impi + " has no assigned S-CSCF: nothing to de-register"));

        storage.dynamicState().assignServerName(impi, SCSCF, RegistrationState.REGISTERED);
        api(token).post(subscriber(impi) + "/deregistration").then().statusCode(202)
                .body("serverName", equalTo(SCSCF)).body("reasonCode", equalTo("PERMANENT_TERMINATION"));
        api(token).body("{\"reasonCode\": \"SERVER_CHANGE\", \"reasonInfo\": \"maintenance\"}")
                .post(subscriber(impi) + "/deregistration").then().statusCode(202)
                .body("reasonCode", equalTo("SERVER_CHANGE")).body("reasonInfo", equalTo("maintenance"));

        List<RecordingChangeListener.Call> calls = listener.callsFor(impi);
        assertEquals(List.of("created", "deregistrationRequested", "deregistrationRequested"),
                listener.kindsFor(impi));
        assertEquals(ReasonCode.PERMANENT_TERMINATION, calls.get(1).reason().reasonCode());
        assertEquals(null, calls.get(1).reason().reasonInfo());
        assertEquals(ReasonCode.SERVER_CHANGE, calls.get(2).reason().reasonCode());
        assertEquals("maintenance", calls.get(2).reason().reasonInfo());
        assertEquals(RegistrationState.REGISTERED, storage.dynamicState().registration(impi).state(),
                "clearing the registration is the RTR procedure's job");
    }

    @Test
    void deletingARegisteredUserTellsTheListenerWithTheDeletedSubscriber() throws InterruptedException {
        String impi = "delete-registered@ims.example.test";
        api(token).body(akaSubscriber("sip:delete-registered@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);
        storage.dynamicState().assignServerName(impi, SCSCF, RegistrationState.REGISTERED);

        api(token).delete(subscriber(impi)).then().statusCode(204);

        List<RecordingChangeListener.Call> calls = listener.callsFor(impi);
        assertEquals(List.of("created", "deleted"), listener.kindsFor(impi));
        assertEquals("sip:delete-registered@ims.example.test",
                calls.get(1).before().defaultPublicIdentity().identity());
        // the RTR finds no replica of the pool; the subscription is gone, so the registration is cleared anyway
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (storage.dynamicState().registration(impi).serverName() != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(RegistrationRecord.notRegistered(), storage.dynamicState().registration(impi));
    }
}
