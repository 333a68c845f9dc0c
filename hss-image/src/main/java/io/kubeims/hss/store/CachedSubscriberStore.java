package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.store.CorruptStoredValueException;
import io.kubeims.store.TypedCache;
import io.kubeims.store.ValueCodec;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link SubscriberStore} over two {@link VersionedCache}s: subscribers by IMPI, and the public identity index
 * IMPU -> {@link PublicIdentityClaim}. Neither cache offers a transaction spanning both, so the index follows a
 * claim-then-commit protocol in which the subscriber record is the truth and a claim only reserves:
 * <ol>
 * <li>put claims every public identity first (create, refresh its own, or take over a stale one), refusing an
 *     identity whose claimant's record lists it, or whose claim is younger than the lease (a put in flight);</li>
 * <li>then writes the record by compare-and-set, checks afterwards that every claim is still its own (reverting
 *     the record and refusing if a claim was lost), and releases the identities the previous version had;</li>
 * <li>delete removes the record, then releases its claims.</li>
 * </ol>
 * A lookup answers an IMPU only when its claim's owner's record lists it, so a reader never sees a half-done put
 * or delete, and a claim left by a crash in between is ignored and taken over once its lease has passed.
 *
 * <p>Decoding a record parses its Cx-User-Data XML, the dominant cost of a Cx request, so each IMPI's last decoded
 * record is kept with the exact stored text it came from and reused while the store returns that same text: any
 * change (here or by another HSS instance) is a different text and decodes afresh, so this never serves stale data.
 */
final class CachedSubscriberStore implements SubscriberStore {

    /** How long a claim not (yet) backed by its owner's record blocks other subscribers. */
    static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(30);

    /** Decoded records kept; beyond it an arbitrary one is dropped (it only costs a decode to get it back). */
    static final int DEFAULT_DECODED_RECORDS = 100_000;

    private static final int MAX_ATTEMPTS = 1_000;
    private static final System.Logger LOG = System.getLogger(CachedSubscriberStore.class.getName());

    private final VersionedCache subscribers;
    private final TypedCache<String> subscriberTexts;
    private final TypedCache<PublicIdentityClaim> claims;
    private final SubscriberJson subscriberJson;
    private final Clock clock;
    private final Duration claimLease;
    private final int maxDecodedRecords;
    private final ConcurrentMap<String, Decoded> decoded = new ConcurrentHashMap<>();

    /**
     * @param subscribers      subscriber records by IMPI
     * @param publicIdentities the IMPU index
     * @param subscriberJson   the record codec
     * @param clock            time source of the claim lease
     * @param claimLease       how long an unbacked claim is honoured
     */
    CachedSubscriberStore(VersionedCache subscribers, VersionedCache publicIdentities, SubscriberJson subscriberJson,
            Clock clock, Duration claimLease) {
        this(subscribers, publicIdentities, subscriberJson, clock, claimLease, DEFAULT_DECODED_RECORDS);
    }

    /** As above, keeping at most {@code maxDecodedRecords} decoded records. */
    CachedSubscriberStore(VersionedCache subscribers, VersionedCache publicIdentities, SubscriberJson subscriberJson,
            Clock clock, Duration claimLease, int maxDecodedRecords) {
        this.subscribers = subscribers;
        // Records stay text in the update loop: decoding one parses its Cx-User-Data, done only when needed.
        this.subscriberTexts = new TypedCache<>(subscribers, ValueCodec.text(), TypedCache.EntryLifespan.immortal(),
                MAX_ATTEMPTS);
        this.claims = new TypedCache<>(publicIdentities, new PublicIdentityClaim.Json(),
                TypedCache.EntryLifespan.immortal(), MAX_ATTEMPTS);
        this.subscriberJson = subscriberJson;
        this.clock = clock;
        this.claimLease = claimLease;
        this.maxDecodedRecords = maxDecodedRecords;
    }

    @Override
    public Optional<Subscriber> put(Subscriber subscriber) {
        String impi = Objects.requireNonNull(subscriber, "subscriber").privateIdentity();
        List<String> wanted = subscriber.publicIdentityUris();
        String encoded = subscriberJson.encode(subscriber);
        Set<String> claimedHere = new LinkedHashSet<>();
        try {
            // Claims on every attempt, between reading the record and writing it: if a concurrent put or delete of
            // the same IMPI wins the write, the claims are still ours and the loop starts again.
            TypedCache.Change<String> written = subscriberTexts.update(impi, stored -> {
                for (String impu : wanted) {
                    if (claim(impu, impi)) {
                        claimedHere.add(impu);
                    }
                }
                return Optional.of(encoded);
            });
            Optional<String> replaced = written.previous();
            for (String impu : wanted) {
                String owner = confirmClaim(impu, impi);
                if (!owner.equals(impi)) {
                    revert(impi, encoded, replaced);
                    throw new DuplicatePublicIdentityException(impu, owner);
                }
            }
            Optional<Subscriber> previous = replaced.flatMap(s -> decodePrevious(impi, s));
            for (String impu : replaced.map(s -> listedInReplaced(impi, s)).orElse(List.of())) {
                if (!wanted.contains(impu)) {
                    release(impu, impi);
                }
            }
            return previous;
        } catch (RuntimeException e) {
            // Give back what this call claimed and the stored record does not list (release checks that).
            for (String impu : claimedHere) {
                release(impu, impi);
            }
            throw e;
        }
    }

    @Override
    public Optional<Subscriber> get(String privateIdentity) {
        String impi = IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
        return subscribers.get(impi).map(s -> decode(impi, s.value()));
    }

    @Override
    public Optional<String> findPrivateIdentity(String publicIdentity) {
        if (publicIdentity == null) {
            return Optional.empty();
        }
        return claims.get(publicIdentity)
                .map(PublicIdentityClaim::privateIdentity)
                .filter(owner -> ownerLists(owner, publicIdentity));
    }

    @Override
    public Optional<Subscriber> delete(String privateIdentity) {
        String impi = IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
        Optional<String> removed = subscriberTexts.remove(impi);
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        decoded.remove(impi);
        for (String impu : listedInReplaced(impi, removed.get())) {
            release(impu, impi);
        }
        return decodePrevious(impi, removed.get());
    }

    @Override
    public long count() {
        return subscribers.size();
    }

    /**
     * Claims {@code impu} for {@code impi}, or refreshes its own claim so that it is fresh while the put is in
     * flight.
     *
     * @return true if the claim was created or taken over (so this put must give it back if it fails)
     * @throws DuplicatePublicIdentityException if another subscriber holds it
     */
    private boolean claim(String impu, String impi) {
        TypedCache.Change<PublicIdentityClaim> change = claims.update(impu, existing -> {
            if (existing.isPresent() && !existing.get().privateIdentity().equals(impi)) {
                PublicIdentityClaim claim = existing.get();
                if (ownerLists(claim.privateIdentity(), impu) || !leaseExpired(claim)) {
                    throw new DuplicatePublicIdentityException(impu, claim.privateIdentity());
                }
                // Stale: its owner's record does not list the IMPU and no put of the owner is in flight.
            }
            return Optional.of(freshClaim(impi));
        });
        return change.previous().map(previous -> !previous.privateIdentity().equals(impi)).orElse(true);
    }

    /**
     * After the record is written: makes sure {@code impu} is claimed, re-claiming it if a concurrent release of
     * the same IMPI removed it.
     *
     * @return the owner of the claim: {@code impi}, or whoever took it over
     */
    private String confirmClaim(String impu, String impi) {
        return claims.update(impu, existing -> existing.isPresent() ? existing : Optional.of(freshClaim(impi)))
                .current().orElseThrow().privateIdentity();
    }

    /**
     * Removes {@code impi}'s claim on {@code impu} unless {@code impi}'s stored record lists it. If a put of the same
     * IMPI wrote a record listing it meanwhile, the claim is restored.
     */
    private void release(String impu, String impi) {
        TypedCache.Change<PublicIdentityClaim> change = claims.update(impu, existing -> {
            if (existing.isEmpty() || !existing.get().privateIdentity().equals(impi) || ownerLists(impi, impu)) {
                return existing;
            }
            return Optional.empty();
        });
        if (change.changed() && ownerLists(impi, impu)) {
            claims.putIfAbsent(impu, freshClaim(impi));
        }
    }

    /** Puts back the record this put replaced, if the stored one is still the one this put wrote. */
    private void revert(String impi, String written, Optional<String> previous) {
        Optional<VersionedCache.StoredValue> now = subscribers.get(impi);
        if (now.isEmpty() || !now.get().value().equals(written)) {
            return;
        }
        if (previous.isPresent()) {
            subscribers.replace(impi, now.get(), previous.get());
        } else {
            subscribers.remove(impi, now.get());
        }
    }

    private boolean ownerLists(String owner, String impu) {
        return subscribers.get(owner).map(s -> listedIn(owner, s.value()).contains(impu)).orElse(false);
    }

    private List<String> listedIn(String impi, String storedRecord) {
        Decoded known = decoded.get(impi);
        if (known != null && known.stored().equals(storedRecord)) {
            return known.subscriber().publicIdentityUris();
        }
        return subscriberJson.publicIdentities(subscribers.name(), impi, storedRecord);
    }

    /** The subscriber of a stored record: the one decoded before from the same text, or decoded now. */
    private Subscriber decode(String impi, String stored) {
        Decoded known = decoded.get(impi);
        if (known != null && known.stored().equals(stored)) {
            return known.subscriber();
        }
        Subscriber subscriber = subscriberJson.decode(subscribers.name(), impi, stored);
        if (decoded.size() >= maxDecodedRecords) {
            var any = decoded.keySet().iterator();
            if (any.hasNext()) {
                decoded.remove(any.next());
            }
        }
        // A racing thread may put an older text here; harmless, every use compares the text first.
        decoded.put(impi, new Decoded(stored, subscriber));
        return subscriber;
    }

    /** The identities of a replaced or deleted record; none if it no longer decodes (its claims then go stale). */
    private List<String> listedInReplaced(String impi, String stored) {
        try {
            return listedIn(impi, stored);
        } catch (CorruptStoredValueException e) {
            return List.of();
        }
    }

    /** The replaced or deleted subscriber; a record that no longer decodes is overwritten, not returned. */
    private Optional<Subscriber> decodePrevious(String impi, String stored) {
        try {
            return Optional.of(decode(impi, stored));
        } catch (CorruptStoredValueException e) {
            LOG.log(System.Logger.Level.WARNING, "replaced an undecodable subscriber record: " + e.getMessage());
            return Optional.empty();
        }
    }

    private boolean leaseExpired(PublicIdentityClaim claim) {
        return clock.millis() - claim.claimedAtMillis() >= claimLease.toMillis();
    }

    private PublicIdentityClaim freshClaim(String impi) {
        return new PublicIdentityClaim(impi, clock.millis(), UUID.randomUUID().toString());
    }

    /** A decoded record and the stored text it was decoded from. */
    private record Decoded(String stored, Subscriber subscriber) {
    }
}
