package io.kubeims.hss.store;

import io.kubeims.store.CacheNameSet;
import io.kubeims.store.InvalidCacheSettingsException;

import java.util.List;

/**
 * The names of the HSS's four caches. Several kube-ims cores can share one Infinispan Server when each uses its own
 * {@link #prefixed prefix}.
 *
 * @param subscribers      subscriber records by IMPI
 * @param publicIdentities the IMPU index
 * @param sqn              SQN_HE by IMPI
 * @param registrations    registration records by IMPI
 */
public record HssCacheNames(String subscribers, String publicIdentities, String sqn, String registrations) {

    /** @throws InvalidStorageSettingsException if a name is blank, repeated or has other characters */
    public HssCacheNames {
        try {
            CacheNameSet.of(subscribers, publicIdentities, sqn, registrations);
        } catch (InvalidCacheSettingsException e) {
            throw new InvalidStorageSettingsException(e.getMessage());
        }
    }

    /** hss-subscribers, hss-public-identities, hss-sqn, hss-registrations. */
    public static HssCacheNames defaults() {
        return prefixed("hss");
    }

    /**
     * {@code <prefix>-subscribers}, {@code <prefix>-public-identities}, {@code <prefix>-sqn},
     * {@code <prefix>-registrations}.
     *
     * @throws InvalidStorageSettingsException if the prefix makes an invalid name
     */
    public static HssCacheNames prefixed(String prefix) {
        return new HssCacheNames(prefix + "-subscribers", prefix + "-public-identities", prefix + "-sqn",
                prefix + "-registrations");
    }

    /** All four names. */
    public List<String> all() {
        return List.of(subscribers, publicIdentities, sqn, registrations);
    }
}
