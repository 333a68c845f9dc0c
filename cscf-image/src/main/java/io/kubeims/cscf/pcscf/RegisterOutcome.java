package io.kubeims.cscf.pcscf;

/**
 * How a REGISTER through the P-CSCF ended, the {@code outcome} tag of {@code kubeims_pcscf_register_total}: one per
 * REGISTER transaction, counted when the final response goes to the UE.
 */
public enum RegisterOutcome {
    /** 401 from the S-CSCF relayed (ck/ik removed). */
    CHALLENGED("challenged"),
    /** 2xx to a REGISTER adding or refreshing contacts; the flows are stored. */
    REGISTERED("registered"),
    /** 2xx to a REGISTER removing every contact it named; the flows are removed. */
    DEREGISTERED("deregistered"),
    /** 2xx to a REGISTER without Contact (a query of the bindings, RFC 3261 10.2.3). */
    QUERIED("queried"),
    /** Another final response from the home network relayed (403, 5xx, ...). */
    REJECTED("rejected"),
    /** 400 from the P-CSCF: the REGISTER could not be read. */
    MALFORMED("malformed"),
    /** 483 or 482 from the P-CSCF (Max-Forwards exhausted, loop). */
    LOOP("loop"),
    /** The I-CSCF could not be reached or did not answer in time: the proxy's timeout/unreachable status. */
    UNANSWERED("unanswered"),
    /** 503 from the P-CSCF: no thread free to handle the REGISTER. */
    OVERLOADED("overloaded"),
    /** 500 from the P-CSCF: a fault of ours (logged at ERROR). */
    ERROR("error");

    private final String tag;

    RegisterOutcome(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }
}
