package io.kubeims.protocol.aka;

/**
 * The HE/AuC cannot issue a further sequence number without SEQ wrapping around past 2^43 - 1
 * (TS 33.102 Annex C.1). Wrapping would make the USIM reject every later challenge, so it is refused; the
 * subscriber needs a new USIM (or an operator reset of both sides).
 */
public final class SqnExhaustedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what could not be advanced */
    public SqnExhaustedException(String message) {
        super(message);
    }
}
