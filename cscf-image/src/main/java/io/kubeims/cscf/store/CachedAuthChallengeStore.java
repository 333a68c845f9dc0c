package io.kubeims.cscf.store;

import io.kubeims.store.TypedCache;
import io.kubeims.store.TypedCache.Change;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuthChallengeStore} over one cache keyed by nonce. Every write gives the entry the rest of its lifetime as
 * Infinispan lifespan, so the cache forgets challenges on its own; reads also check the lifetime against this
 * replica's clock, so an entry not yet purged is never answered late.
 */
final class CachedAuthChallengeStore implements AuthChallengeStore {

    private final TypedCache<AuthChallenge> challenges;
    private final Duration lifetime;
    private final Clock clock;

    CachedAuthChallengeStore(VersionedCache cache, Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        this.challenges = new TypedCache<>(cache, new AuthChallengeJson(),
                challenge -> Optional.of(Duration.between(clock.instant(), end(challenge))),
                TypedCache.DEFAULT_MAX_ATTEMPTS);
    }

    @Override
    public boolean create(AuthChallenge challenge) {
        Objects.requireNonNull(challenge, "challenge");
        if (!live(challenge, clock.instant())) {
            return false;
        }
        return challenges.putIfAbsent(challenge.nonce(), challenge);
    }

    @Override
    public Optional<AuthChallenge> get(String nonce) {
        Instant now = clock.instant();
        return challenges.get(StateFields.requireText("nonce", nonce)).filter(c -> live(c, now));
    }

    @Override
    public NonceUse consume(String nonce, ChallengeResponse answer) {
        StateFields.requireText("nonce", nonce);
        Objects.requireNonNull(answer, "answer");
        Instant now = clock.instant();
        Change<AuthChallenge> change = challenges.update(nonce, current -> {
            if (current.isPresent() && live(current.get(), now) && answer.nc() > current.get().highestNc()) {
                return Optional.of(current.get().accepting(answer));
            }
            return current;
        });
        if (change.changed()) {
            AuthChallenge before = change.previous().orElseThrow();
            return new NonceUse(before.used() ? NonceUse.Outcome.LATER_USE : NonceUse.Outcome.FIRST_USE,
                    change.current().orElseThrow());
        }
        Optional<AuthChallenge> current = change.current().filter(c -> live(c, now));
        if (current.isEmpty()) {
            return new NonceUse(NonceUse.Outcome.UNKNOWN, null);
        }
        return new NonceUse(answer.equals(current.get().lastAccepted()) ? NonceUse.Outcome.RETRANSMISSION
                : NonceUse.Outcome.REPLAY, current.get());
    }

    @Override
    public boolean remove(String nonce) {
        return challenges.remove(StateFields.requireText("nonce", nonce)).isPresent();
    }

    private boolean live(AuthChallenge challenge, Instant now) {
        return end(challenge).isAfter(now);
    }

    private Instant end(AuthChallenge challenge) {
        return challenge.createdAt().plus(lifetime);
    }
}
