package io.kubeims.cscf.store;

/**
 * An expiry claim was completed after its lease had passed and another replica had taken it over; the other replica
 * acts on the expiry, this one must not complete it. Lease length should make this rare (see {@link ExpiryClaim}).
 */
public final class LostExpiryClaimException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param impi     the registration's private identity
     * @param claimant who completed
     * @param holder   who holds the registration's claim now, or null if none
     */
    public LostExpiryClaimException(String impi, String claimant, String holder) {
        super("expiry claim of " + claimant + " on " + impi + " was lost"
                + (holder == null ? " (no claim remains)" : " to " + holder));
    }
}
