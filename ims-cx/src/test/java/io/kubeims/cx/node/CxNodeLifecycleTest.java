package io.kubeims.cx.node;

import static io.kubeims.cx.node.CxTestNodes.HSS_ADDRESS;
import static io.kubeims.cx.node.CxTestNodes.HSS_HOST;
import static io.kubeims.cx.node.CxTestNodes.REALM;
import static io.kubeims.cx.node.CxTestNodes.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start, peer view and stop of nodes; settings validation. Each test closes what it starts. */
class CxNodeLifecycleTest {

    private static final String ICSCF_HOST = "icscf.ims.example.com";

    @Test
    void peersSeeEachOtherOnceConnected() throws Exception {
        ScriptedHssHandler handler = new ScriptedHssHandler();
        try (CxNode hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), handler));
             CxNode icscf = CxTestNodes.started(CxNode.client(CxTestNodes.cscfSettings(ICSCF_HOST, hss.settings())))) {
            assertEquals(List.of(new CxPeer(HSS_HOST, REALM)), icscf.connectedPeers());
            assertTrue(CxTestNodes.awaitPeer(hss, ICSCF_HOST, true));
            assertTrue(hss.connectedPeers().contains(new CxPeer(ICSCF_HOST, REALM)));

            LocationInfoRequest lir = new LocationInfoRequest("sip:alice@ims.example.com");
            LocationInfoAnswer lia = new LocationInfoAnswer(
                    CxResult.of(CxExperimentalResultCode.UNREGISTERED_SERVICE), "sip:scscf.ims.example.com", null);
            handler.script(lir.publicIdentity(), lia);
            assertEquals(lia, icscf.send(lir, HSS_HOST).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void cscfStartedBeforeItsHssReportsNotReadyAndConnectsLater() throws Exception {
        CxNodeSettings hssSettings = CxTestNodes.hssSettings();
        CxNodeSettings icscfSettings = CxNodeSettings.cscf(ICSCF_HOST, REALM, CxTestNodes.CSCF_ADDRESS,
                        CxTestNodes.freePort(CxTestNodes.CSCF_ADDRESS),
                        new CxPeerAddress(HSS_HOST, HSS_ADDRESS, hssSettings.port()))
                .startTimeout(Duration.ofMillis(300)).reconnectInterval(Duration.ofMillis(500)).build();
        try (CxNode icscf = CxNode.client(icscfSettings)) {
            assertFalse(icscf.start(), "no HSS yet");
            assertTrue(icscf.isRunning(), "the node stays up and keeps connecting");
            assertEquals(List.of(), icscf.connectedPeers());
            ExecutionException noRoute = assertThrows(ExecutionException.class, () -> icscf
                    .send(new LocationInfoRequest("sip:alice@ims.example.com")).get(WAIT.toSeconds(),
                            TimeUnit.SECONDS));
            assertInstanceOf(CxNoConnectionException.class, noRoute.getCause());
            try (CxNode hss = CxTestNodes.started(CxNode.hss(hssSettings, new ScriptedHssHandler()))) {
                assertTrue(hss.isRunning());
                assertTrue(CxTestNodes.awaitPeer(icscf, HSS_HOST, true), "connected once the HSS is up");
            }
        }
    }

    @Test
    void closeLeavesNoNonDaemonThreadBehind() throws Exception {
        Set<Thread> before = CxTestNodes.nonDaemonThreads();
        ScriptedHssHandler handler = new ScriptedHssHandler();
        CxNode hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), handler));
        CxNode icscf = CxTestNodes.started(CxNode.client(CxTestNodes.cscfSettings(ICSCF_HOST, hss.settings())));
        LocationInfoRequest lir = new LocationInfoRequest("sip:threads@ims.example.com");
        handler.script(lir.publicIdentity(), new LocationInfoAnswer(
                CxResult.of(CxExperimentalResultCode.UNREGISTERED_SERVICE), "sip:scscf.ims.example.com", null));
        icscf.send(lir).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Set<Thread> running = new HashSet<>(CxTestNodes.nonDaemonThreads());
        running.removeAll(before);
        assertFalse(running.isEmpty(), "jdiameter runs non-daemon threads while up");

        icscf.close();
        hss.close();
        Set<Thread> left = new HashSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            left.clear();
            left.addAll(CxTestNodes.nonDaemonThreads());
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(Set.of(), names(left), "non-daemon threads left after close");
    }

    @Test
    void closedNodeFailsRequestsAndCannotRestart() throws Exception {
        CxNode hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), new ScriptedHssHandler()));
        assertThrows(IllegalStateException.class, hss::start);
        hss.close();
        hss.close();
        assertFalse(hss.isRunning());
        assertEquals(List.of(), hss.connectedPeers());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> hss.send(new LocationInfoRequest("sip:x@ims.example.com")).get(WAIT.toSeconds(),
                        TimeUnit.SECONDS));
        assertInstanceOf(CxNoConnectionException.class, failure.getCause());
        assertThrows(IllegalStateException.class, hss::start);
    }

    @Test
    void settingsJdiameterCannotUseAreRefused() {
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss("hss_ims.example.com", REALM, HSS_ADDRESS, 3868).build());
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss(HSS_HOST, "ims..example.com", HSS_ADDRESS, 3868).build());
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss(HSS_HOST, REALM, "localhost", 3868).build());
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss(HSS_HOST, REALM, HSS_ADDRESS, 0).build());
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss(HSS_HOST, REALM, HSS_ADDRESS, 3868).peerThreads(0).build());
        // RFC 3539 section 3.4.1: Tw >= 6 s
        InvalidCxNodeSettingsException watchdog = assertThrows(InvalidCxNodeSettingsException.class,
                () -> CxNodeSettings.hss(HSS_HOST, REALM, HSS_ADDRESS, 3868)
                        .watchdogInterval(Duration.ofSeconds(5)).build());
        assertTrue(watchdog.getMessage().startsWith("watchdogInterval"));
        assertThrows(InvalidCxNodeSettingsException.class,
                () -> new CxPeerAddress(HSS_HOST, HSS_ADDRESS, 70000));
        CxNodeSettings ipv6 = CxNodeSettings.hss(HSS_HOST, REALM, "::1", 3868).build();
        assertEquals("::1", ipv6.bindAddress());
    }

    @Test
    void configurationEscapesTextAndListsThePeers() {
        CxNodeSettings settings = CxNodeSettings.cscf(ICSCF_HOST, REALM, "127.0.0.1", 3870,
                new CxPeerAddress(HSS_HOST, HSS_ADDRESS, 3868)).productName("kube-ims <\"test\"> & co").build();
        String xml = JdiameterServerConfiguration.xml(settings);
        assertTrue(xml.contains("<ProductName value=\"kube-ims &lt;&quot;test&quot;&gt; &amp; co\"/>"));
        assertTrue(xml.contains("<Peer name=\"aaa://hss.ims.example.com:3868\" ip=\"127.0.0.2\" "
                + "attempt_connect=\"true\" rating=\"1\"/>"));
        assertTrue(xml.contains("peers=\"hss.ims.example.com\""));
        assertTrue(xml.contains("<AcceptUndefinedPeer value=\"false\"/>"));
    }

    private static Set<String> names(Set<Thread> threads) {
        Set<String> names = new HashSet<>();
        for (Thread thread : threads) {
            names.add(thread.getName());
        }
        return names;
    }
}
