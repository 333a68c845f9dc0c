package io.kubeims.hss.cx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeException;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.server.CxScscfHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Loopback test bed: HSS cores on 127.0.0.2, CSCF nodes on 127.0.0.1, each on a port free at the time; every wait
 * bounded by {@link #WAIT}.
 */
final class HssTestBed {

    static final String REALM = "ims.example.com";
    static final String HSS_ADDRESS = "127.0.0.2";
    static final String CSCF_ADDRESS = "127.0.0.1";
    /** The S-CSCF pool the I-CSCF chooses from; its replicas are scscf-N.scscf.ims.example.com. */
    static final String SCSCF_POOL = "sip:scscf.ims.example.com:6060";
    static final String SCSCF_REPLICA_0 = "scscf-0.scscf.ims.example.com";
    static final String SCSCF_REPLICA_1 = "scscf-1.scscf.ims.example.com";
    /** A second S-CSCF pool. */
    static final String OTHER_POOL = "sip:scscf-b.ims.example.com:6060";
    static final String ROAMING_PARTNER = "visited.example.net";
    static final int MAX_AUTH_ITEMS = 4;
    static final Duration WAIT = Duration.ofSeconds(10);

    /** jdiameter logs every peer event at INFO; keep a reference so the level sticks. */
    private static final Logger JDIAMETER_LOG = Logger.getLogger("org.jdiameter");

    static {
        JDIAMETER_LOG.setLevel(Level.WARNING);
    }

    private HssTestBed() {
    }

    static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HssCxSettings cxSettings() {
        return new HssCxSettings(REALM, new io.kubeims.cx.message.ServerCapabilities(List.of(1L), List.of(2L),
                List.of(SCSCF_POOL, OTHER_POOL)), MAX_AUTH_ITEMS, false, Set.of(ROAMING_PARTNER));
    }

    static HssCoreSettings coreSettings(String hssHost, HssStorageSettings storage) {
        CxNodeSettings diameter = CxNodeSettings.hss(hssHost, REALM, HSS_ADDRESS, freePort(HSS_ADDRESS))
                .requestTimeout(Duration.ofSeconds(3)).build();
        return new HssCoreSettings(diameter, cxSettings(), storage, 2);
    }

    static HssCore embeddedCore(String hssHost, Path dataDirectory) throws CxNodeException {
        return HssCore.start(coreSettings(hssHost, new HssStorageSettings.Embedded(dataDirectory)));
    }

    private static CxNodeSettings cscfSettings(String originHost, HssCore hss) {
        CxNodeSettings h = hss.settings().diameter();
        return CxNodeSettings.cscf(originHost, REALM, CSCF_ADDRESS, freePort(CSCF_ADDRESS),
                        new CxPeerAddress(h.originHost(), h.bindAddress(), h.port()))
                .requestTimeout(Duration.ofSeconds(3)).startTimeout(WAIT).build();
    }

    /** An I-CSCF (serves no Cx command) connected to {@code hss}. */
    static CxNode icscf(String originHost, HssCore hss) throws CxNodeException, InterruptedException {
        return started(CxNode.client(cscfSettings(originHost, hss)), hss);
    }

    /** An S-CSCF replica connected to {@code hss}, answering RTR/PPR with {@code handler}. */
    static CxNode scscf(String originHost, HssCore hss, CxScscfHandler handler)
            throws CxNodeException, InterruptedException {
        return started(CxNode.scscf(cscfSettings(originHost, hss), handler), hss);
    }

    private static CxNode started(CxNode node, HssCore hss) throws CxNodeException, InterruptedException {
        if (!node.start()) {
            node.close();
            throw new IllegalStateException("node " + node.settings().originHost() + " not connected to the HSS");
        }
        assertTrue(awaitPeer(hss.node(), node.settings().originHost()), "HSS sees " + node.settings().originHost());
        return node;
    }

    static boolean awaitPeer(CxNode node, String host) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.connectedPeers().stream().anyMatch(peer -> peer.host().equals(host))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Sends and waits, bounded, for the answer. */
    static <A extends CxAnswer> A call(CxNode node, CxHssRequest<A> request) throws Exception {
        return node.send(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
