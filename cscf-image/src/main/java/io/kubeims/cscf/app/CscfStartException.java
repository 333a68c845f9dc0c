package io.kubeims.cscf.app;

import java.util.Set;

/**
 * A CSCF could not start although its configuration reads well: the SIP address is taken, the HSS's name does not
 * resolve, the store cannot be opened. The message says what failed and which keys to check; everything started
 * before is stopped again.
 */
public class CscfStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Set<String> keys;

    /**
     * @param message what failed, naming the keys to check
     * @param keys    the full keys concerned
     * @param cause   the underlying failure, or null
     */
    public CscfStartException(String message, Set<String> keys, Throwable cause) {
        super(message, cause);
        this.keys = Set.copyOf(keys);
    }

    /** The keys to check. */
    public Set<String> keys() {
        return keys;
    }
}
