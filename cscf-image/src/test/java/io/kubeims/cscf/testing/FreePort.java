package io.kubeims.cscf.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP port nothing listens on at the moment at a loopback address: for a test's Diameter node (jdiameter needs the
 * number up front) or as a closed port that refuses connections.
 */
public final class FreePort {

    private FreePort() {
    }

    /** A port nothing listens on at {@code address} now (another process may take it before the caller does). */
    public static int on(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }
}
