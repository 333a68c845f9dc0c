package io.kubeims.store;

/**
 * A value read from a cache cannot be decoded: not the JSON its codec writes, a field missing, or data that fails
 * validation. Names the cache, the key and the problem, never the stored value (it may hold key material).
 */
public final class CorruptStoredValueException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cache   the cache name
     * @param key     the entry's key
     * @param problem what is wrong
     * @param cause   the decoding error, or null
     */
    public CorruptStoredValueException(String cache, String key, String problem, Throwable cause) {
        super("cache " + cache + ", key " + key + ": " + problem, cause);
    }
}
