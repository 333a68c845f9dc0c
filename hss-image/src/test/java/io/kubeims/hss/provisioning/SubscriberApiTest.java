package io.kubeims.hss.provisioning;

import io.kubeims.hss.store.HssStorage;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.HexKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static io.kubeims.hss.provisioning.ApiFixtures.AMF;
import static io.kubeims.hss.provisioning.ApiFixtures.K;
import static io.kubeims.hss.provisioning.ApiFixtures.OP;
import static io.kubeims.hss.provisioning.ApiFixtures.OPC;
import static io.kubeims.hss.provisioning.ApiFixtures.PASSWORD;
import static io.kubeims.hss.provisioning.ApiFixtures.akaSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.api;
import static io.kubeims.hss.provisioning.ApiFixtures.digestSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriberWithoutAuth;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscriber create/replace/read/delete over HTTP against the embedded store: idempotency, secrecy, 404, 409. */
@QuarkusTest
class SubscriberApiTest {

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @Inject
    HssStorage storage;

    @Inject
    RecordingChangeListener listener;

    @Test
    void putCreatesThenTheSameBodyAgainChangesNothing() {
        String impi = "idem@ims.example.test";
        String body = akaSubscriber("sip:idem@ims.example.test", "tel:+15551000001");

        api(token).body(body).put(subscriber(impi)).then().statusCode(201)
                .header("Location", endsWith("/api/v1/subscribers/idem%40ims.example.test"))
                .body("privateIdentity", equalTo(impi))
                .body("publicIdentities.identity", equalTo(List.of("sip:idem@ims.example.test", "tel:+15551000001")))
                .body("barred", equalTo(false))
                .body("auth.scheme", equalTo("AKAv1-MD5"));
        Subscriber first = storage.subscribers().get(impi).orElseThrow();

        api(token).body(body).put(subscriber(impi)).then().statusCode(200)
                .body("privateIdentity", equalTo(impi));

        assertEquals(first, storage.subscribers().get(impi).orElseThrow());
        assertEquals(List.of("created"), listener.kindsFor(impi), "a repeated PUT is no change");
    }

    @Test
    void opIsStoredAsThePublishedOpcOfTestSet1() {
        String impi = "opc@ims.example.test";
        api(token).body(akaSubscriber("sip:opc@ims.example.test")).put(subscriber(impi)).then().statusCode(201);

        AkaCredentials credentials = assertInstanceOf(AkaCredentials.class,
                storage.subscribers().get(impi).orElseThrow().credentials());
        assertEquals(K, HexKey.format(credentials.keys().k()));
        assertEquals(OPC, HexKey.format(credentials.keys().opc()), "TS 35.208 4.3 test set 1 OPc");
        assertEquals(AMF, HexKey.format(credentials.amf()));
    }

    @Test
    void readsShowTheSchemeButNoSecret() {
        String aka = "secret-aka@ims.example.test";
        String digest = "secret-digest@ims.example.test";
        String created = api(token).body(akaSubscriber("sip:secret-aka@ims.example.test")).put(subscriber(aka))
                .then().statusCode(201).extract().asString();
        String replaced = api(token).body(akaSubscriber("sip:secret-aka@ims.example.test")).put(subscriber(aka))
                .then().statusCode(200).extract().asString();
        String read = api(token).get(subscriber(aka)).then().statusCode(200)
                .body("auth.scheme", equalTo("AKAv1-MD5")).extract().asString();
        String digestRead = api(token).body(digestSubscriber("sip:secret-digest@ims.example.test"))
                .put(subscriber(digest)).then().statusCode(201)
                .body("auth.scheme", equalTo("SIP-Digest")).extract().asString();

        for (String response : List.of(created, replaced, read, digestRead,
                api(token).get(subscriber(digest)).then().statusCode(200).extract().asString())) {
            String lower = response.toLowerCase(Locale.ROOT);
            for (String secret : List.of(K, OP, OPC, PASSWORD)) {
                assertFalse(lower.contains(secret), "response leaks a secret: " + response);
            }
        }
    }

    @Test
    void authHasNoReadMethodAndWrongMethodsAre405() {
        String impi = "no-auth-read@ims.example.test";
        api(token).body(akaSubscriber("sip:no-auth-read@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);
        api(token).get(subscriber(impi) + "/auth").then().statusCode(405);
        api(token).post(subscriber(impi)).then().statusCode(405);
        api(token).get(subscriber(impi) + "/deregistration").then().statusCode(405);
    }

    @Test
    void replaceWithoutAuthKeepsTheStoredCredentials() {
        String impi = "keep-auth@ims.example.test";
        api(token).body(digestSubscriber("sip:keep-auth@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);

        api(token).body(subscriberWithoutAuth("sip:keep-auth@ims.example.test", "tel:+15551000002"))
                .put(subscriber(impi)).then().statusCode(200)
                .body("auth.scheme", equalTo("SIP-Digest"))
                .body("publicIdentities.identity", hasItems("tel:+15551000002"));

        Subscriber stored = storage.subscribers().get(impi).orElseThrow();
        assertEquals(new SipDigestCredentials(PASSWORD), stored.credentials());
        List<RecordingChangeListener.Call> calls = listener.callsFor(impi);
        assertEquals(List.of("created", "changed"), listener.kindsFor(impi));
        assertEquals(1, calls.get(1).before().publicIdentities().size());
        assertEquals(2, calls.get(1).after().publicIdentities().size());
    }

    @Test
    void createWithoutAuthIsRefused() {
        api(token).body(subscriberWithoutAuth("sip:no-auth@ims.example.test"))
                .put(subscriber("no-auth@ims.example.test")).then().statusCode(400)
                .body("field", equalTo("auth"));
        assertTrue(storage.subscribers().get("no-auth@ims.example.test").isEmpty());
    }

    @Test
    void deleteRemovesAndTellsTheListener() {
        String impi = "delete-me@ims.example.test";
        api(token).body(akaSubscriber("sip:delete-me@ims.example.test")).put(subscriber(impi))
                .then().statusCode(201);

        api(token).delete(subscriber(impi)).then().statusCode(204);

        api(token).get(subscriber(impi)).then().statusCode(404)
                .body("error", equalTo("no subscriber with private identity " + impi));
        api(token).delete(subscriber(impi)).then().statusCode(404);
        assertEquals(List.of("created", "deleted"), listener.kindsFor(impi));
        assertTrue(storage.subscribers().findPrivateIdentity("sip:delete-me@ims.example.test").isEmpty(),
                "the public identity is released");
    }

    @Test
    void unknownSubscriberIs404OnEveryResource() {
        String impi = "nobody@ims.example.test";
        api(token).get(subscriber(impi)).then().statusCode(404).body("field", nullValue());
        api(token).get(subscriber(impi) + "/ifcs").then().statusCode(404);
        api(token).get(subscriber(impi) + "/barring").then().statusCode(404);
        api(token).get(subscriber(impi) + "/public-identities").then().statusCode(404);
        api(token).get(subscriber(impi) + "/registration").then().statusCode(404);
        api(token).body("{\"scheme\": \"SIP-Digest\", \"password\": \"x\"}").put(subscriber(impi) + "/auth")
                .then().statusCode(404);
        api(token).body("{}").post(subscriber(impi) + "/deregistration").then().statusCode(404);
    }

    @Test
    void publicIdentityOfAnotherSubscriberIsAConflictNamingTheOwner() {
        api(token).body(akaSubscriber("sip:owner@ims.example.test", "tel:+15551000003"))
                .put(subscriber("owner@ims.example.test")).then().statusCode(201);

        api(token).body(akaSubscriber("sip:intruder@ims.example.test", "tel:+15551000003"))
                .put(subscriber("intruder@ims.example.test")).then().statusCode(409)
                .body("publicIdentity", equalTo("tel:+15551000003"))
                .body("owner", equalTo("owner@ims.example.test"))
                .body("field", equalTo("publicIdentities"));

        assertTrue(storage.subscribers().get("intruder@ims.example.test").isEmpty());
        assertEquals("owner@ims.example.test",
                storage.subscribers().findPrivateIdentity("tel:+15551000003").orElseThrow());
    }

    @Test
    void urlEncodedPrivateIdentityIsDecoded() {
        api(token).body(akaSubscriber("sip:encoded@ims.example.test"))
                .urlEncodingEnabled(false)
                .put("/api/v1/subscribers/encoded%40ims.example.test").then().statusCode(201)
                .body("privateIdentity", equalTo("encoded@ims.example.test"));
    }
}
