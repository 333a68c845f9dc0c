package io.kubeims.hss.provisioning;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Request bodies and an authorised request for the provisioning API tests. */
final class ApiFixtures {

    /** TS 35.208 test set 1: K, OP and the OPc derived from them (published values). */
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final String AMF = "b9b9";
    static final String PASSWORD = "correct-horse-battery-staple";

    static final String DOMAIN = "ims.example.test";

    private ApiFixtures() {
    }

    /** A request with the bearer token and a JSON body type. */
    static RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** The path of a subscriber. */
    static String subscriber(String impi) {
        return "/api/v1/subscribers/" + impi;
    }

    /** A subscriber body with AKA credentials given as OP, and the listed public identities. */
    static String akaSubscriber(String... impus) {
        return """
                {"publicIdentities": [%s],
                 "auth": {"scheme": "AKAv1-MD5", "k": "%s", "op": "%s", "amf": "%s"}}
                """.formatted(identities(impus), K, OP, AMF);
    }

    /** A subscriber body with SIP Digest credentials. */
    static String digestSubscriber(String... impus) {
        return """
                {"publicIdentities": [%s], "auth": {"scheme": "SIP-Digest", "password": "%s"}}
                """.formatted(identities(impus), PASSWORD);
    }

    /** A subscriber body without credentials (keeps the stored ones on replace). */
    static String subscriberWithoutAuth(String... impus) {
        return """
                {"publicIdentities": [%s]}
                """.formatted(identities(impus));
    }

    static String identities(String... impus) {
        StringBuilder json = new StringBuilder();
        for (String impu : impus) {
            json.append(json.length() == 0 ? "" : ", ").append("{\"identity\": \"").append(impu).append("\"}");
        }
        return json.toString();
    }
}
