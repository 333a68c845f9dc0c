package io.kubeims.store;

/** Encodes one kind of stored value as a string and decodes it back, reporting bad values per cache and key. */
public interface ValueCodec<T> {

    String encode(T value);

    /** @throws CorruptStoredValueException if {@code stored} is not a value of this kind */
    T decode(String cache, String key, String stored);

    /** The stored string itself, for callers that decode lazily. */
    static ValueCodec<String> text() {
        return new ValueCodec<>() {
            @Override
            public String encode(String value) {
                return value;
            }

            @Override
            public String decode(String cache, String key, String stored) {
                return stored;
            }
        };
    }
}
