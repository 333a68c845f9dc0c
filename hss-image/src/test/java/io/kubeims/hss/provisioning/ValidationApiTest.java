package io.kubeims.hss.provisioning;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.kubeims.hss.provisioning.ApiFixtures.AMF;
import static io.kubeims.hss.provisioning.ApiFixtures.K;
import static io.kubeims.hss.provisioning.ApiFixtures.OP;
import static io.kubeims.hss.provisioning.ApiFixtures.OPC;
import static io.kubeims.hss.provisioning.ApiFixtures.akaSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.api;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriber;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad request is a 400 whose JSON body names the offending field and quotes no secret. */
@QuarkusTest
class ValidationApiTest {

    private static final String IMPI = "validation@ims.example.test";
    private static final String IMPU = "sip:validation@ims.example.test";
    /** K with its last digit replaced by 'g': must not be echoed back. */
    private static final String BAD_K = K.substring(0, 31) + "g";

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @BeforeEach
    void provision() {
        // Idempotent: the first test creates it, the others replace it with the same body.
        api(token).body(akaSubscriber(IMPU)).put(subscriber(IMPI)).then().statusCode(anyOf(equalTo(200),
                equalTo(201)));
    }

    static Stream<Arguments> badSubscriberBodies() {
        String ids = "[{\"identity\": \"sip:new@ims.example.test\"}]";
        String aka = "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"k\": \"%s\", \"opc\": \"%s\", \"amf\": \"%s\"}";
        return Stream.of(
                arguments("K not hex", body(ids, aka.formatted(BAD_K, OPC, AMF)), "auth.k"),
                arguments("K 15 octets", body(ids, aka.formatted(K.substring(2), OPC, AMF)), "auth.k"),
                arguments("OPc odd length", body(ids, aka.formatted(K, OPC.substring(1), AMF)), "auth.opc"),
                arguments("AMF 3 octets", body(ids, aka.formatted(K, OPC, "b9b9b9")), "auth.amf"),
                arguments("OP not hex", body(ids,
                        "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"k\": \"" + K + "\", \"op\": \"xyz\", \"amf\": \""
                                + AMF + "\"}"), "auth.op"),
                arguments("K missing", body(ids,
                        "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"opc\": \"" + OPC + "\", \"amf\": \"" + AMF + "\"}"),
                        "auth.k"),
                arguments("AMF missing", body(ids,
                        "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"k\": \"" + K + "\", \"opc\": \"" + OPC + "\"}"),
                        "auth.amf"),
                arguments("OP and OPc", body(ids, "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"k\": \"" + K
                        + "\", \"op\": \"" + OP + "\", \"opc\": \"" + OPC + "\", \"amf\": \"" + AMF + "\"}"),
                        "auth.op"),
                arguments("neither OP nor OPc", body(ids,
                        "\"auth\": {\"scheme\": \"AKAv1-MD5\", \"k\": \"" + K + "\", \"amf\": \"" + AMF + "\"}"),
                        "auth.opc"),
                arguments("unknown scheme", body(ids, "\"auth\": {\"scheme\": \"AKAv2-MD5\", \"k\": \"" + K + "\"}"),
                        "auth.scheme"),
                arguments("scheme missing", body(ids, "\"auth\": {\"password\": \"pw\"}"), "auth.scheme"),
                arguments("empty password", body(ids, "\"auth\": {\"scheme\": \"SIP-Digest\", \"password\": \"\"}"),
                        "auth.password"),
                arguments("K with SIP Digest", body(ids,
                        "\"auth\": {\"scheme\": \"SIP-Digest\", \"password\": \"pw\", \"k\": \"" + K + "\"}"),
                        "auth.k"),
                arguments("sip URI without user", body("[{\"identity\": \"sip:ims.example.test\"}]", digest()),
                        "publicIdentities[0].identity"),
                arguments("local tel URI", body("[{\"identity\": \"sip:a@ims.example.test\"}, "
                        + "{\"identity\": \"tel:5551234\"}]", digest()), "publicIdentities[1].identity"),
                arguments("not a URI", body("[{\"identity\": \"alice\"}]", digest()),
                        "publicIdentities[0].identity"),
                arguments("identity missing", body("[{\"displayName\": \"Alice\"}]", digest()),
                        "publicIdentities[0].identity"),
                arguments("control character in display name", body("[{\"identity\": \"sip:a@ims.example.test\", "
                        + "\"displayName\": \"A\\u0007\"}]", digest()), "publicIdentities[0].displayName"),
                arguments("identity twice", body("[{\"identity\": \"sip:a@ims.example.test\"}, "
                        + "{\"identity\": \"sip:a@ims.example.test\"}]", digest()), "publicIdentities[1]"),
                arguments("no identity", body("[]", digest()), "publicIdentities"),
                arguments("null identity", body("[null]", digest()), "publicIdentities[0]"),
                arguments("identities missing", "{" + digest() + "}", "publicIdentities"),
                arguments("identities not a list", "{\"publicIdentities\": \"sip:a@ims.example.test\", "
                        + digest() + "}", "publicIdentities"),
                arguments("unknown field", "{\"publicIdentities\": " + ids + ", \"barrd\": true, " + digest() + "}",
                        "barrd"),
                arguments("barred not a boolean", "{\"publicIdentities\": " + ids + ", \"barred\": \"yes\", "
                        + digest() + "}", "barred"),
                arguments("other private identity", "{\"privateIdentity\": \"bob@ims.example.test\", "
                        + "\"publicIdentities\": " + ids + ", " + digest() + "}", "privateIdentity"),
                arguments("iFC priority twice", ifcBody("""
                        [{"priority": 1, "applicationServer": {"serverName": "sip:as1.ims.example.test"}},
                         {"priority": 1, "applicationServer": {"serverName": "sip:as2.ims.example.test"}}]"""),
                        "initialFilterCriteria"),
                arguments("iFC regex", ifcBody("""
                        [{"priority": 1, "triggerPoint": {"conditionType": "CNF", "spts": [{"requestUri": "(["}]},
                          "applicationServer": {"serverName": "sip:as1.ims.example.test"}}]"""),
                        "initialFilterCriteria"),
                arguments("iFC SPT with two conditions", ifcBody("""
                        [{"priority": 1, "triggerPoint": {"conditionType": "DNF",
                          "spts": [{"method": "INVITE", "sessionCase": "Originating"}]},
                          "applicationServer": {"serverName": "sip:as1.ims.example.test"}}]"""),
                        "initialFilterCriteria"),
                arguments("iFC without application server", ifcBody("[{\"priority\": 1}]"), "initialFilterCriteria"),
                arguments("iFC unknown session case", ifcBody("""
                        [{"priority": 1, "triggerPoint": {"conditionType": "CNF", "spts": [{"sessionCase": "Sideways"}]},
                          "applicationServer": {"serverName": "sip:as1.ims.example.test"}}]"""),
                        "initialFilterCriteria[0].triggerPoint.spts[0].sessionCase"),
                arguments("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubscriberBodies")
    void badSubscriberIs400NamingTheField(String description, String body, String field) {
        Response response = api(token).body(body).put(subscriber("new@ims.example.test"));

        response.then().statusCode(400).contentType(ContentType.JSON)
                .body("field", equalTo(field))
                .body("error", not(equalTo("")));
        assertNoSecretIn(response);
        api(token).get(subscriber("new@ims.example.test")).then().statusCode(404);
    }

    @Test
    void iFcErrorsNameThePathInTheProfile() {
        api(token).body(ifcBody("""
                [{"priority": 1, "applicationServer": {"serverName": "sip:as1.ims.example.test"}},
                 {"priority": 1, "applicationServer": {"serverName": "sip:as2.ims.example.test"}}]"""))
                .put(subscriber("new@ims.example.test")).then().statusCode(400)
                .body("error", equalTo("initialFilterCriteria[1]: priority 1 is used twice"));
    }

    @Test
    void malformedJsonIs400QuotingNoInput() {
        api(token).body("not json").put(subscriber("new@ims.example.test"))
                .then().statusCode(400).body("field", nullValue())
                .body("error", startsWith("body: malformed JSON (line 1, column"));
        api(token).body("{\"publicIdentities\": [").put(subscriber("new@ims.example.test"))
                .then().statusCode(400).body("field", equalTo("publicIdentities"))
                .body("error", startsWith("publicIdentities: malformed JSON (line 1, column"));

        // Jackson's own message would quote the unquoted token, i.e. most of K.
        Response unquotedKey = api(token).body("{\"auth\": {\"k\": " + K.substring(8) + "}}")
                .put(subscriber("new@ims.example.test"));
        unquotedKey.then().statusCode(400).body("error", containsString("malformed JSON"));
        assertNoSecretIn(unquotedKey);
    }

    @Test
    void malformedPrivateIdentityInThePath() {
        api(token).body(akaSubscriber("sip:x@ims.example.test")).put(subscriber("no-realm"))
                .then().statusCode(400).body("field", equalTo("privateIdentity"))
                .body("error", containsString("'no-realm'"));
        api(token).get(subscriber("a@b@ims.example.test")).then().statusCode(400)
                .body("field", equalTo("privateIdentity"));
    }

    @Test
    void credentialsResourceNamesItsOwnFields() {
        Response badHex = api(token).body("{\"scheme\": \"AKAv1-MD5\", \"k\": \"" + BAD_K + "\", \"opc\": \"" + OPC
                + "\", \"amf\": \"" + AMF + "\"}").put(subscriber(IMPI) + "/auth");
        badHex.then().statusCode(400).body("field", equalTo("k"))
                .body("error", equalTo("k: not a hex digit at position 31"));
        assertNoSecretIn(badHex);

        api(token).body("{\"scheme\": \"Digest-MD5\", \"password\": \"pw\"}").put(subscriber(IMPI) + "/auth")
                .then().statusCode(400).body("field", equalTo("scheme"))
                .body("error", equalTo("scheme: must be one of [AKAv1-MD5, SIP-Digest] (line 1, column 12)"));
        api(token).body("").put(subscriber(IMPI) + "/auth").then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void subResourcesNameTheirFields() {
        api(token).body("{\"initialFilterCriteria\": [{\"priority\": -1, \"applicationServer\": "
                + "{\"serverName\": \"sip:as.ims.example.test\"}}]}").put(subscriber(IMPI) + "/ifcs")
                .then().statusCode(400).body("field", equalTo("initialFilterCriteria"))
                .body("error", containsString("initialFilterCriteria[0]"));
        api(token).body("{\"barred\": false, \"barredPublicIdentities\": [\"sip:stranger@ims.example.test\"]}")
                .put(subscriber(IMPI) + "/barring").then().statusCode(400)
                .body("field", equalTo("barredPublicIdentities[0]"));
        api(token).body("{\"barredPublicIdentities\": []}").put(subscriber(IMPI) + "/barring")
                .then().statusCode(400).body("field", equalTo("barred"));
        api(token).put(subscriber(IMPI) + "/public-identities/sip:no-host@").then().statusCode(400)
                .body("field", equalTo("identity"));
        api(token).body("{\"publicIdentities\": []}").put(subscriber(IMPI) + "/public-identities")
                .then().statusCode(400).body("field", equalTo("publicIdentities"));
        api(token).delete(subscriber(IMPI) + "/public-identities/" + IMPU).then().statusCode(400)
                .body("field", equalTo("publicIdentities"))
                .body("error", containsString("the last public identity"));
        api(token).body("{\"reasonCode\": \"BECAUSE\"}").post(subscriber(IMPI) + "/deregistration")
                .then().statusCode(400).body("field", equalTo("reasonCode"));
        api(token).body("{\"reasonInfo\": \"bye\\u0000\"}").post(subscriber(IMPI) + "/deregistration")
                .then().statusCode(400).body("field", equalTo("reasonInfo"));
    }

    @Test
    void otherMediaTypesAre415() {
        api(token).contentType(ContentType.TEXT).body("publicIdentities=sip:x@ims.example.test")
                .put(subscriber("new@ims.example.test")).then().statusCode(415);
    }

    @Test
    void aBadRequestChangesNothing() {
        String before = api(token).get(subscriber(IMPI)).then().statusCode(200).extract().asString();
        api(token).body("{\"publicIdentities\": [{\"identity\": \"sip:validation@ims.example.test\"}, "
                + "{\"identity\": \"tel:12\"}]}").put(subscriber(IMPI)).then().statusCode(400);
        assertEquals(before, api(token).get(subscriber(IMPI)).then().statusCode(200).extract().asString());
    }

    private static void assertNoSecretIn(Response response) {
        String text = response.asString();
        for (String secret : new String[] {K, OPC, OP, BAD_K, K.substring(8)}) {
            assertFalse(text.contains(secret), "error body quotes key material: " + text);
        }
    }

    private static String body(String identities, String auth) {
        return "{\"publicIdentities\": " + identities + ", " + auth + "}";
    }

    private static String digest() {
        return "\"auth\": {\"scheme\": \"SIP-Digest\", \"password\": \"pw\"}";
    }

    private static String ifcBody(String criteria) {
        return "{\"publicIdentities\": [{\"identity\": \"sip:new@ims.example.test\"}], " + digest()
                + ", \"initialFilterCriteria\": " + criteria + "}";
    }
}
