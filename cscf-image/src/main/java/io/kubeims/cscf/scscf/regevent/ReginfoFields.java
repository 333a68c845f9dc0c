package io.kubeims.cscf.scscf.regevent;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The field rules the reginfo records share (RFC 3680 section 5): required text, enumerated attribute values in
 * lower case on the wire, and keys that a document or registration holds once only. Each breach is an
 * {@link InvalidReginfoException} naming the field.
 */
final class ReginfoFields {

    private ReginfoFields() {
    }

    /** @throws InvalidReginfoException "{@code field} is required" when {@code value} is null or blank */
    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidReginfoException(field + " is required");
        }
        return value;
    }

    /** The attribute value of an enumerated reginfo attribute: the constant's name in lower case. */
    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose {@link #wireName} is {@code value}.
     *
     * @param attribute what is read, e.g. "contact state"
     * @param expected  what the value should be, e.g. "is neither active nor terminated"
     * @throws InvalidReginfoException "{@code attribute} '{@code value}' {@code expected}" for another value
     */
    static <E extends Enum<E>> E fromWireName(E[] constants, String value, String attribute, String expected) {
        for (E constant : constants) {
            if (wireName(constant).equals(value)) {
                return constant;
            }
        }
        throw new InvalidReginfoException(attribute + " '" + value + "' " + expected);
    }

    /**
     * Refuses a list in which two items have the same key.
     *
     * @param twice the message for a key found twice
     * @throws InvalidReginfoException with {@code twice} of the first repeated key
     */
    static <T> void requireDistinct(List<T> items, Function<T, String> key, Function<String, String> twice) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            if (!seen.add(value)) {
                throw new InvalidReginfoException(twice.apply(value));
            }
        }
    }
}
