package io.kubeims.cscf.pcscf;

/** A flow cannot be written into a flow token (its address is not an IP literal, or its transport is unknown). */
public class FlowTokenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FlowTokenException(String message) {
        super(message);
    }
}
