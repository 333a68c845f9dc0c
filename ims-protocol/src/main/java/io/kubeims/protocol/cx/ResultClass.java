package io.kubeims.protocol.cx;

/**
 * The class of a Result-Code or Experimental-Result-Code, given by its thousands digit (RFC 6733 section 7.1,
 * TS 29.230 clause 8.1).
 */
public enum ResultClass {
    /** 1xxx. */
    INFORMATIONAL,
    /** 2xxx. */
    SUCCESS,
    /** 3xxx: per-hop errors, sent in answers with the E-bit set. */
    PROTOCOL_ERROR,
    /** 4xxx: the request may succeed later. */
    TRANSIENT_FAILURE,
    /** 5xxx: the request must not be retried as is. */
    PERMANENT_FAILURE;

    /**
     * @throws UnknownResultCodeException when the code is outside 1000..5999
     */
    public static ResultClass of(long code) {
        if (code >= 1000 && code < 2000) {
            return INFORMATIONAL;
        }
        if (code >= 2000 && code < 3000) {
            return SUCCESS;
        }
        if (code >= 3000 && code < 4000) {
            return PROTOCOL_ERROR;
        }
        if (code >= 4000 && code < 5000) {
            return TRANSIENT_FAILURE;
        }
        if (code >= 5000 && code < 6000) {
            return PERMANENT_FAILURE;
        }
        throw new UnknownResultCodeException(CxAvp.RESULT_CODE, code);
    }
}
