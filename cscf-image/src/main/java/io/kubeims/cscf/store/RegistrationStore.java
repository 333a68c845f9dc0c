package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache.Change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The S-CSCF registrar's bindings (TS 24.229 5.4.1, RFC 3261 10.3), one {@link Registration} per private identity,
 * shared by every replica of the S-CSCF pool, with distributed expiry in which exactly one replica acts on each
 * expired binding.
 *
 * <p>Expiry, exactly once. Every write indexes the registration under the time bucket of its earliest expiry
 * (before writing it, so no registration is ever unindexed). Each replica periodically reads the buckets that
 * passed since its last look ({@link #expiryCandidates}; cheap: a fixed number of reads per bucket, no query) and
 * tries {@link #claimExpiry} on each candidate: a compare-and-set on the registration itself that only succeeds
 * if some contact has expired and no other replica holds a live claim, so one replica wins. The winner acts, then
 * {@link #completeExpiry} removes the claimed contacts (and the registration with the last one). A winner that dies
 * leaves a claim whose lease ends: the claim re-indexed the registration at that time, so another replica then
 * finds and takes it over. The index is lazy: a refreshed registration stays in its old bucket, where the claim
 * finds nothing expired. {@link RegistrationExpirySweep} is that periodic walk for one replica.
 */
public interface RegistrationStore {

    /** The registration of {@code impi}, if any. */
    Optional<Registration> get(String impi);

    /** The registrations whose implicit set has {@code impu} (more than one only for an IMPU shared by IMPIs). */
    List<Registration> findByPublicIdentity(String impu);

    /**
     * Applies {@code change} atomically to the registration of {@code impi}: it gets the current one (empty if
     * none) and returns the next (empty to remove it). It may run several times, so it must not have side effects.
     * Use it to add, refresh or remove contacts in one step, e.g.
     * {@code update(impi, r -> r.map(reg -> reg.withContact(contact)))}.
     *
     * @throws InvalidCscfStateException              if the next registration is for another IMPI
     * @throws io.kubeims.store.StoreContentionException if concurrent writers kept winning
     */
    Change<Registration> update(String impi, Function<Optional<Registration>, Optional<Registration>> change);

    /** Removes the registration of {@code impi}; the one removed, if any. */
    Optional<Registration> remove(String impi);

    /**
     * The IMPIs the expiry index holds for the time buckets that overlap {@code [from, to)}: candidates only (some may
     * have been refreshed since), to pass to {@link #claimExpiry}. A range longer than the index retention is cut
     * to its last part.
     */
    Set<String> expiryCandidates(Instant from, Instant to);

    /**
     * Claims the expired contacts of {@code impi} for {@code claimant}, if some contact has expired now and no live
     * claim of another replica holds them. Of replicas racing for one expiry exactly one gets a claim.
     */
    Optional<ClaimedExpiry> claimExpiry(String impi, String claimant);

    /**
     * Ends a claim after its action: removes the contacts that were expired at the claim time (a contact refreshed or
     * added since stays), clears the claim, and removes the registration if no contact remains.
     *
     * @return the registration left, if any
     * @throws LostExpiryClaimException if the claim's lease passed and another replica took it over
     */
    Optional<Registration> completeExpiry(ClaimedExpiry claimed);
}
