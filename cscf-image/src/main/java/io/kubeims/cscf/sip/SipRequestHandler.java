package io.kubeims.cscf.sip;

/**
 * Handles one received request (RFC 3261 8.2 UAS or 16 proxy behaviour). Called on a jain-sip I/O thread, possibly
 * concurrently for different requests: implementations are thread-safe. Whatever it throws is caught by the
 * {@link SipNode}, logged once with the Call-ID and answered 500 if no final response was sent yet.
 */
@FunctionalInterface
public interface SipRequestHandler {

    /** Handles the request; answers it through {@link InboundRequest#respond}, forwards it, or ignores it (ACK). */
    void handle(InboundRequest request) throws Exception;
}
