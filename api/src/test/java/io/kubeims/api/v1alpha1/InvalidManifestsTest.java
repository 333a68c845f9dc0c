package io.kubeims.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated schema rejects the mistakes people make in manifests, with a message naming the field. */
class InvalidManifestsTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, CrdSchemaValidator> VALIDATORS = new HashMap<>();

    @BeforeAll
    static void generateSchemas(@TempDir Path dir) throws IOException {
        VALIDATORS.putAll(CrdSchemas.generate(dir));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ImsCore    | {spec: {domain: 'not a domain'}}                                     | .spec.domain: 'not a domain' does not match
            ImsCore    | {spec: {}}                                                           | .spec: missing required field domain
            ImsCore    | {spec: {domain: ims.example.com, scscf: {replicas: 0}}}              | .spec.scscf.replicas: below the minimum 1
            ImsCore    | {spec: {domain: ims.example.com, hss: {replicas: 65}}}               | .spec.hss.replicas: above the maximum 64
            ImsCore    | {spec: {domain: ims.example.com, pcscf: {sipService: {type: Public}}}} | .spec.pcscf.sipService.type: 'Public' is not one of
            ImsCore    | {spec: {domain: ims.example.com, registrationStore: {type: redis}}}  | .spec.registrationStore.type: 'redis' is not one of
            ImsCore    | {spec: {domain: ims.example.com, enum: {suffix: e164.arpa}}}         | .spec.enum: missing required field server
            ImsCore    | {spec: {domain: ims.example.com, replicas: 3}}                       | .spec.replicas: unknown field
            Subscriber | {spec: {imsCore: c, privateIdentity: alice, publicIdentities: [{identity: 'sip:alice@ims.example.com'}], auth: {scheme: AKAv1-MD5, secretRef: {name: s}}}} | .spec.privateIdentity: 'alice' does not match
            Subscriber | {spec: {imsCore: c, privateIdentity: a@ims.example.com, publicIdentities: [{identity: 'alice@ims.example.com'}], auth: {scheme: AKAv1-MD5, secretRef: {name: s}}}} | .spec.publicIdentities[0].identity: 'alice@ims.example.com' does not match
            Subscriber | {spec: {imsCore: c, privateIdentity: a@ims.example.com, publicIdentities: [{identity: 'tel:5551234'}], auth: {scheme: AKAv1-MD5, secretRef: {name: s}}}} | .spec.publicIdentities[0].identity: 'tel:5551234' does not match
            Subscriber | {spec: {imsCore: c, privateIdentity: a@ims.example.com, publicIdentities: [], auth: {scheme: AKAv1-MD5, secretRef: {name: s}}}} | .spec.publicIdentities: needs at least 1 items
            Subscriber | {spec: {imsCore: c, privateIdentity: a@ims.example.com, publicIdentities: [{identity: 'sip:a@ims.example.com'}], auth: {scheme: MD5, secretRef: {name: s}}}} | .spec.auth.scheme: 'MD5' is not one of
            Subscriber | {spec: {imsCore: c, privateIdentity: a@ims.example.com, publicIdentities: [{identity: 'sip:a@ims.example.com'}], auth: {scheme: SIP-Digest, password: secret}}} | .spec.auth.password: unknown field
            IfcProfile | {spec: {initialFilterCriteria: [{priority: -1, applicationServer: {serverName: 'sip:as.example.com'}}]}} | .spec.initialFilterCriteria[0].priority: below the minimum 0
            IfcProfile | {spec: {initialFilterCriteria: [{priority: 1, applicationServer: {serverName: 'http://as'}}]}} | .spec.initialFilterCriteria[0].applicationServer.serverName: 'http://as' does not match
            IfcProfile | {spec: {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: XNF, spts: [{method: INVITE}]}, applicationServer: {serverName: 'sip:as'}}]}} | .spec.initialFilterCriteria[0].triggerPoint.conditionType: 'XNF' is not one of
            IfcProfile | {spec: {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: [{sessionCase: Originated}]}, applicationServer: {serverName: 'sip:as'}}]}} | .spec.initialFilterCriteria[0].triggerPoint.spts[0].sessionCase: 'Originated' is not one of
            IfcProfile | {spec: {initialFilterCriteria: [{priority: 1, triggerPoint: {conditionType: CNF, spts: []}, applicationServer: {serverName: 'sip:as'}}]}} | .spec.initialFilterCriteria[0].triggerPoint.spts: needs at least 1 items
            """)
    void schemaRejects(String kind, String yaml, String expectedError) throws IOException {
        List<String> errors = VALIDATORS.get(kind).validate(YAML.readTree(yaml));
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(expectedError)),
                "expected an error starting with '" + expectedError + "' but got " + errors);
    }
}
