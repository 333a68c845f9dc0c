package io.kubeims.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sets Kubernetes-style conditions on a status (the API conventions of metav1.Condition): one condition per type,
 * {@code lastTransitionTime} moved only when the condition's status changes, {@code observedGeneration} of the
 * resource stamped on the condition and the status. The status builders of the reconcilers write conditions only
 * through this class.
 */
public final class ConditionWriter {

    /** Condition status values. */
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private final Clock clock;

    public ConditionWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Replaces the condition of {@code type} on {@code status}.
     *
     * @param resource the resource whose generation the status now describes
     * @param reason   CamelCase reason (API conventions)
     * @param message  human-readable detail
     */
    public void set(ConditionedStatus status, HasMetadata resource, String type, boolean value, String reason,
            String message) {
        Long generation = resource.getMetadata().getGeneration();
        String statusValue = value ? TRUE : FALSE;
        List<Condition> conditions = new ArrayList<>(status.getConditions());
        Condition previous = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        String transition = previous != null && statusValue.equals(previous.getStatus())
                && previous.getLastTransitionTime() != null ? previous.getLastTransitionTime() : now();
        Condition condition = new ConditionBuilder().withType(type).withStatus(statusValue).withReason(reason)
                .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(transition).build();
        conditions.removeIf(c -> type.equals(c.getType()));
        conditions.add(condition);
        status.setConditions(conditions);
        status.setObservedGeneration(generation);
    }

    /** The condition of {@code type}, or null. */
    public static Condition find(ConditionedStatus status, String type) {
        if (status == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> Objects.equals(type, c.getType())).findFirst()
                .orElse(null);
    }

    private String now() {
        // RFC 3339 in seconds, as the API server writes times
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }
}
