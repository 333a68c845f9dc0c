package io.kubeims.hss.app;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.metrics.CxMetrics;
import io.kubeims.hss.store.EmbeddedHssStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The Cx server outside Quarkus: fails fast when it cannot listen, listens until closed, leaves the storage open. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CxServerTest {

    private static final String REALM = "ims.example.test";
    private static final String HSS_ADDRESS = DiameterTestPort.HSS_ADDRESS;
    private static final HssCxSettings CX = HssCxSettings.homeOnly(REALM,
            List.of("sip:scscf.ims.example.test:6060"), 4);

    @TempDir
    static Path directory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private EmbeddedHssStorage storage;

    @BeforeAll
    void openStore() {
        storage = new EmbeddedHssStorage(directory);
    }

    @AfterAll
    void closeStore() {
        storage.close();
    }

    private static CxNodeSettings node(String address, int port) {
        return CxNodeSettings.hss("hss." + REALM, REALM, address, port).build();
    }

    @Test
    void aPortInUseStopsTheStartNamingAddressAndSettings() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(HSS_ADDRESS), 0));
            int port = taken.getLocalPort();

            CxServerStartException e = assertThrows(CxServerStartException.class,
                    () -> CxServer.start(node(HSS_ADDRESS, port), CX, storage, 2, new CxMetrics(registry)));

            assertTrue(e.getMessage().startsWith("cannot listen for Diameter Cx on " + HSS_ADDRESS + ":" + port),
                    e.getMessage());
            assertTrue(e.getMessage().contains("kubeims.hss.diameter.port"), e.getMessage());
        }
    }

    @Test
    void anAddressOfAnotherHostStopsTheStart() {
        // 192.0.2.1: TEST-NET-1 (RFC 5737), never an address of this host
        CxServerStartException e = assertThrows(CxServerStartException.class,
                () -> CxServer.start(node("192.0.2.1", CxNodeSettings.DIAMETER_PORT), CX, storage, 2,
                        new CxMetrics(registry)));
        assertTrue(e.getMessage().startsWith("cannot listen for Diameter Cx on 192.0.2.1:3868"), e.getMessage());
    }

    @Test
    void notifierThreadsOutOfRangeAreRefused() {
        InvalidHssSettingsException e = assertThrows(InvalidHssSettingsException.class,
                () -> CxServer.start(node(HSS_ADDRESS, DiameterTestPort.freePort(HSS_ADDRESS)), CX, storage, 0,
                        new CxMetrics(registry)));
        assertEquals("kubeims.hss.cx.notifier-threads: must be 1..64, was 0", e.getMessage());
    }

    @Test
    void listensWithItsPeersUntilClosedAndLeavesTheStorageOpen() throws Exception {
        CxNodeSettings hss = node(HSS_ADDRESS, DiameterTestPort.freePort(HSS_ADDRESS));
        CxServer server = CxServer.start(hss, CX, storage, 2, new CxMetrics(registry));
        CxNode scscf = null;
        try {
            assertEquals(DiameterListenerState.Status.LISTENING, server.status());
            assertEquals(List.of(), server.connectedPeers());

            scscf = CxNode.scscf(CxNodeSettings.cscf("scscf-0.scscf." + REALM, REALM, "127.0.0.1",
                            DiameterTestPort.freePort("127.0.0.1"),
                            new CxPeerAddress(hss.originHost(), HSS_ADDRESS, hss.port()))
                    .startTimeout(Duration.ofSeconds(10)).build(), new AnsweringNothing());
            assertTrue(scscf.start());
            awaitPeers(server, List.of("scscf-0.scscf." + REALM));
            assertEquals(1.0, registry.get(CxMetrics.PEERS).gauge().value());
        } finally {
            if (scscf != null) {
                scscf.close();
            }
            server.close();
        }
        assertEquals(DiameterListenerState.Status.NOT_LISTENING, server.status());
        assertEquals(List.of(), server.connectedPeers());
        assertEquals(Optional.empty(), storage.subscribers().get("alice@" + REALM), "the storage is still open");
        server.close();
    }

    private static void awaitPeers(CxServer server, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.connectedPeers().equals(expected)) {
            if (System.nanoTime() > deadline) {
                fail("peers " + expected + " not connected within 10 s: " + server.connectedPeers());
            }
            Thread.sleep(20);
        }
    }

    /** The S-CSCF's RTR/PPR side, unused here: these tests send it nothing. */
    private static final class AnsweringNothing implements CxScscfHandler {
        @Override
        public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                                                                     RegistrationTerminationRequest request) {
            throw new IllegalStateException("no RTR expected");
        }

        @Override
        public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
            throw new IllegalStateException("no PPR expected");
        }
    }
}
