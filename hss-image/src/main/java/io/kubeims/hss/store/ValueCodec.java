package io.kubeims.hss.store;

/** Encodes one kind of stored value as a string and decodes it back, reporting bad values per cache and key. */
interface ValueCodec<T> {

    String encode(T value);

    /** @throws CorruptStoredValueException if {@code stored} is not a value of this kind */
    T decode(String cache, String key, String stored);
}
