package io.kubeims.cscf.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: UP while the SIP node listens and takes new requests (DOWN before start and while draining). */
@Readiness
@ApplicationScoped
public class SipReadinessCheck implements HealthCheck {

    private final CscfLifecycle lifecycle;

    SipReadinessCheck(CscfLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        return lifecycle.runtime().map(runtime -> HealthCheckResponse.named("cscf-sip")
                        .status(runtime.sipListening())
                        .withData("role", runtime.settings().roleName())
                        .withData("address", runtime.sipNode().host() + ":" + runtime.sipNode().port())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("cscf-sip").down().withData("reason", "not started")
                        .build());
    }
}
