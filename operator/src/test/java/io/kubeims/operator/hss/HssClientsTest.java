package io.kubeims.operator.hss;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.ImsCoreSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCoreStatus;
import io.kubeims.hssclient.HssProvisioningClient;
import io.kubeims.operator.testing.ClusterFixtures;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which HSS serves a Subscriber's ImsCore (on the fabric8 mock API server): that core's HSS Service once the core is
 * Ready, with the token of its generated Secret; a missing or not-ready core is an {@link ImsCoreNotReadyException};
 * the configured URL overrides it all.
 */
class HssClientsTest {

    private KubernetesServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        client = server.getClient();
    }

    @AfterEach
    void stop() {
        server.after();
    }

    @Test
    void missingCoreIsNotReady() {
        HssClients clients = new HssClients(settings(Optional.empty(), Optional.empty()), client);
        ImsCoreNotReadyException e = assertThrows(ImsCoreNotReadyException.class,
                () -> clients.forCore("test", "ims-lab"));
        assertEquals("ImsCore test/ims-lab does not exist", e.getMessage());
    }

    @Test
    void coreThatIsNotReadySaysWhy() {
        client.resource(core("FunctionsNotReady", "False", "ready replicas: HSS 0/1")).create();
        HssClients clients = new HssClients(settings(Optional.empty(), Optional.empty()), client);
        ImsCoreNotReadyException e = assertThrows(ImsCoreNotReadyException.class,
                () -> clients.forCore("test", "ims-lab"));
        assertEquals("ImsCore test/ims-lab is not ready: ready replicas: HSS 0/1", e.getMessage());
    }

    @Test
    void readyCoreIsServedByItsOwnHssServiceWithItsToken() {
        client.resource(core("AllFunctionsReady", "True", "all functions have their replicas ready")).create();
        client.resource(ClusterFixtures.secret("ims-lab-hss-api-token", Map.of("token", "core-token-1\n")))
                .create();
        HssClients clients = new HssClients(settings(Optional.empty(), Optional.empty()), client);

        HssProvisioningClient hss = clients.forCore("test", "ims-lab");
        assertEquals(URI.create("http://ims-lab-hss.test.svc.cluster.local:8080"), hss.settings().baseUri());
        assertSame(hss, clients.forCore("test", "ims-lab"), "one client per core");
        assertEquals("core-token-1", new CoreHssToken(client, "test", "ims-lab-hss-api-token", "token",
                Clock.systemUTC()).get());
    }

    @Test
    void tokenSecretNotYetThereIsNotReady() {
        CoreHssToken token = new CoreHssToken(client, "test", "ims-lab-hss-api-token", "token", Clock.systemUTC());
        assertEquals("the HSS API token Secret test/ims-lab-hss-api-token (key token) does not exist yet",
                assertThrows(ImsCoreNotReadyException.class, token::get).getMessage());
    }

    @Test
    void configuredHssOverridesEveryCore() {
        HssClients clients = new HssClients(settings(Optional.of("http://127.0.0.1:18080"),
                Optional.of("/nonexistent/token")), client);
        assertEquals(URI.create("http://127.0.0.1:18080"), clients.forCore("test", "no-such-core").settings()
                .baseUri());
    }

    @Test
    void halfAnOverrideIsRefused() {
        HssClients clients = new HssClients(settings(Optional.of("http://127.0.0.1:18080"), Optional.empty()),
                client);
        assertThrows(HssNotConfiguredException.class, () -> clients.forCore("test", "ims-lab"));
    }

    private static ImsCore core(String reason, String status, String message) {
        ImsCore core = new ImsCore();
        core.getMetadata().setName("ims-lab");
        core.getMetadata().setNamespace("test");
        ImsCoreSpec spec = new ImsCoreSpec();
        spec.setDomain("ims.example.com");
        core.setSpec(spec);
        ImsCoreStatus coreStatus = new ImsCoreStatus();
        coreStatus.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus(status)
                .withReason(reason).withMessage(message).build()));
        core.setStatus(coreStatus);
        return core;
    }

    private static OperatorHssSettings settings(Optional<String> url, Optional<String> tokenFile) {
        return new OperatorHssSettings() {
            @Override
            public Optional<String> url() {
                return url;
            }

            @Override
            public Optional<String> tokenFile() {
                return tokenFile;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxInFlight() {
                return 1;
            }

            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public int maxAttempts() {
                        return 1;
                    }

                    @Override
                    public Duration initialBackoff() {
                        return Duration.ofMillis(10);
                    }

                    @Override
                    public Duration maxBackoff() {
                        return Duration.ofMillis(10);
                    }
                };
            }
        };
    }
}
