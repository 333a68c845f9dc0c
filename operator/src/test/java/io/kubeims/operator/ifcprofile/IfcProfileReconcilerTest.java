package io.kubeims.operator.ifcprofile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.SptSpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.testing.ExampleManifests;
import io.kubeims.operator.testing.HssTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.kubeims.operator.testing.ClusterFixtures.condition;
import static io.kubeims.operator.testing.ClusterFixtures.digestSubscriber;
import static io.kubeims.operator.testing.ClusterFixtures.secret;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IfcProfile reconciler on the mock API server: the Valid condition and the count of Subscribers using it. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(HssTestResource.class)
class IfcProfileReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void validProfileCountsTheSubscribersNamingIt() {
        client.resource(profile("counted-services")).create();
        client.resource(secret("count-credentials", Map.of("password", "count-password-1"))).create();
        client.resource(digestSubscriber("count-1", "count-credentials", "counted-services")).create();
        client.resource(digestSubscriber("count-2", "count-credentials", "counted-services")).create();
        client.resource(digestSubscriber("count-3", "count-credentials", null)).create();

        await().atMost(WAIT).untilAsserted(() -> {
            IfcProfile read = client.resources(IfcProfile.class).withName("counted-services").get();
            Condition valid = condition(read.getStatus(), "Valid");
            assertEquals("True", valid.getStatus());
            assertEquals("2 iFCs valid (TS 29.228)", valid.getMessage());
            assertEquals(2, read.getStatus().getSubscriberCount());
            assertEquals(read.getMetadata().getGeneration(), read.getStatus().getObservedGeneration());
        });

        client.resources(Subscriber.class).withName("count-2").delete();

        await().atMost(WAIT).untilAsserted(() -> assertEquals(1,
                client.resources(IfcProfile.class).withName("counted-services").get().getStatus()
                        .getSubscriberCount()));
    }

    @Test
    void regexThatDoesNotCompileMakesItInvalidNamingThePath() {
        IfcProfile profile = profile("regex-services");
        SptSpec spt = profile.getSpec().getInitialFilterCriteria().get(0).getTriggerPoint().getSpts().get(0);
        spt.setMethod(null);
        spt.setRequestUri("sip:(unclosed");
        client.resource(profile).create();

        await().atMost(WAIT).untilAsserted(() -> {
            Condition valid = condition(client.resources(IfcProfile.class).withName("regex-services").get()
                    .getStatus(), "Valid");
            assertEquals("False", valid.getStatus());
            assertEquals("InvalidIfc", valid.getReason());
            assertTrue(valid.getMessage().startsWith("IfcProfile regex-services: initialFilterCriteria[0]: "
                    + "triggerPoint.spts[0]: "), valid.getMessage());
        });
    }

    @Test
    void fixingAnInvalidProfileMakesItValidAndKeepsTheTransitionTimeOfLaterUnchangedStatus() {
        IfcProfile profile = profile("fixed-services");
        profile.getSpec().getInitialFilterCriteria().get(1).setPriority(10);
        client.resource(profile).create();
        await().atMost(WAIT).untilAsserted(() -> assertEquals("False", condition(client.resources(IfcProfile.class)
                .withName("fixed-services").get().getStatus(), "Valid").getStatus()));

        IfcProfile fixed = client.resources(IfcProfile.class).withName("fixed-services").get();
        fixed.getSpec().getInitialFilterCriteria().get(1).setPriority(20);
        client.resource(fixed).update();

        await().atMost(WAIT).untilAsserted(() -> {
            IfcProfile read = client.resources(IfcProfile.class).withName("fixed-services").get();
            assertEquals("True", condition(read.getStatus(), "Valid").getStatus());
            assertEquals(read.getMetadata().getGeneration(), condition(read.getStatus(), "Valid")
                    .getObservedGeneration());
        });
    }

    private static IfcProfile profile(String name) {
        IfcProfile profile = ExampleManifests.read("ifcprofile-default.yaml").copyOf(IfcProfile.class,
                "default-services");
        profile.getMetadata().setName(name);
        return profile;
    }
}
