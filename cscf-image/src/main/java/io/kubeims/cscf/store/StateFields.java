package io.kubeims.cscf.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks the state records share, each failing with {@link InvalidCscfStateException} naming the field. */
final class StateFields {

    private StateFields() {
    }

    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCscfStateException(field + " is missing or blank");
        }
        return value;
    }

    /** The instant, truncated to milliseconds: what the JSON form keeps, so a stored record equals the original. */
    static Instant instant(String field, Instant value) {
        return requirePresent(field, value).truncatedTo(ChronoUnit.MILLIS);
    }

    static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new InvalidCscfStateException(field + " is missing");
        }
        return value;
    }

    /** An immutable copy of a list of non-blank strings (may be empty). */
    static List<String> textList(String field, List<String> values) {
        if (values == null) {
            throw new InvalidCscfStateException(field + " is missing");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidCscfStateException(field + " has a missing or blank element");
            }
        }
        return List.copyOf(values);
    }

    /** As {@link #textList}, at least one element and none twice. */
    static List<String> distinctTextList(String field, List<String> values) {
        List<String> copy = textList(field, values);
        if (copy.isEmpty()) {
            throw new InvalidCscfStateException(field + " is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String value : copy) {
            if (!seen.add(value)) {
                throw new InvalidCscfStateException(field + " lists " + value + " twice");
            }
        }
        return copy;
    }
}
