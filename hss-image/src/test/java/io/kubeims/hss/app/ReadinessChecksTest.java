package io.kubeims.hss.app;

import io.kubeims.hss.store.EmbeddedHssStorage;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness of the store (a real embedded storage, open then closed) and of the Diameter listener hook. */
class ReadinessChecksTest {

    @TempDir
    Path directory;

    @Test
    void storeIsUpWhileOpenAndDownOnceClosed() {
        EmbeddedHssStorage storage = new EmbeddedHssStorage(directory);
        StoreReadinessCheck check = new StoreReadinessCheck(storage, Duration.ofSeconds(5), "embedded");
        try {
            HealthCheckResponse up = check.call();
            assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
            assertEquals("embedded", up.getData().orElseThrow().get("mode"));

            storage.close();
            HealthCheckResponse down = check.call();

            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            assertTrue(down.getData().orElseThrow().containsKey("reason"));
        } finally {
            check.stop();
            storage.close();
        }
    }

    @Test
    void diameterListenerDownOnlyWhenItShouldListenAndDoesNot() {
        assertEquals(HealthCheckResponse.Status.UP,
                new DiameterReadinessCheck(() -> DiameterListenerState.Status.NOT_APPLICABLE).call().getStatus());
        assertEquals(HealthCheckResponse.Status.UP,
                new DiameterReadinessCheck(() -> DiameterListenerState.Status.LISTENING).call().getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN,
                new DiameterReadinessCheck(() -> DiameterListenerState.Status.NOT_LISTENING).call().getStatus());
    }

    @Test
    void diameterListenerReportsItsConnectedPeers() {
        HealthCheckResponse response = new DiameterReadinessCheck(new DiameterListenerState() {
            @Override
            public Status status() {
                return Status.LISTENING;
            }

            @Override
            public List<String> connectedPeers() {
                return List.of("icscf-0.icscf.ims.example.test", "scscf-0.scscf.ims.example.test");
            }
        }).call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(2L, response.getData().orElseThrow().get("connectedPeers"));
        assertEquals("icscf-0.icscf.ims.example.test,scscf-0.scscf.ims.example.test",
                response.getData().orElseThrow().get("peers"));
    }
}
