package io.kubeims.protocol.aka;

/**
 * A sequence number or one of its parts does not fit its field (TS 33.102 Annex C.1): SQN is 48 bits,
 * SEQ 43 bits and IND 5 bits, all unsigned.
 */
public final class SqnOutOfRangeException extends AkaParameterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param parameter "SQN", "SEQ" or "IND"
     * @param message   the range that was violated
     */
    public SqnOutOfRangeException(String parameter, String message) {
        super(parameter, message);
    }
}
