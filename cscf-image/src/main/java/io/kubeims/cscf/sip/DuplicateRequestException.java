package io.kubeims.cscf.sip;

/**
 * Thrown by {@link InboundRequest#serverTransaction()} when a retransmission raced the original request: its server
 * transaction already exists, and the stack answers the retransmission from it. The node drops this handler run
 * silently (logged at DEBUG); handlers need not catch it.
 */
public class DuplicateRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateRequestException(String callId, Throwable cause) {
        super("server transaction already exists (retransmission) for Call-ID " + callId, cause);
    }
}
