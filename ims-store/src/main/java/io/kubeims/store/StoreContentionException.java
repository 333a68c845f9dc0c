package io.kubeims.store;

/**
 * A compare-and-set update lost the race to concurrent writers on the same key more times than the store allows
 * (a bound, so that a livelock surfaces as an error instead of a hung transaction).
 */
public final class StoreContentionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cache    the cache name
     * @param key      the contested key
     * @param attempts how many attempts were made
     */
    public StoreContentionException(String cache, String key, int attempts) {
        super("cache " + cache + ", key " + key + ": gave up after " + attempts
                + " conflicting compare-and-set attempts");
    }
}
