package io.kubeims.hss.provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;

/**
 * Counts every API answer in {@value #OPERATIONS} by operation (from {@link ProvisioningOperation}; "none" when
 * the request matched no operation, e.g. it was refused for a missing token first) and outcome (from the status).
 * A response filter sees answers built by the exception mappers too, so failures are counted in the same place.
 */
public class ProvisioningMetrics {

    /** The counter's name; Prometheus shows it as {@code kubeims_hss_provisioning_operations_total}. */
    public static final String OPERATIONS = "kubeims.hss.provisioning.operations";

    private final MeterRegistry registry;

    ProvisioningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        ProvisioningOperation operation = method == null ? null : method.getAnnotation(ProvisioningOperation.class);
        Counter.builder(OPERATIONS)
                .description("Provisioning API requests by operation and outcome")
                .tag("operation", operation == null ? "none" : operation.value())
                .tag("outcome", outcome(response.getStatus()))
                .register(registry)
                .increment();
    }

    static String outcome(int status) {
        return switch (status) {
            case 200, 204 -> "ok";
            case 201 -> "created";
            case 202 -> "accepted";
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> status >= 500 ? "error" : "rejected";
        };
    }
}
