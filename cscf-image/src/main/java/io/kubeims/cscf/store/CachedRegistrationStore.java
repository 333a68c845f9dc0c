package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache;
import io.kubeims.store.TypedCache.Change;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link RegistrationStore} over three caches: registrations by IMPI, the expiry index (key
 * {@code <bucket>/<shard>}: the IMPIs whose next expiry falls in that bucket, the shard being a hash of the IMPI so
 * that writers of one bucket seldom contend) and the public identity index (IMPU -> IMPIs).
 */
final class CachedRegistrationStore implements RegistrationStore {

    private final TypedCache<Registration> registrations;
    private final MemberIndex expiryIndex;
    private final MemberIndex identityIndex;
    private final CscfStoreSettings settings;
    private final Clock clock;
    private final long bucketMillis;

    CachedRegistrationStore(VersionedCache registrations, VersionedCache expiryIndex, VersionedCache identityIndex,
            CscfStoreSettings settings, Clock clock) {
        this.registrations = new TypedCache<>(registrations, new RegistrationJson());
        this.expiryIndex = new MemberIndex(expiryIndex, clock);
        this.identityIndex = new MemberIndex(identityIndex, clock);
        this.settings = settings;
        this.clock = clock;
        this.bucketMillis = settings.expiryBucket().toMillis();
    }

    @Override
    public Optional<Registration> get(String impi) {
        return registrations.get(StateFields.requireText("impi", impi));
    }

    @Override
    public List<Registration> findByPublicIdentity(String impu) {
        List<Registration> found = new ArrayList<>();
        for (String impi : identityIndex.members(StateFields.requireText("impu", impu))) {
            registrations.get(impi).filter(r -> r.implicitSet().contains(impu)).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public Change<Registration> update(String impi,
            Function<Optional<Registration>, Optional<Registration>> change) {
        StateFields.requireText("impi", impi);
        Objects.requireNonNull(change, "change");
        Change<Registration> result = registrations.update(impi, current -> {
            Optional<Registration> next = change.apply(current);
            if (next.isPresent() && !next.get().impi().equals(impi)) {
                throw new InvalidCscfStateException("registration of " + next.get().impi() + " written under " + impi);
            }
            // Index before the write: a process that dies after the write leaves nothing unindexed.
            Optional<Instant> check = next.flatMap(Registration::nextExpiryCheck);
            if (check.isPresent() && !check.equals(current.flatMap(Registration::nextExpiryCheck))) {
                indexExpiry(impi, check.get());
            }
            for (String impu : added(current, next)) {
                identityIndex.add(impu, impi, MemberIndex.NEVER);
            }
            return next;
        });
        // Again after the write: a concurrent release of the same IMPU may have removed the member in between.
        for (String impu : added(result.previous(), result.current())) {
            identityIndex.add(impu, impi, MemberIndex.NEVER);
        }
        for (String impu : added(result.current(), result.previous())) {
            release(impu, impi);
        }
        return result;
    }

    @Override
    public Optional<Registration> remove(String impi) {
        return update(impi, current -> Optional.empty()).previous();
    }

    @Override
    public Set<String> expiryCandidates(Instant from, Instant to) {
        Set<String> candidates = new LinkedHashSet<>();
        long end = to.toEpochMilli();
        long start = Math.max(from.toEpochMilli(), end - settings.expiryRetention().toMillis());
        if (end <= start) {
            return candidates;
        }
        for (long bucket = Math.floorDiv(start, bucketMillis); bucket <= Math.floorDiv(end - 1, bucketMillis);
                bucket++) {
            for (int shard = 0; shard < settings.expiryShards(); shard++) {
                candidates.addAll(expiryIndex.members(bucket + "/" + shard));
            }
        }
        return candidates;
    }

    @Override
    public Optional<ClaimedExpiry> claimExpiry(String impi, String claimant) {
        StateFields.requireText("claimant", claimant);
        Instant now = clock.instant();
        Change<Registration> result = update(impi, current -> {
            if (current.isEmpty() || current.get().contacts().stream().noneMatch(c -> c.isExpired(now))) {
                return current;
            }
            ExpiryClaim held = current.get().expiryClaim();
            if (held != null && held.isLive(now)) {
                return current;
            }
            return Optional.of(current.get().withExpiryClaim(new ExpiryClaim(claimant, UUID.randomUUID().toString(),
                    now, now.plus(settings.expiryClaimLease()))));
        });
        if (!result.changed()) {
            return Optional.empty();
        }
        Registration claimed = result.current().orElseThrow();
        ExpiryClaim claim = claimed.expiryClaim();
        List<Contact> expired = claimed.contacts().stream().filter(c -> c.isExpired(claim.claimedAt())).toList();
        return Optional.of(new ClaimedExpiry(claimed, claim, expired, claimed.activeContacts(claim.claimedAt())));
    }

    @Override
    public Optional<Registration> completeExpiry(ClaimedExpiry claimed) {
        ExpiryClaim claim = claimed.claim();
        return update(claimed.impi(), current -> {
            if (current.isEmpty()) {
                return current; // removed meanwhile (de-registered): nothing left to expire
            }
            ExpiryClaim held = current.get().expiryClaim();
            if (held == null || !held.token().equals(claim.token())) {
                throw new LostExpiryClaimException(claimed.impi(), claim.claimant(),
                        held == null ? null : held.claimant());
            }
            List<Contact> kept = current.get().activeContacts(claim.claimedAt());
            return kept.isEmpty() ? Optional.empty()
                    : Optional.of(current.get().withContacts(kept).withExpiryClaim(null));
        }).current();
    }

    /** Adds {@code impi} to the bucket of {@code at}, or of now if that is later (a past bucket may be scanned). */
    private void indexExpiry(String impi, Instant at) {
        long bucket = Math.floorDiv(Math.max(at.toEpochMilli(), clock.millis()), bucketMillis);
        int shard = Math.floorMod(impi.hashCode(), settings.expiryShards());
        expiryIndex.add(bucket + "/" + shard, impi,
                (bucket + 1) * bucketMillis + settings.expiryRetention().toMillis());
    }

    /**
     * Removes {@code impi} from the index of {@code impu} unless its stored registration lists it; if a concurrent
     * write listed it meanwhile, puts it back.
     */
    private void release(String impu, String impi) {
        if (lists(impi, impu)) {
            return;
        }
        identityIndex.remove(impu, impi);
        if (lists(impi, impu)) {
            identityIndex.add(impu, impi, MemberIndex.NEVER);
        }
    }

    private boolean lists(String impi, String impu) {
        return registrations.get(impi).map(r -> r.implicitSet().contains(impu)).orElse(false);
    }

    /** The IMPUs of {@code to}'s implicit set that {@code from}'s lacks. */
    private static List<String> added(Optional<Registration> from, Optional<Registration> to) {
        if (to.isEmpty()) {
            return List.of();
        }
        List<String> before = from.map(Registration::implicitSet).orElse(List.of());
        return to.get().implicitSet().stream().filter(impu -> !before.contains(impu)).toList();
    }
}
