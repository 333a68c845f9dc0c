package io.kubeims.local;

import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;

/** A port a local function must listen on is taken (or may not be bound by this user); names port and function. */
public class PortInUseException extends LocalStartException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final FunctionPort.Protocol protocol;
    private final NetworkFunction function;

    /**
     * @param function the function that needs the port
     * @param port     the port
     * @param protocol TCP or UDP
     * @param message  what is wrong and what to do about it
     */
    public PortInUseException(NetworkFunction function, int port, FunctionPort.Protocol protocol, String message) {
        super(message);
        this.port = port;
        this.protocol = protocol;
        this.function = function;
    }

    /** The port that cannot be bound. */
    public int port() {
        return port;
    }

    /** Its protocol. */
    public FunctionPort.Protocol protocol() {
        return protocol;
    }

    /** The function that needs it. */
    public NetworkFunction function() {
        return function;
    }
}
