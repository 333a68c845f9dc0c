package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.Sqn;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

/**
 * {@link DynamicStateStore} for a single HSS instance (embedded storage) that keeps each SQN_HE exactly in memory
 * and makes durable only a <em>ceiling</em>: an SQN whose SEQ is at or above the SEQ of every SQN issued. No SQN is
 * handed out above the durable ceiling. When half of an IMPI's lease is used, the ceiling is renewed to about
 * {@code lease} SEQ steps ahead on the renewal executor, so requests do not wait for the disk (one synchronous write
 * per {@code lease / 2} to {@code lease} vectors of a subscriber instead of one per vector); only an SQN that would
 * pass the ceiling (the first after a start or a resynchronisation, or when renewal lags) raises it itself first.
 * After any restart, clean or not, an IMPI's counter starts at its durable ceiling, so its first SQN is above every
 * SQN issued before; fewer than {@code 2 * lease} SEQ values are skipped, which a USIM accepts: SEQ still increases
 * in every IND slot (TS 33.102 C.2.1) and the jump stays far below Δ (2^28, C.2.1 and C.3.2).
 *
 * <p>Only for one HSS per durable store: the exact counter lives in this instance. HSS replicas sharing an
 * Infinispan Server must each compare-and-set the shared SQN_HE ({@link CachedDynamicStateStore} directly).
 * Registration state goes straight to the durable store. The ceiling is raised with the durable store's own
 * atomic {@link DynamicStateStore#resync} (SQN_HE only moves up), so the compare-and-set logic stays there.
 */
final class LeasedSqnDynamicStateStore implements DynamicStateStore {

    /** SEQ steps reserved per durable write. */
    static final int DEFAULT_LEASE = 256;

    private static final System.Logger LOG = System.getLogger(LeasedSqnDynamicStateStore.class.getName());

    private final DynamicStateStore durable;
    private final int lease;
    private final Executor renewals;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param durable the store whose SQN_HE holds the ceiling and whose registration records are used as they are
     * @param lease    SEQ steps reserved per ceiling write, at least 1 (1 writes every SQN before handing it out)
     * @param renewals runs the ceiling renewals (blocking writes); a rejected renewal is left to the request that
     *                 reaches the ceiling
     * @throws InvalidStorageSettingsException if {@code lease} is below 1
     */
    LeasedSqnDynamicStateStore(DynamicStateStore durable, int lease, Executor renewals) {
        if (lease < 1) {
            throw new InvalidStorageSettingsException("SQN lease must be at least 1, was " + lease);
        }
        this.durable = Objects.requireNonNull(durable, "durable");
        this.lease = lease;
        this.renewals = Objects.requireNonNull(renewals, "renewals");
    }

    /** {@inheritDoc} The ceiling is durable before the SQN is returned. */
    @Override
    public Sqn nextSqn(String privateIdentity) {
        return advance(privateIdentity, HomeSqnCounter::next);
    }

    @Override
    public Sqn resync(String privateIdentity, Sqn sqnMs) {
        Objects.requireNonNull(sqnMs, "SQN_MS");
        return advance(privateIdentity, counter -> counter.resynchronised(sqnMs));
    }

    /**
     * {@inheritDoc} After a restart and before the next vector this is the durable ceiling: the rest of the lease
     * is skipped, as if issued.
     */
    @Override
    public Sqn lastSqn(String privateIdentity) {
        Counter counter = counter(privateIdentity);
        synchronized (counter) {
            return loaded(privateIdentity, counter).last();
        }
    }

    @Override
    public RegistrationRecord registration(String privateIdentity) {
        return durable.registration(privateIdentity);
    }

    @Override
    public RegistrationChange updateRegistration(String privateIdentity, UnaryOperator<RegistrationRecord> change) {
        return durable.updateRegistration(privateIdentity, change);
    }

    /**
     * Applies {@code change} to the IMPI's counter under its lock: other IMPIs go on meanwhile, and a thread of the
     * same IMPI waits only while a ceiling is written. If that write fails, nothing is issued or changed.
     */
    private Sqn advance(String privateIdentity, UnaryOperator<HomeSqnCounter> change) {
        Counter counter = counter(privateIdentity);
        synchronized (counter) {
            HomeSqnCounter next = change.apply(loaded(privateIdentity, counter));
            long seq = next.last().seq();
            if (seq > counter.ceiling.seq()) {
                counter.ceiling = durable.resync(privateIdentity, ceilingAbove(next.last()));
            } else if (counter.ceiling.seq() - seq < lease / 2 && !counter.renewing) {
                renewInBackground(privateIdentity, counter, ceilingAbove(counter.ceiling));
            }
            counter.current = next;
            return next.last();
        }
    }

    /** Raises the durable ceiling to {@code target} off the request thread (the caller holds the counter's lock). */
    private void renewInBackground(String privateIdentity, Counter counter, Sqn target) {
        counter.renewing = true;
        try {
            renewals.execute(() -> {
                Sqn raised = null;
                try {
                    raised = durable.resync(privateIdentity, target);
                } catch (RuntimeException e) {
                    // Harmless: the SQN that reaches the ceiling raises it itself, or fails then.
                    LOG.log(System.Logger.Level.WARNING, "SQN ceiling renewal for " + privateIdentity + " failed: "
                            + e.getMessage());
                } finally {
                    synchronized (counter) {
                        if (raised != null && raised.seq() > counter.ceiling.seq()) {
                            counter.ceiling = raised;
                        }
                        counter.renewing = false;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            counter.renewing = false; // closing: the request that reaches the ceiling raises it
        }
    }

    private Counter counter(String privateIdentity) {
        return counters.computeIfAbsent(IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity),
                impi -> new Counter());
    }

    /** The counter, loaded on first use from the durable ceiling (the caller holds its lock). */
    private HomeSqnCounter loaded(String privateIdentity, Counter counter) {
        if (counter.current == null) {
            Sqn ceiling = durable.lastSqn(privateIdentity);
            counter.ceiling = ceiling;
            counter.current = new HomeSqnCounter(ceiling);
        }
        return counter.current;
    }

    /** {@code sqn} moved {@code lease - 1} SEQ steps up (never past 2^43 - 1), same IND. */
    private Sqn ceilingAbove(Sqn sqn) {
        return Sqn.of(Math.min(sqn.seq() + lease - 1, Sqn.MAX_SEQ), sqn.ind());
    }

    /**
     * One IMPI's exact SQN_HE, the durable ceiling (both null until loaded) and whether a renewal is under way;
     * guarded by the object's lock. The ceiling here is only ever a value the durable store returned.
     */
    private static final class Counter {
        private HomeSqnCounter current;
        private Sqn ceiling;
        private boolean renewing;
    }
}
