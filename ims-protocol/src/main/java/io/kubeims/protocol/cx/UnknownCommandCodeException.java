package io.kubeims.protocol.cx;

/**
 * A Command-Code that is not a Cx/Dx or base peer command; the peer answers DIAMETER_COMMAND_UNSUPPORTED (3001).
 */
public class UnknownCommandCodeException extends IllegalArgumentException {

    private final int code;

    public UnknownCommandCodeException(int code) {
        super("unknown Diameter Command-Code " + code + " (not a Cx/Dx or base peer command)");
        this.code = code;
    }

    public int code() {
        return code;
    }
}
