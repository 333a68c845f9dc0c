package io.kubeims.cx.message;

import java.util.Arrays;
import java.util.List;

/** Checks and copies shared by the message records (package-private: records validate in their constructors). */
final class MessageFields {

    static final long UNSIGNED32_MAX = 0xFFFF_FFFFL;

    private MessageFields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidCxMessageException(field, "is required (mandatory AVP)");
        }
        return value;
    }

    static long unsigned32(long value, String field) {
        if (value < 0 || value > UNSIGNED32_MAX) {
            throw new InvalidCxMessageException(field, "must be an Unsigned32 (0.." + UNSIGNED32_MAX + "), was " + value);
        }
        return value;
    }

    static Long optionalUnsigned32(Long value, String field) {
        return value == null ? null : unsigned32(value, field);
    }

    /** A defensive copy of a list that must not be null nor hold nulls. */
    static <T> List<T> list(List<T> values, String field) {
        required(values, field);
        for (T value : values) {
            if (value == null) {
                throw new InvalidCxMessageException(field, "must not contain null");
            }
        }
        return List.copyOf(values);
    }

    static List<Long> unsigned32List(List<Long> values, String field) {
        List<Long> copy = list(values, field);
        for (Long value : copy) {
            unsigned32(value, field);
        }
        return copy;
    }

    static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    /** How toString() shows an octet string that is not secret: its length only (it may be large or binary). */
    static String describe(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }

    /** How toString() shows key material or an expected response: whether present and its length, never the value. */
    static String redact(byte[] bytes) {
        return bytes == null ? "null" : "<redacted " + bytes.length + " bytes>";
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    static int hash(byte[] bytes) {
        return Arrays.hashCode(bytes);
    }
}
