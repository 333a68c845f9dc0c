package io.kubeims.cscf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The CSCF application starts and reports itself alive on the Quarkus health endpoint. */
@QuarkusTest
class HealthEndpointTest {

    @Test
    void liveness() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
