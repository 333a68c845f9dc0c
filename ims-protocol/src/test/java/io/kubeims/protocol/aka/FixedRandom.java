package io.kubeims.protocol.aka;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} that hands out given byte strings to {@code nextBytes}, so a vector generator can be
 * fed a published RAND. Any other use fails.
 */
public final class FixedRandom implements RandomGenerator {

    private final Deque<byte[]> values = new ArrayDeque<>();

    /** @param values the byte strings, in the order {@code nextBytes} shall return them */
    public FixedRandom(byte[]... values) {
        for (byte[] value : values) {
            this.values.add(value.clone());
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = values.removeFirst();
        if (next.length != bytes.length) {
            throw new IllegalStateException("asked for " + bytes.length + " bytes, have " + next.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("FixedRandom only serves nextBytes");
    }

    @Override
    public String toString() {
        return "FixedRandom" + values.stream().map(Arrays::toString).toList();
    }
}
