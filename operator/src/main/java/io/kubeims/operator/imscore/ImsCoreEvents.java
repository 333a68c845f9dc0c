package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.operator.common.ConditionWriter;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Kubernetes Events (core/v1) on an ImsCore for the transitions an administrator wants in {@code kubectl describe}:
 * Ready or Degraded changing status or reason. Recording is best effort: a refused Event is logged, never fails the
 * reconciliation.
 */
final class ImsCoreEvents {

    private static final Logger LOG = Logger.getLogger(ImsCoreEvents.class);
    static final String SOURCE = "kube-ims-operator";

    private final KubernetesClient client;

    ImsCoreEvents(KubernetesClient client) {
        this.client = client;
    }

    /** Records an Event for each condition of {@code before} that {@code after} changed in status or reason. */
    void transitions(ImsCore core, ConditionedStatus before, ConditionedStatus after) {
        for (String type : new String[] {ImsCoreStatusBuilder.READY, ImsCoreStatusBuilder.DEGRADED}) {
            var was = ConditionWriter.find(before, type);
            var now = ConditionWriter.find(after, type);
            if (now == null) {
                continue;
            }
            boolean changed = was == null || !Objects.equals(was.getStatus(), now.getStatus())
                    || !Objects.equals(was.getReason(), now.getReason());
            if (!changed || (was == null && ImsCoreStatusBuilder.DEGRADED.equals(type)
                    && ConditionWriter.FALSE.equals(now.getStatus()))) {
                continue;
            }
            boolean warning = ImsCoreStatusBuilder.DEGRADED.equals(type) == ConditionWriter.TRUE.equals(now.getStatus());
            record(core, warning ? "Warning" : "Normal", now.getReason(), type + "=" + now.getStatus() + ": "
                    + now.getMessage());
        }
    }

    private void record(ImsCore core, String type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(core.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
                .withNamespace(core.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(core.getApiVersion()).withKind(core.getKind())
                .withName(core.getMetadata().getName()).withNamespace(core.getMetadata().getNamespace())
                .withUid(core.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
                .withNewSource().withComponent(SOURCE).endSource()
                .withReportingComponent(SOURCE)
                .withFirstTimestamp(now).withLastTimestamp(now)
                .withEventTime(new MicroTime(DateTimeFormatter.ISO_INSTANT.format(Instant.now())))
                .withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(core.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("ImsCore %s/%s: cannot record the event %s: %s", core.getMetadata().getNamespace(),
                    core.getMetadata().getName(), reason, e.getMessage());
        }
    }
}
