package io.kubeims.cscf.sip;

/** Completes the future of {@link SipNode#request} when no final response came (see {@link ClientFailure}). */
public class TransactionFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ClientFailure failure;

    public TransactionFailedException(String method, String callId, ClientFailure failure) {
        super(method + " (Call-ID " + callId + ") got no final response: " + failure);
        this.failure = failure;
    }

    /** Why there was no final response. */
    public ClientFailure failure() {
        return failure;
    }
}
