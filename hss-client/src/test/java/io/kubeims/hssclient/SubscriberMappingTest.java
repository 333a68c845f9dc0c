package io.kubeims.hssclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.ifcprofile.SptSpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.hssclient.testing.ExampleManifests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example manifests mapped to the body of PUT /api/v1/subscribers/{impi}, as the HSS API documents it. */
class SubscriberMappingTest {

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ExampleManifests examples = ExampleManifests.read("subscriber-alice.yaml", "subscriber-carol.yaml",
            "ifcprofile-default.yaml");

    @Test
    void aliceWithTheDefaultServicesProfile() throws Exception {
        HssSubscriber body = SubscriberMapping.toHss(examples.get(Subscriber.class, "alice"),
                examples.get(Secret.class, "alice-credentials"), examples.get(IfcProfile.class, "default-services"));

        assertEquals(json.readTree("""
                {"privateIdentity": "alice@ims.example.com",
                 "publicIdentities": [{"identity": "sip:alice@ims.example.com", "displayName": "Alice"},
                                      {"identity": "tel:+15551230001"}],
                 "barred": false,
                 "auth": {"scheme": "AKAv1-MD5", "k": "8baf473f2f8fd09487cccbd7097c6862",
                          "op": "e734f8734007d6c5ce7a0508809e7e9c", "amf": "b9b9"},
                 "initialFilterCriteria": [
                   {"priority": 10,
                    "triggerPoint": {"conditionType": "CNF", "spts": [{"groups": [0], "method": "MESSAGE"},
                                                                      {"groups": [1], "sessionCase": "Originating"}]},
                    "applicationServer": {"serverName": "sip:smsc.ims.example.com:5060",
                                          "defaultHandling": "SessionContinued"}},
                   {"priority": 20, "profilePartIndicator": "Unregistered",
                    "triggerPoint": {"conditionType": "CNF",
                                     "spts": [{"groups": [0], "method": "INVITE"},
                                              {"groups": [1], "sessionCase": "TerminatingUnregistered"}]},
                    "applicationServer": {"serverName": "sip:voicemail.ims.example.com:5060",
                                          "defaultHandling": "SessionContinued"}}]}
                """), json.valueToTree(body));
    }

    @Test
    void subscriberWithoutProfileHasNoIfcsAndBarringIsCarried() throws Exception {
        Subscriber carol = examples.copyOf(Subscriber.class, "carol");
        carol.getSpec().setIfcProfile(null);
        carol.getSpec().setBarred(true);

        HssSubscriber body = SubscriberMapping.toHss(carol, examples.get(Secret.class, "carol-credentials"), null);

        assertEquals(json.readTree("""
                {"privateIdentity": "carol@ims.example.com",
                 "publicIdentities": [{"identity": "sip:carol@ims.example.com", "displayName": "Carol"}],
                 "barred": true,
                 "auth": {"scheme": "SIP-Digest", "password": "carol-lab-password-2026"},
                 "initialFilterCriteria": []}
                """), json.valueToTree(body));
    }

    @Test
    void toStringRedactsTheCredentials() {
        HssSubscriber body = SubscriberMapping.toHss(examples.get(Subscriber.class, "carol"),
                examples.get(Secret.class, "carol-credentials"), examples.get(IfcProfile.class, "default-services"));

        assertEquals("HssSubscriber[privateIdentity=carol@ims.example.com, publicIdentities=[sip:carol@ims.example.com],"
                + " barred=false, auth=DigestCredentials[password=<redacted>], initialFilterCriteria=2]", body.toString());
    }

    @Test
    void aProfileOtherThanTheNamedOneIsAProgrammingError() {
        IfcProfile other = examples.copyOf(IfcProfile.class, "default-services");
        other.getMetadata().setName("other");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubscriberMapping.toHss(
                examples.get(Subscriber.class, "alice"), examples.get(Secret.class, "alice-credentials"), other));
        assertEquals("Subscriber alice names IfcProfile default-services but other was given", e.getMessage());
    }

    @Test
    void duplicatePriorityIsNamedWithTheProfileAndPath() {
        IfcProfile profile = examples.copyOf(IfcProfile.class, "default-services");
        profile.getSpec().getInitialFilterCriteria().get(1).setPriority(10);

        InvalidIfcProfileException e = assertThrows(InvalidIfcProfileException.class,
                () -> SubscriberMapping.initialFilterCriteria(profile));

        assertEquals("default-services", e.profileName());
        assertEquals("IfcProfile default-services: initialFilterCriteria[1]: priority 10 is used twice",
                e.getMessage());
    }

    @Test
    void regexThatDoesNotCompileIsNamedWithItsPath() {
        IfcProfile profile = examples.copyOf(IfcProfile.class, "default-services");
        SptSpec spt = profile.getSpec().getInitialFilterCriteria().get(0).getTriggerPoint().getSpts().get(0);
        spt.setMethod(null);
        spt.setRequestUri("sip:(unclosed");

        InvalidIfcProfileException e = assertThrows(InvalidIfcProfileException.class,
                () -> SubscriberMapping.initialFilterCriteria(profile));

        assertTrue(e.getMessage().startsWith("IfcProfile default-services: initialFilterCriteria[0]: "
                + "triggerPoint.spts[0]: "), e.getMessage());
    }

    @Test
    void emptyProfileIsInvalid() {
        IfcProfile profile = examples.copyOf(IfcProfile.class, "default-services");
        profile.getSpec().setInitialFilterCriteria(List.of());

        InvalidIfcProfileException e = assertThrows(InvalidIfcProfileException.class,
                () -> SubscriberMapping.initialFilterCriteria(profile));
        assertFalse(e.getMessage().isEmpty());
        assertEquals("IfcProfile default-services: spec.initialFilterCriteria: at least one iFC is required",
                e.getMessage());
    }
}
