package io.kubeims.hss.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN while the Diameter Cx listener should accept connections and does not. */
@Readiness
@ApplicationScoped
public class DiameterReadinessCheck implements HealthCheck {

    private final DiameterListenerState listener;

    DiameterReadinessCheck(DiameterListenerState listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        DiameterListenerState.Status status = listener.status();
        return HealthCheckResponse.named("diameter-listener")
                .status(status != DiameterListenerState.Status.NOT_LISTENING)
                .withData("status", status.name())
                .build();
    }
}
