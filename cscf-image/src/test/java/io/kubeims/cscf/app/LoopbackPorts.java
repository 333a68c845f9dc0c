package io.kubeims.cscf.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports free on loopback now, for settings that must name a port before its listener starts. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** A port free for TCP (e.g. the HSS's Diameter port). */
    static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for both UDP and TCP (a SIP listener). */
    static int freeSipPort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = freeTcpPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), port))) {
                return port;
            } catch (IOException taken) {
                // taken for UDP: try another
            }
        }
        throw new IllegalStateException("no port free for UDP and TCP on " + HOST);
    }
}
