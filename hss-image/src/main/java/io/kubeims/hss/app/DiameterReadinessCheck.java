package io.kubeims.hss.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Readiness: DOWN while the Diameter Cx listener should accept connections and does not. Connected peers are
 * reported (count and Origin-Hosts) but do not decide readiness: the CSCFs connect to the HSS, not the reverse.
 */
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
        List<String> peers = listener.connectedPeers();
        return HealthCheckResponse.named("diameter-listener")
                .status(status != DiameterListenerState.Status.NOT_LISTENING)
                .withData("status", status.name())
                .withData("connectedPeers", peers.size())
                .withData("peers", String.join(",", peers))
                .build();
    }
}
