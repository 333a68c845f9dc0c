package io.kubeims.protocol.aka;

import java.security.MessageDigest;
import java.util.Arrays;

/** Length-checked copies and bit operations on the fixed-size AKA parameters. */
final class Octets {

    static final int KEY = 16;
    static final int RAND = 16;
    static final int SQN = 6;
    static final int AMF = 2;
    static final int MAC = 8;
    static final int AUTN = 16;
    static final int AUTS = 14;

    private Octets() {
    }

    /** A defensive copy of {@code value}, which must be {@code length} octets long. */
    static byte[] copyOf(String parameter, byte[] value, int length) {
        if (value == null) {
            throw new AkaParameterException(parameter, "is missing");
        }
        if (value.length != length) {
            throw new ParameterLengthException(parameter, length, value.length);
        }
        return value.clone();
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static byte[] slice(byte[] value, int from, int to) {
        return Arrays.copyOfRange(value, from, to);
    }

    /** Constant-time comparison, so that MAC checks do not leak how many leading octets matched. */
    static boolean sameMac(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
