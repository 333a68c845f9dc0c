package io.kubeims.operator.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The operator as in production for the benchmark: INFO logging, no periodic registration read-back. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.log.category.\"io.kubeims\".level", "INFO",
                "quarkus.log.level", "INFO",
                "kubeims.operator.subscriber.status-refresh", "0s");
    }
}
