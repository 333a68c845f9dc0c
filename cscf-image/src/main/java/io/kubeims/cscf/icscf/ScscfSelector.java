package io.kubeims.cscf.icscf;

import io.kubeims.cx.message.ServerCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the S-CSCF for a first registration from the I-CSCF's pool (TS 24.229 5.3.1.2, TS 29.228 6.7): a
 * candidate qualifies when the HSS names it in Server-Capabilities or when it offers every Mandatory-Capability;
 * among those, named ones come first, then those offering the most Optional-Capability values; equals take turns
 * (round robin), so that first registrations spread over a pool. Thread-safe.
 */
public final class ScscfSelector {

    private final List<ScscfCandidate> pool;
    private final AtomicInteger turn = new AtomicInteger();

    public ScscfSelector(List<ScscfCandidate> pool) {
        if (pool == null) {
            throw new InvalidIcscfSettingsException("scscfPool", "is required (empty to follow the HSS's names)");
        }
        this.pool = List.copyOf(pool);
    }

    /**
     * The S-CSCF to use, or empty when no candidate satisfies the capabilities (the I-CSCF then answers 600, TS
     * 24.229 5.3.1.3). With an empty pool, the first Server-Name the HSS lists.
     *
     * @param capabilities the UAA's Server-Capabilities; null (absent) constrains nothing
     */
    public Optional<String> select(ServerCapabilities capabilities) {
        ServerCapabilities wanted = capabilities != null ? capabilities
                : new ServerCapabilities(List.of(), List.of(), List.of());
        if (pool.isEmpty()) {
            return wanted.serverNames().stream().filter(name -> name != null && !name.isBlank()).findFirst();
        }
        int bestRank = -1;
        List<ScscfCandidate> best = new ArrayList<>();
        for (ScscfCandidate candidate : pool) {
            int rank = rank(candidate, wanted);
            if (rank < 0 || rank < bestRank) {
                continue;
            }
            if (rank > bestRank) {
                bestRank = rank;
                best.clear();
            }
            best.add(candidate);
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(best.get(Math.floorMod(turn.getAndIncrement(), best.size())).serverName());
    }

    /** -1 when the candidate does not qualify; else higher is better: named above all, then optional matches. */
    private static int rank(ScscfCandidate candidate, ServerCapabilities wanted) {
        boolean named = wanted.serverNames().stream().anyMatch(candidate::isNamed);
        if (!named && !candidate.capabilities().containsAll(wanted.mandatoryCapabilities())) {
            return -1;
        }
        int optional = (int) wanted.optionalCapabilities().stream().distinct()
                .filter(candidate.capabilities()::contains).count();
        // at most 2^16 optional values fit a Diameter message anyway: named candidates outrank any count
        return (named ? 1 << 20 : 0) + optional;
    }
}
