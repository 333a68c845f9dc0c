package io.kubeims.cscf.scscf.registrar;

/**
 * A REGISTER would update or remove a binding last written by a REGISTER of the same Call-ID with an equal or
 * higher CSeq: it is a late duplicate or arrived out of order, and fails (RFC 3261 10.3 steps 6 and 7).
 */
public class OutOfOrderRegisterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param bindingKey the binding concerned
     * @param callId     the Call-ID shared by the request and the binding
     * @param cseq       the request's CSeq
     * @param storedCseq the CSeq that last wrote the binding
     */
    public OutOfOrderRegisterException(String bindingKey, String callId, long cseq, long storedCseq) {
        super("binding " + bindingKey + " was written by CSeq " + storedCseq + " of Call-ID " + callId
                + "; CSeq " + cseq + " is not higher");
    }
}
