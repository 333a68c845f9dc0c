package io.kubeims.local;

import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collection;

/**
 * Checks, before anything starts, that every port the started functions listen on can be bound on 127.0.0.1, so that
 * "5060 is taken" is one clear sentence instead of a child's stack trace. (A port can still be taken between this
 * check and the child's bind; the child's log then says so.)
 */
final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * @param functions the configurations of the functions about to start
     * @throws PortInUseException naming the first port that cannot be bound, its function and what to do
     */
    static void requireFree(Collection<FunctionConfiguration> functions) throws PortInUseException {
        InetAddress loopback;
        try {
            loopback = InetAddress.getByName(Placement.Local.LOOPBACK);
        } catch (IOException e) {
            throw new IllegalStateException("no loopback address", e);
        }
        for (FunctionConfiguration function : functions) {
            for (FunctionPort port : function.ports()) {
                String problem = bindProblem(loopback, port);
                if (problem != null) {
                    throw new PortInUseException(function.function(), port.port(), port.protocol(),
                            "port " + port.port() + "/" + port.protocol() + " on " + Placement.Local.LOOPBACK + " ("
                            + LocalCore.label(function.function()) + " " + port.name() + ") " + problem + ": "
                            + advice(function.function(), port));
                }
            }
        }
    }

    private static String bindProblem(InetAddress address, FunctionPort port) {
        try {
            if (port.protocol() == FunctionPort.Protocol.TCP) {
                try (ServerSocket socket = new ServerSocket()) {
                    // as the children bind (Vert.x, jain-sip and jdiameter set SO_REUSEADDR): TIME_WAIT is no clash
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(address, port.port()), 1);
                }
            } else {
                try (DatagramSocket socket = new DatagramSocket(null)) {
                    socket.bind(new InetSocketAddress(address, port.port()));
                }
            }
            return null;
        } catch (BindException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return message.contains("permission") ? "may not be bound by this user (ports below 1024 need root)"
                    : "is in use";
        } catch (SocketException e) {
            return "cannot be bound (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "cannot be bound (" + e + ")";
        }
    }

    private static String advice(NetworkFunction function, FunctionPort port) {
        if (function == NetworkFunction.PCSCF && port.name().startsWith("sip")) {
            return "stop what uses it, or choose another P-CSCF port (--pcscf-port, or spec.pcscf.sipService.port)";
        }
        return "stop what uses it (another kube-ims?), or move the local ports with --port-base";
    }
}
