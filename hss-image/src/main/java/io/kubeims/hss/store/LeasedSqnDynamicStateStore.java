package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.Sqn;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * {@link DynamicStateStore} for a single HSS instance (embedded storage) that keeps each SQN_HE exactly in memory
 * and makes durable only a <em>ceiling</em>: an SQN whose SEQ is at or above the SEQ of every SQN issued. When the
 * next SQN would pass the ceiling, the ceiling is first raised durably to {@code lease} SEQ steps ahead (one
 * synchronous disk write per {@code lease} vectors of a subscriber instead of one per vector), and only then is the
 * SQN handed out. After any restart, clean or not, an IMPI's counter starts at its durable ceiling, so its first
 * SQN is above every SQN issued before; at most {@code lease} SEQ values are skipped, which a USIM accepts: SEQ
 * still increases in every IND slot (TS 33.102 C.2.1) and the jump stays far below Δ (2^28, C.2.1 and C.3.2).
 *
 * <p>Only for one HSS per durable store: the exact counter lives in this instance. HSS replicas sharing an
 * Infinispan Server must each compare-and-set the shared SQN_HE ({@link CachedDynamicStateStore} directly).
 * Registration state goes straight to the durable store. The ceiling is raised with the durable store's own
 * atomic {@link DynamicStateStore#resync} (SQN_HE only moves up), so the compare-and-set logic stays there.
 */
final class LeasedSqnDynamicStateStore implements DynamicStateStore {

    /** SEQ steps reserved per durable write: one synchronous write per 256 vectors of an IMPI. */
    static final int DEFAULT_LEASE = 256;

    private final DynamicStateStore durable;
    private final int lease;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param durable the store whose SQN_HE holds the ceiling and whose registration records are used as they are
     * @param lease   SEQ steps reserved per ceiling write, at least 1 (1 writes every SQN as before)
     * @throws InvalidStorageSettingsException if {@code lease} is below 1
     */
    LeasedSqnDynamicStateStore(DynamicStateStore durable, int lease) {
        if (lease < 1) {
            throw new InvalidStorageSettingsException("SQN lease must be at least 1, was " + lease);
        }
        this.durable = Objects.requireNonNull(durable, "durable");
        this.lease = lease;
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
     * same IMPI waits only while a ceiling is written. If the write fails, nothing is issued or changed.
     */
    private Sqn advance(String privateIdentity, UnaryOperator<HomeSqnCounter> change) {
        Counter counter = counter(privateIdentity);
        synchronized (counter) {
            HomeSqnCounter next = change.apply(loaded(privateIdentity, counter));
            if (next.last().seq() > counter.ceiling.seq()) {
                counter.ceiling = durable.resync(privateIdentity, ceilingAbove(next.last()));
            }
            counter.current = next;
            return next.last();
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

    /** {@code issued} moved {@code lease - 1} SEQ steps up (never past 2^43 - 1), same IND. */
    private Sqn ceilingAbove(Sqn issued) {
        return Sqn.of(Math.min(issued.seq() + lease - 1, Sqn.MAX_SEQ), issued.ind());
    }

    /** One IMPI's exact SQN_HE and the durable ceiling; both null until loaded, guarded by the object's lock. */
    private static final class Counter {
        private HomeSqnCounter current;
        private Sqn ceiling;
    }
}
