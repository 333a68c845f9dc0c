package io.kubeims.operator.testing;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.kubernetes.client.AbstractKubernetesTestResource;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * The fabric8 mock API server in CRUD mode with {@link IndexedCrudDispatcher}, configured for Quarkus' Kubernetes
 * client exactly as {@code @WithKubernetesTestServer(crud = true)} does (plain HTTP on loopback, namespace
 * {@code test}); for the benchmark, where thousands of objects make the stock dispatcher's scans dominate.
 */
public class IndexedMockServerTestResource
        extends AbstractKubernetesTestResource<KubernetesMockServer, NamespacedKubernetesClient> {

    private NamespacedKubernetesClient client;

    @Override
    protected KubernetesMockServer createServer() {
        return new KubernetesMockServer(new io.fabric8.mockwebserver.Context(Serialization.jsonMapper()), new MockWebServer(),
                new HashMap<>(),
                new IndexedCrudDispatcher(), false);
    }

    @Override
    protected void initServer() {
        server.init(InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    protected NamespacedKubernetesClient getClient() {
        if (client == null) {
            client = server.createClient();
        }
        return client;
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    protected Class<?> getInjectedClass() {
        return KubernetesMockServer.class;
    }

    @Override
    protected Class<? extends Annotation> getInjectionAnnotation() {
        return InjectIndexedMockServer.class;
    }

    /** Not used by the tests: they inject Quarkus' own KubernetesClient. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    public @interface InjectIndexedMockServer {
    }
}
