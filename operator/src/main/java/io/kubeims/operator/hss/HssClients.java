package io.kubeims.operator.hss;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import io.kubeims.hssclient.HssClientSettings;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.hssclient.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provisioning client of the HSS that serves an ImsCore: that core's HSS Service
 * ({@code http://<core>-hss.<ns>.svc.cluster.local:8080}, names from {@link CoreNames}) with the token of its
 * generated Secret, once the ImsCore is Ready. {@code kubeims.operator.hss.url} and {@code token-file}, when set,
 * override this for every core (local mode, tests, an HSS outside the cluster).
 */
@ApplicationScoped
public class HssClients {

    private final OperatorHssSettings settings;
    private final KubernetesClient kubernetes;
    private final Optional<HssProvisioningClient> configured;
    private final Map<String, HssProvisioningClient> perCore = new ConcurrentHashMap<>();

    HssClients(OperatorHssSettings settings, KubernetesClient kubernetes) {
        this.settings = settings;
        this.kubernetes = kubernetes;
        if (settings.url().isPresent() && settings.tokenFile().isPresent()) {
            this.configured = Optional.of(new HssProvisioningClient(clientSettings(URI.create(settings.url().get())),
                    new BearerTokenFile(Path.of(settings.tokenFile().get()))));
        } else {
            this.configured = Optional.empty();
        }
    }

    /**
     * @param namespace the namespace of the ImsCore (and of the Subscriber naming it)
     * @param imsCore   the ImsCore's name
     * @throws HssNotConfiguredException if only one of the override settings is set
     * @throws ImsCoreNotReadyException  if the ImsCore does not exist or is not Ready
     */
    public HssProvisioningClient forCore(String namespace, String imsCore) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (settings.url().isPresent() != settings.tokenFile().isPresent()) {
            throw new HssNotConfiguredException("set both kubeims.operator.hss.url and kubeims.operator.hss.token-file"
                    + " (or neither, to use each ImsCore's own HSS)");
        }
        ImsCore core = kubernetes.resources(ImsCore.class).inNamespace(namespace).withName(imsCore).get();
        if (core == null) {
            throw new ImsCoreNotReadyException("ImsCore " + namespace + "/" + imsCore + " does not exist");
        }
        Condition ready = core.getStatus() == null ? null : core.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
        if (ready == null || !"True".equals(ready.getStatus())) {
            throw new ImsCoreNotReadyException("ImsCore " + namespace + "/" + imsCore + " is not ready"
                    + (ready == null ? "" : ": " + ready.getMessage()));
        }
        return perCore.computeIfAbsent(namespace + "/" + imsCore, key -> {
            CoreNames names = Placement.kubernetes().names(core);
            URI url = URI.create("http://" + names.serviceHost(NetworkFunction.HSS) + ":"
                    + Placement.Kubernetes.HTTP_PORT);
            return new HssProvisioningClient(clientSettings(url), new CoreHssToken(kubernetes, namespace,
                    names.hssApiTokenSecretName(), Placement.Kubernetes.HSS_API_TOKEN_KEY, Clock.systemUTC()));
        });
    }

    private HssClientSettings clientSettings(URI url) {
        OperatorHssSettings.Retry retry = settings.retry();
        return new HssClientSettings(url, settings.connectTimeout(), settings.requestTimeout(),
                settings.maxInFlight(), new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(),
                retry.maxBackoff()));
    }
}
