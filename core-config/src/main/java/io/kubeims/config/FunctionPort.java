package io.kubeims.config;

/**
 * A port a function listens on: a container port and, for the functions others reach, a Service port.
 *
 * @param name     an IANA-style name, at most 15 characters (Kubernetes port names): {@code sip-udp}, {@code sip-tcp},
 *                 {@code diameter}, {@code http}
 * @param protocol the transport protocol
 * @param port     the port number
 */
public record FunctionPort(String name, Protocol protocol, int port) {

    /** Transport protocols of the ports. */
    public enum Protocol {
        TCP,
        UDP
    }

    public FunctionPort {
        if (name == null || name.isEmpty() || name.length() > 15) {
            throw new IllegalArgumentException("port name '" + name + "' must have 1 to 15 characters");
        }
        if (protocol == null) {
            throw new IllegalArgumentException("protocol of port " + name + " is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + name + " must be 1..65535, was " + port);
        }
    }
}
