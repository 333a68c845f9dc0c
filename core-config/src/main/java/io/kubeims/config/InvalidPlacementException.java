package io.kubeims.config;

/** A {@link Placement} parameter is unusable (e.g. a relative local data directory); the message names it. */
public class InvalidPlacementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidPlacementException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
    }

    /** The refused parameter. */
    public String parameter() {
        return parameter;
    }
}
