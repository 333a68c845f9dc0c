package io.kubeims.operator.hss;

import io.kubeims.hssclient.HssClientSettings;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The provisioning client of the HSS that serves an ImsCore. For now every core is served by the one HSS of
 * {@code kubeims.operator.hss.*}; the ImsCore reconciler will register each core's HSS here instead.
 */
@ApplicationScoped
public class HssClients {

    private final Optional<HssProvisioningClient> configured;
    private final String problem;

    HssClients(OperatorHssSettings settings) {
        if (settings.url().isEmpty() || settings.tokenFile().isEmpty()) {
            this.configured = Optional.empty();
            this.problem = "the operator has no HSS configured: set kubeims.operator.hss.url and "
                    + "kubeims.operator.hss.token-file";
        } else {
            OperatorHssSettings.Retry retry = settings.retry();
            HssClientSettings client = new HssClientSettings(URI.create(settings.url().get()),
                    settings.connectTimeout(), settings.requestTimeout(), settings.maxInFlight(),
                    new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()));
            this.configured = Optional.of(new HssProvisioningClient(client,
                    new BearerTokenFile(Path.of(settings.tokenFile().get()))));
            this.problem = null;
        }
    }

    /**
     * @param namespace the namespace of the ImsCore
     * @param imsCore   the ImsCore's name
     * @throws HssNotConfiguredException if no HSS is known for it
     */
    public HssProvisioningClient forCore(String namespace, String imsCore) {
        return configured.orElseThrow(() -> new HssNotConfiguredException(problem));
    }
}
