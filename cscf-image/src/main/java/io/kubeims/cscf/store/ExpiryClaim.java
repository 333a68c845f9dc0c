package io.kubeims.cscf.store;

import java.time.Instant;

/**
 * The mark a replica writes into a registration, by compare-and-set, to be the one that acts on its expired contacts
 * (see {@link RegistrationStore#claimExpiry}). Held until {@code leaseUntil}; after that another replica may take it
 * over, so the lease must outlast the action (de-registration SAR, NOTIFY).
 *
 * @param claimant   the replica (e.g. its pod name), for logs
 * @param token      unique per claim, so a completion recognises its own claim
 * @param claimedAt  when it was claimed: contacts expired at this instant are the ones claimed
 * @param leaseUntil until when no other replica may claim
 */
public record ExpiryClaim(String claimant, String token, Instant claimedAt, Instant leaseUntil) {

    /** @throws InvalidCscfStateException if a field is missing or the lease ends before it starts */
    public ExpiryClaim {
        StateFields.requireText("claimant", claimant);
        StateFields.requireText("token", token);
        claimedAt = StateFields.instant("claimedAt", claimedAt);
        leaseUntil = StateFields.instant("leaseUntil", leaseUntil);
        if (leaseUntil.isBefore(claimedAt)) {
            throw new InvalidCscfStateException("expiry claim lease ends (" + leaseUntil + ") before it starts ("
                    + claimedAt + ")");
        }
    }

    /** Whether the lease still holds at {@code now}. */
    public boolean isLive(Instant now) {
        return leaseUntil.isAfter(now);
    }
}
