package io.kubeims.local;

import io.kubeims.config.Placement;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a test core: a block of {@link Placement.Local#PORT_BLOCK} consecutive ports for the local placement's
 * port base, followed by one for the P-CSCF, all free on 127.0.0.1 in TCP and UDP when chosen (racy by nature: other
 * builds share the machine; the start's own check names a port taken meanwhile).
 *
 * @param base       the port base
 * @param pcscfPort  the P-CSCF's SIP port, {@code base + PORT_BLOCK}
 */
record FreePorts(int base, int pcscfPort) {

    private static final int ATTEMPTS = 200;

    static FreePorts find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            if (allFree(base, Placement.Local.PORT_BLOCK + 1)) {
                return new FreePorts(base, base + Placement.Local.PORT_BLOCK);
            }
        }
        throw new IllegalStateException("no block of " + (Placement.Local.PORT_BLOCK + 1) + " free ports found");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            if (!free(port)) {
                return false;
            }
        }
        return true;
    }

    static boolean free(int port) {
        try {
            InetAddress loopback = InetAddress.getByName(Placement.Local.LOOPBACK);
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(loopback, port), 1);
                udp.bind(new InetSocketAddress(loopback, port));
            }
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
