package io.kubeims.cx.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Loopback nodes for the tests: the HSS on 127.0.0.2, CSCFs on 127.0.0.1, each on a port free at the time. */
final class CxTestNodes {

    static final String REALM = "ims.example.com";
    static final String HSS_HOST = "hss.ims.example.com";
    static final String HSS_ADDRESS = "127.0.0.2";
    static final String CSCF_ADDRESS = "127.0.0.1";
    /** Bounds every wait of a test on the network; generous for a loaded 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private CxTestNodes() {
    }

    static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CxNodeSettings hssSettings() {
        return CxNodeSettings.hss(HSS_HOST, REALM, HSS_ADDRESS, freePort(HSS_ADDRESS))
                .requestTimeout(Duration.ofSeconds(3)).build();
    }

    static CxNodeSettings cscfSettings(String originHost, CxNodeSettings hss) {
        return CxNodeSettings.cscf(originHost, REALM, CSCF_ADDRESS, freePort(CSCF_ADDRESS),
                        new CxPeerAddress(hss.originHost(), hss.bindAddress(), hss.port()))
                .requestTimeout(Duration.ofSeconds(3)).startTimeout(WAIT).build();
    }

    /** Starts a node and fails the test when it is not ready within its start timeout. */
    static CxNode started(CxNode node) throws CxNodeException {
        if (!node.start()) {
            node.close();
            throw new IllegalStateException("node " + node.settings().originHost() + " not ready");
        }
        return node;
    }

    /** Waits, bounded by {@link #WAIT}, until the node sees (or no longer sees) a connected peer. */
    static boolean awaitPeer(CxNode node, String host, boolean connected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean seen = node.connectedPeers().stream().anyMatch(peer -> peer.host().equals(host));
            if (seen == connected) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    static Set<Thread> nonDaemonThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isDaemon()) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
