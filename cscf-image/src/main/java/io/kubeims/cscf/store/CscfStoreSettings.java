package io.kubeims.cscf.store;

import java.time.Duration;

/**
 * Tuning of the CSCF stores.
 *
 * @param challengeLifetime how long a nonce may be answered (TS 33.203 leaves it to the operator; tens of seconds):
 *                          1 s to 10 min
 * @param expiryBucket      width of one time bucket of the registration expiry index: the granularity of expiry
 *                          (1 s to 1 min)
 * @param expiryShards      index entries per bucket, spreading concurrent writers (1 to 1024)
 * @param expiryRetention   how long after its bucket ends an index entry is kept: the longest outage of every
 *                          replica after which due registrations are still found (at least one bucket)
 * @param expiryClaimLease  how long an expiry claim holds before another replica may take it over; must outlast the
 *                          claimant's action (a SAR round trip with retries); 1 s to 1 h
 */
public record CscfStoreSettings(Duration challengeLifetime, Duration expiryBucket, int expiryShards,
        Duration expiryRetention, Duration expiryClaimLease) {

    /** @throws InvalidCscfStoreSettingsException naming the setting out of range */
    public CscfStoreSettings {
        within("challengeLifetime", challengeLifetime, Duration.ofSeconds(1), Duration.ofMinutes(10));
        within("expiryBucket", expiryBucket, Duration.ofSeconds(1), Duration.ofMinutes(1));
        if (expiryShards < 1 || expiryShards > 1024) {
            throw new InvalidCscfStoreSettingsException("expiryShards " + expiryShards + " is not between 1 and 1024");
        }
        within("expiryRetention", expiryRetention, expiryBucket, Duration.ofDays(7));
        within("expiryClaimLease", expiryClaimLease, Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** Challenges live 40 s; 5 s buckets in 16 shards kept 1 h; claims held 30 s. */
    public static CscfStoreSettings defaults() {
        return new CscfStoreSettings(Duration.ofSeconds(40), Duration.ofSeconds(5), 16, Duration.ofHours(1),
                Duration.ofSeconds(30));
    }

    private static void within(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidCscfStoreSettingsException(setting + " " + value + " is not between " + min + " and "
                    + max);
        }
    }
}
