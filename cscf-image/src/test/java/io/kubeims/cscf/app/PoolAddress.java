package io.kubeims.cscf.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The address of an S-CSCF pool on loopback, standing in for its Kubernetes Service: one UDP port whose datagrams
 * go, unchanged, to the replica the test names with {@link #sendTo} (as kube-proxy picks a pod; here the test picks,
 * so that it can make the 401 come from one replica and the 200 from another). Requests only: responses do not come
 * back this way, since the replicas answer the Via sent-by (the senders' Vias carry no {@code rport}). Keeps every
 * datagram it forwarded, as text, for the test to read what travelled between the I-CSCF/P-CSCF and the pool.
 */
final class PoolAddress implements AutoCloseable {

    /** One forwarded datagram. */
    record Forwarded(int replicaPort, String text) {
    }

    private final DatagramSocket socket;
    private final DatagramSocket out;
    private final Thread relay;
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private volatile int target;

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
        this.target = replicaPort;
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
                int port = target;
                if (port == 0) {
                    continue;   // no replica chosen: lost, as by a Service without endpoints
                }
                forwarded.add(new Forwarded(port, new String(packet.getData(), 0, packet.getLength(),
                        StandardCharsets.UTF_8)));
                out.send(new DatagramPacket(packet.getData(), packet.getLength(), socket.getLocalAddress(), port));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        out.close();
        relay.join(2000);
    }
}
