package io.kubeims.hss.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the test HSS a Diameter port on 127.0.0.2 that is free when the application boots (CSCF test nodes use
 * 127.0.0.1), so parallel builds on one machine do not collide on 3868. Applies to every {@code @QuarkusTest}
 * (not restricted to a class), so all of them share one boot.
 */
public class DiameterTestPort implements QuarkusTestResourceLifecycleManager {

    static final String HSS_ADDRESS = "127.0.0.2";

    @Override
    public Map<String, String> start() {
        return Map.of("kubeims.hss.diameter.bind-address", HSS_ADDRESS,
                "kubeims.hss.diameter.port", Integer.toString(freePort(HSS_ADDRESS)));
    }

    @Override
    public void stop() {
        // nothing to release: the port was only looked up
    }

    static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
