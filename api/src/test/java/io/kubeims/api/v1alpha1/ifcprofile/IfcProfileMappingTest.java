package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeims.protocol.ifc.IfcEvaluator;
import io.kubeims.protocol.ifc.IfcRequest;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IfcProfile manifest maps onto TS 29.228 iFCs that evaluate as the example says, and back without loss. */
class IfcProfileMappingTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String SMSC = "sip:smsc.ims.example.com:5060";
    private static final String VOICEMAIL = "sip:voicemail.ims.example.com:5060";

    private static IfcProfile example() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        return YAML.readValue(root.resolve("deploy/examples/ifcprofile-default.yaml").toFile(), IfcProfile.class);
    }

    private static Optional<String> firstAs(List<InitialFilterCriteria> ifcs, String method, SessionCase sessionCase,
                                            boolean registered) {
        return new IfcEvaluator(ifcs)
                .firstMatching(IfcRequest.of(method, "sip:bob@ims.example.com", sessionCase, registered))
                .map(ifc -> ifc.applicationServer().serverName());
    }

    @Test
    void exampleProfileSendsOriginatingMessageToTheSmscAndUnregisteredCallsToVoicemail() throws IOException {
        List<InitialFilterCriteria> ifcs = IfcProfileMapping.toModel(example().getSpec());
        assertEquals(2, ifcs.size());

        assertEquals(Optional.of(SMSC), firstAs(ifcs, "MESSAGE", SessionCase.ORIGINATING_REGISTERED, true));
        // CNF with the two SPTs in different groups: MESSAGE AND originating; neither alone is enough
        assertEquals(Optional.empty(), firstAs(ifcs, "MESSAGE", SessionCase.TERMINATING_REGISTERED, true));
        assertEquals(Optional.empty(), firstAs(ifcs, "INVITE", SessionCase.ORIGINATING_REGISTERED, true));

        assertEquals(Optional.of(VOICEMAIL), firstAs(ifcs, "INVITE", SessionCase.TERMINATING_UNREGISTERED, false));
        assertEquals(Optional.empty(), firstAs(ifcs, "INVITE", SessionCase.TERMINATING_REGISTERED, true));
    }

    @Test
    void exampleProfileSurvivesTheCxUserDataXmlAndTheWayBack() throws IOException, CxUserDataException {
        List<InitialFilterCriteria> ifcs = IfcProfileMapping.toModel(example().getSpec());
        ImsSubscription subscription = new ImsSubscription("alice@ims.example.com", List.of(new ServiceProfile(
                List.of(new PublicIdentity("sip:alice@ims.example.com"), new PublicIdentity("tel:+15551230001")),
                null, ifcs)));

        String xml = new CxUserDataWriter().write(subscription);
        assertTrue(xml.contains("<ServerName>" + SMSC + "</ServerName>"), xml);
        ImsSubscription read = new CxUserDataReader().read(xml);
        assertEquals(subscription, read);

        IfcProfileSpec back = IfcProfileMapping.fromModel(read.serviceProfiles().get(0).initialFilterCriteria());
        assertEquals(ifcs, IfcProfileMapping.toModel(back));
        assertEquals(YAML.valueToTree(example().getSpec()), YAML.valueToTree(back),
                "spec -> model -> spec is the identity for the example");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: [{requestUri: 'sip:(bob'}]}, applicationServer: {serverName: 'sip:as.example.com'}}]} | initialFilterCriteria[0]: triggerPoint.spts[0]:
            {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: [{method: INVITE, sessionCase: Originating}]}, applicationServer: {serverName: 'sip:as.example.com'}}]} | initialFilterCriteria[0]: triggerPoint.spts[0]: an SPT needs exactly one of
            {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: [{}]}, applicationServer: {serverName: 'sip:as.example.com'}}]} | initialFilterCriteria[0]: triggerPoint.spts[0]: an SPT needs exactly one of
            {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: [{method: INVITE, registrationTypes: [Initial]}]}, applicationServer: {serverName: 'sip:as.example.com'}}]} | initialFilterCriteria[0]: triggerPoint.spts[0]:
            {initialFilterCriteria: [{priority: 1, applicationServer: {serverName: 'sip:a.example.com'}}, {priority: 1, applicationServer: {serverName: 'sip:b.example.com'}}]} | initialFilterCriteria[1]: priority 1 is used twice
            {initialFilterCriteria: [{applicationServer: {serverName: 'sip:a.example.com'}}]} | initialFilterCriteria[0]: priority is required
            """)
    void invalidProfilesAreRejectedWithThePathOfTheMistake(String yaml, String expectedPrefix) throws IOException {
        IfcProfileSpec spec = YAML.readValue(yaml, IfcProfileSpec.class);
        InvalidIfcException e = assertThrows(InvalidIfcException.class, () -> IfcProfileMapping.toModel(spec));
        assertTrue(e.getMessage().startsWith(expectedPrefix), e.getMessage());
    }
}
