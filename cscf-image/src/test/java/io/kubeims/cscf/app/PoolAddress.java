package io.kubeims.cscf.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The address of an S-CSCF pool on loopback, standing in for its Kubernetes Service: one UDP port whose datagrams
 * go, unchanged, to the replica the test names with {@link #sendTo} (as kube-proxy picks a pod; here the test picks,
 * so that it can make the 401 come from one replica and the 200 from another). Requests only: responses do not come
 * back this way, since the replicas answer the Via sent-by (the senders' Vias carry no {@code rport}). Keeps every
 * datagram it forwarded, as text, for the test to read what travelled between the I-CSCF/P-CSCF and the pool.
 * {@link #spreadOver} instead spreads transactions over several replicas, as a Service spreads load.
 */
final class PoolAddress implements AutoCloseable {

    /** One forwarded datagram. */
    record Forwarded(int replicaPort, String text) {
    }

    private final DatagramSocket socket;
    private final DatagramSocket out;
    private final Thread relay;
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    /** The replicas datagrams go to: one after {@link #sendTo}, several after {@link #spreadOver}. */
    private volatile int[] targets = {0};
    /** Relay thread only: the replica each transaction (top Via branch) went to, so retransmissions follow it. */
    private final Map<String, Integer> byBranch = new HashMap<>();
    private int next;

    PoolAddress(String host) throws SocketException, IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
        this.out = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
        this.relay = new Thread(this::run, "pool-address-" + socket.getLocalPort());
        relay.setDaemon(true);
        relay.start();
    }

    /** The pool's port. */
    int port() {
        return socket.getLocalPort();
    }

    /** Where the following datagrams go: the SIP port of one replica. */
    void sendTo(int replicaPort) {
        this.targets = new int[] {replicaPort};
    }

    /**
     * Spreads the following transactions over these replicas, round robin by transaction (the top Via branch), so
     * that a transaction's retransmissions go where its first datagram went while that replica is still named; a
     * retransmission of a transaction whose replica is no longer named goes to the next one named (an endpoint
     * removed from the Service).
     */
    void spreadOver(int... replicaPorts) {
        this.targets = replicaPorts.clone();
    }

    /** The datagrams forwarded so far, in order. */
    List<Forwarded> forwarded() {
        return new ArrayList<>(forwarded);
    }

    /** The texts of the forwarded requests with this method (request line starts with it). */
    List<Forwarded> requests(String method) {
        return forwarded.stream().filter(f -> f.text().startsWith(method + " ")).toList();
    }

    private void run() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                int port = choose(text);
                if (port == 0) {
                    continue;   // no replica chosen: lost, as by a Service without endpoints
                }
                forwarded.add(new Forwarded(port, text));
                out.send(new DatagramPacket(packet.getData(), packet.getLength(), socket.getLocalAddress(), port));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private int choose(String text) {
        int[] now = targets;
        if (now.length == 1) {
            return now[0];
        }
        String branch = topBranch(text);
        Integer chosen = branch == null ? null : byBranch.get(branch);
        for (int port : now) {
            if (chosen != null && port == chosen) {
                return port;
            }
        }
        int port = now[Math.floorMod(next++, now.length)];
        if (branch != null) {
            byBranch.put(branch, port);
        }
        return port;
    }

    /** The branch parameter of the first Via (long or compact form), or null. */
    private static String topBranch(String text) {
        for (String line : text.split("\r\n", 40)) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("v:")) {
                int at = lower.indexOf("branch=");
                if (at < 0) {
                    return null;
                }
                int end = at + 7;
                while (end < line.length() && ",; \t".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                return line.substring(at + 7, end);
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        out.close();
        relay.join(2000);
    }
}
