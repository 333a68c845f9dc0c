package io.kubeims.operator.testing;

import io.kubeims.hssclient.testing.HssProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.util.Map;

/**
 * A real HSS (child JVM, embedded store) for the operator's tests, started before the operator so that its address
 * and token file become {@code kubeims.operator.hss.*}; tests get it through {@link InjectHss} to kill and restart it.
 */
public class HssTestResource implements QuarkusTestResourceLifecycleManager {

    private HssProcess hss;

    @Override
    public Map<String, String> start() {
        try {
            hss = HssProcess.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the HSS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the HSS", e);
        }
        return Map.of("kubeims.operator.hss.url", hss.baseUri().toString(),
                "kubeims.operator.hss.token-file", hss.tokenFile().toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(hss, new TestInjector.AnnotatedAndMatchesType(InjectHss.class, HssProcess.class));
    }

    @Override
    public void stop() {
        if (hss != null) {
            hss.close();
        }
    }
}
