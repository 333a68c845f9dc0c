package io.kubeims.hss.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** @throws InvalidStorageSettingsException if a name is blank, repeated or has other characters */
    public HssCacheNames {
        Set<String> seen = new HashSet<>();
        for (String name : new String[] {subscribers, publicIdentities, sqn, registrations}) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidStorageSettingsException("cache name '" + name
                        + "' must be 1 to 200 characters of [A-Za-z0-9._-]");
            }
            if (!seen.add(name)) {
                throw new InvalidStorageSettingsException("cache name '" + name + "' is used twice");
            }
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
