package io.kubeims.store;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of the caches of one store, checked: each 1 to 200 characters of [A-Za-z0-9._-] (valid for Infinispan
 * Server and as a directory name of a file store), none used twice. Several kube-ims cores can share one Infinispan
 * Server when each prefixes its names.
 *
 * @param names the names, in the store's order
 */
public record CacheNameSet(List<String> names) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** @throws InvalidCacheSettingsException if a name is null, blank, repeated or has other characters */
    public CacheNameSet {
        if (names == null) {
            throw new InvalidCacheSettingsException("cache names missing");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidCacheSettingsException("cache name '" + name
                        + "' must be 1 to 200 characters of [A-Za-z0-9._-]");
            }
            if (!seen.add(name)) {
                throw new InvalidCacheSettingsException("cache name '" + name + "' is used twice");
            }
        }
        names = List.copyOf(names);
    }

    /** @see #CacheNameSet(List) */
    public static CacheNameSet of(String... names) {
        if (names == null) {
            throw new InvalidCacheSettingsException("cache names missing");
        }
        return new CacheNameSet(Arrays.asList(names));
    }
}
