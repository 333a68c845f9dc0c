package io.kubeims.hss.provisioning;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.kubeims.hss.provisioning.ApiFixtures.akaSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriber;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The bearer token guards /api (RFC 6750 challenges); health, metrics and OpenAPI stay open. */
@QuarkusTest
class ApiAccessTest {

    private static final String NO_TOKEN_CHALLENGE = "Bearer realm=\"kube-ims-hss\"";
    private static final String BAD_TOKEN_CHALLENGE = "Bearer realm=\"kube-ims-hss\", error=\"invalid_token\"";

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @Test
    void withoutTokenIs401WithABearerChallenge() {
        given().get(subscriber("anyone@ims.example.test")).then().statusCode(401)
                .header("WWW-Authenticate", NO_TOKEN_CHALLENGE)
                .body("error", equalTo("a bearer token is required"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get(subscriber("anyone@ims.example.test"))
                .then().statusCode(401).header("WWW-Authenticate", NO_TOKEN_CHALLENGE);
    }

    @Test
    void wrongTokenIs401InvalidToken() {
        given().header("Authorization", "Bearer " + token + "x").get(subscriber("anyone@ims.example.test"))
                .then().statusCode(401).header("WWW-Authenticate", BAD_TOKEN_CHALLENGE)
                .body("error", equalTo("the bearer token is not valid"));
        given().header("Authorization", "Bearer " + token.substring(1)).get(subscriber("anyone@ims.example.test"))
                .then().statusCode(401).header("WWW-Authenticate", BAD_TOKEN_CHALLENGE);
    }

    @Test
    void writesWithoutTokenChangeNothing() {
        String impi = "unauthorised@ims.example.test";
        given().contentType("application/json").body(akaSubscriber("sip:unauthorised@ims.example.test"))
                .put(subscriber(impi)).then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get(subscriber(impi)).then().statusCode(404);
    }

    @Test
    void unknownApiPathsAre401BeforeTheyAre404() {
        given().get("/api/v2/anything").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/v2/anything").then().statusCode(404);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + token).get(subscriber("anyone@ims.example.test"))
                .then().statusCode(404);
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
