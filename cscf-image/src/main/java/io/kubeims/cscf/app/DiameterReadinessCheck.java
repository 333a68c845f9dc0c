package io.kubeims.cscf.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * Readiness: for the I-CSCF and S-CSCF, UP while the HSS is a connected Cx peer (CER/CEA done): without it every
 * REGISTER would fail. The P-CSCF has no Cx: always UP, reported as not applicable.
 */
@Readiness
@ApplicationScoped
public class DiameterReadinessCheck implements HealthCheck {

    private final CscfLifecycle lifecycle;

    DiameterReadinessCheck(CscfLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<CscfRuntime> runtime = lifecycle.runtime();
        if (runtime.isEmpty()) {
            return HealthCheckResponse.named("cscf-diameter").down().withData("reason", "not started").build();
        }
        Optional<Boolean> connected = runtime.get().hssConnected();
        if (connected.isEmpty()) {
            return HealthCheckResponse.named("cscf-diameter").up().withData("status", "NOT_APPLICABLE").build();
        }
        CscfSettings.Diameter diameter = runtime.get().settings().diameter().orElseThrow();
        return HealthCheckResponse.named("cscf-diameter")
                .status(connected.get())
                .withData("status", connected.get() ? "CONNECTED" : "NOT_CONNECTED")
                .withData("hss", diameter.hssHost())
                .withData("originHost", diameter.originHost())
                .build();
    }
}
