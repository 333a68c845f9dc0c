package io.kubeims.hss.provisioning;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kubeims.hss.provisioning.ApiFixtures.akaSubscriber;
import static io.kubeims.hss.provisioning.ApiFixtures.api;
import static io.kubeims.hss.provisioning.ApiFixtures.subscriber;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

/**
 * The OpenAPI document, readiness with the embedded store and the Diameter listener, and the provisioning counters
 * in /q/metrics.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @ConfigProperty(name = "kubeims.hss.api.token")
    String token;

    @Test
    void openApiListsEveryPathAndTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/subscribers/{impi}"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/auth"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/ifcs"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/barring"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/registration"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/deregistration"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/public-identities"))
                .body("paths", hasKey("/api/v1/subscribers/{impi}/public-identities/{impu}"))
                .body("paths.'/api/v1/subscribers/{impi}'.keySet()", hasItems("put", "get", "delete"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void readyWithTheEmbeddedStoreAndTheDiameterListener() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'hss-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'hss-store' }.data.mode", equalTo("embedded"))
                .body("checks.find { it.name == 'diameter-listener' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'diameter-listener' }.data.status", equalTo("LISTENING"));
    }

    @Test
    void metricsCountOperationsByOutcome() {
        String impi = "metrics@ims.example.test";
        api(token).body(akaSubscriber("sip:metrics@ims.example.test")).put(subscriber(impi)).then().statusCode(201);
        api(token).get(subscriber("metrics-nobody@ims.example.test")).then().statusCode(404);
        given().get(subscriber(impi)).then().statusCode(401);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : List.of(
                "kubeims_hss_provisioning_operations_total{operation=\"subscriber.put\",outcome=\"created\"}",
                "kubeims_hss_provisioning_operations_total{operation=\"subscriber.get\",outcome=\"not_found\"}",
                "kubeims_hss_provisioning_operations_total{operation=\"none\",outcome=\"unauthorized\"}")) {
            assertThat(metrics, containsString(series));
        }
    }
}
