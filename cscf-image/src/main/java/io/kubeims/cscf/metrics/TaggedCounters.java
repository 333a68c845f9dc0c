package io.kubeims.cscf.metrics;

import io.kubeims.cscf.sip.RequestDispatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Micrometer counter per combination of tag values, registered on first use and then found in a map: how every
 * CSCF handler counts its requests and outcomes. Tag values must come from bounded sets; {@link #methodTag} bounds
 * a SIP method so that a sender cannot create meters by inventing method names.
 */
public final class TaggedCounters {

    private final MeterRegistry meters;
    private final String name;
    private final String description;
    private final List<String> tagNames;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param meters      where the counters are registered
     * @param name        the meter name
     * @param description the meter description
     * @param tagNames    the tag keys, in the order {@link #increment} takes their values
     */
    public TaggedCounters(MeterRegistry meters, String name, String description, String... tagNames) {
        if (meters == null || name == null || description == null || tagNames.length == 0) {
            throw new IllegalArgumentException("meters, name, description and at least one tag name are required");
        }
        this.meters = meters;
        this.name = name;
        this.description = description;
        this.tagNames = List.of(tagNames);
    }

    /** Counts one event with these tag values, in the order of the tag names. */
    public void increment(String... tagValues) {
        if (tagValues.length != tagNames.size()) {
            throw new IllegalArgumentException(name + " takes " + tagNames + ", got " + Arrays.toString(tagValues));
        }
        counters.computeIfAbsent(List.of(tagValues), this::register).increment();
    }

    private Counter register(List<String> values) {
        Counter.Builder builder = Counter.builder(name).description(description);
        for (int i = 0; i < tagNames.size(); i++) {
            builder.tag(tagNames.get(i), values.get(i));
        }
        return builder.register(meters);
    }

    /** The {@code method} tag value: a known method as it is, anything else {@code other}. */
    public static String methodTag(String method) {
        return RequestDispatcher.KNOWN_METHODS.contains(method) ? method : "other";
    }
}
