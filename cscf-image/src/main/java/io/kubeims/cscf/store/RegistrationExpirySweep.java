package io.kubeims.cscf.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One replica's walk over the registration expiry index (see {@link RegistrationStore}): each {@link #sweep()}
 * reads the time buckets since the previous sweep and claims the expired registrations this replica wins. The
 * application calls it periodically (every bucket width or so) on one thread and acts on each claim, then completes
 * it. Plain state, no thread of its own.
 */
public final class RegistrationExpirySweep {

    private final RegistrationStore registrations;
    private final Clock clock;
    private final String claimant;
    private final Duration firstLookback;
    private Instant last;

    /**
     * @param registrations the store
     * @param clock         this replica's clock
     * @param claimant      this replica's name in claims (e.g. the pod name)
     * @param firstLookback how far back the first sweep reads (e.g. the index retention, after a full outage)
     */
    public RegistrationExpirySweep(RegistrationStore registrations, Clock clock, String claimant,
            Duration firstLookback) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claimant = StateFields.requireText("claimant", claimant);
        this.firstLookback = StateFields.requirePresent("firstLookback", firstLookback);
    }

    /**
     * Claims what expired since the previous sweep. The bucket holding the previous sweep's instant is read again,
     * since part of it was still in the future then.
     *
     * @return the claims this replica won: act on each, then {@link RegistrationStore#completeExpiry complete} it
     */
    public synchronized List<ClaimedExpiry> sweep() {
        Instant now = clock.instant();
        Instant from = last == null ? now.minus(firstLookback) : last;
        List<ClaimedExpiry> won = new ArrayList<>();
        for (String impi : registrations.expiryCandidates(from, now)) {
            registrations.claimExpiry(impi, claimant).ifPresent(won::add);
        }
        last = now;
        return won;
    }
}
