package io.kubeims.hssclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.hssclient.testing.ExampleManifests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials read from the example Secrets and from broken ones: keys named in errors, values never shown. */
class CredentialsSecretTest {

    /** The key material of deploy/examples (test keys). */
    private static final String ALICE_K = "8baf473f2f8fd09487cccbd7097c6862";
    private static final String ALICE_OP = "e734f8734007d6c5ce7a0508809e7e9c";
    private static final String BOB_OPC = "3f8e2a71c4b69d05e7f1a3c82b4d6e97";
    private static final String CAROL_PASSWORD = "carol-lab-password-2026";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ExampleManifests examples = ExampleManifests.read("subscriber-alice.yaml", "subscriber-bob.yaml",
            "subscriber-carol.yaml");

    @Test
    void aliceSecretGivesKOpAmfInTheHssJsonForm() throws Exception {
        HssCredentials credentials = CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                examples.get(Secret.class, "alice-credentials"));

        assertEquals(json.readTree("""
                {"scheme": "AKAv1-MD5", "k": "8baf473f2f8fd09487cccbd7097c6862",
                 "op": "e734f8734007d6c5ce7a0508809e7e9c", "amf": "b9b9"}"""), json.valueToTree(credentials));
    }

    @Test
    void bobSecretGivesOpc() throws Exception {
        HssCredentials credentials = CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                examples.get(Secret.class, "bob-credentials"));

        assertEquals(json.readTree("""
                {"scheme": "AKAv1-MD5", "k": "a7c2e1f04b9d3e6f5a8c7b1d2e4f6a9b",
                 "opc": "3f8e2a71c4b69d05e7f1a3c82b4d6e97", "amf": "b9b9"}"""), json.valueToTree(credentials));
    }

    @Test
    void carolSecretGivesThePassword() throws Exception {
        HssCredentials credentials = CredentialsSecret.read(AuthScheme.SIP_DIGEST,
                examples.get(Secret.class, "carol-credentials"));

        assertEquals(json.readTree("""
                {"scheme": "SIP-Digest", "password": "carol-lab-password-2026"}"""), json.valueToTree(credentials));
    }

    @Test
    void base64DataAsTheApiServerStoresItIsDecoded() {
        Secret secret = secret(Map.of("k", ALICE_K.toUpperCase() + "\n", "opc", BOB_OPC, "amf", "B9B9"), Map.of());

        AkaCredentials credentials = assertInstanceOf(AkaCredentials.class,
                CredentialsSecret.read(AuthScheme.AKAV1_MD5, secret));

        assertEquals(AkaCredentials.withOpc(ALICE_K, BOB_OPC, "b9b9"), credentials,
                "upper case hex and a trailing newline (echo into a file) are normalised");
    }

    @Test
    void stringDataWinsOverDataAsOnTheApiServer() {
        Secret secret = secret(Map.of("password", "old-password"), Map.of("password", CAROL_PASSWORD));

        assertEquals(new DigestCredentials(CAROL_PASSWORD), CredentialsSecret.read(AuthScheme.SIP_DIGEST, secret));
    }

    @Test
    void missingKIsNamedWithTheSecret() {
        InvalidCredentialsSecretException e = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                        secret(Map.of(), Map.of("op", ALICE_OP, "amf", "b9b9"))));

        assertEquals("k", e.key());
        assertEquals("test-credentials", e.secretName());
        assertEquals("Secret test-credentials: key 'k' is required for AKAv1-MD5", e.getMessage());
    }

    @Test
    void opAndOpcTogetherAreAmbiguous() {
        InvalidCredentialsSecretException e = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                        secret(Map.of(), Map.of("k", ALICE_K, "op", ALICE_OP, "opc", BOB_OPC, "amf", "b9b9"))));

        assertEquals("op", e.key());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
        assertNoSecretIn(e.getMessage());
    }

    @Test
    void neitherOpNorOpcIsNamedAsOpc() {
        InvalidCredentialsSecretException e = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                        secret(Map.of(), Map.of("k", ALICE_K, "amf", "b9b9"))));

        assertEquals("opc", e.key());
        assertEquals("Secret test-credentials: key 'opc' op or opc is required for AKAv1-MD5", e.getMessage());
    }

    @Test
    void shortKeyIsRefusedWithoutQuotingIt() {
        String shortK = ALICE_K.substring(0, 31);
        InvalidCredentialsSecretException e = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5,
                        secret(Map.of(), Map.of("k", shortK, "op", ALICE_OP, "amf", "b9b9"))));

        assertEquals("k", e.key());
        assertFalse(e.getMessage().contains(shortK.substring(0, 8)), e.getMessage());
        assertTrue(e.getMessage().contains("32 hex digits"), e.getMessage());
    }

    @Test
    void nonHexOpcAndLongAmfAreRefused() {
        assertEquals("opc", assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5, secret(Map.of(),
                        Map.of("k", ALICE_K, "opc", "zz" + BOB_OPC.substring(2), "amf", "b9b9")))).key());
        assertEquals("amf", assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.AKAV1_MD5, secret(Map.of(),
                        Map.of("k", ALICE_K, "opc", BOB_OPC, "amf", "b9b9b9")))).key());
    }

    @Test
    void missingOrEmptyPasswordIsNamed() {
        InvalidCredentialsSecretException missing = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.SIP_DIGEST, secret(Map.of(), Map.of("k", ALICE_K))));
        InvalidCredentialsSecretException empty = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.SIP_DIGEST, secret(Map.of(), Map.of("password", ""))));

        assertEquals("password", missing.key());
        assertEquals("password", empty.key());
        assertNoSecretIn(missing.getMessage());
    }

    @Test
    void dataThatIsNotBase64IsNamed() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("test-credentials").endMetadata()
                .withData(Map.of("password", "not base64 !")).build();

        InvalidCredentialsSecretException e = assertThrows(InvalidCredentialsSecretException.class,
                () -> CredentialsSecret.read(AuthScheme.SIP_DIGEST, secret));

        assertEquals("password", e.key());
        assertEquals("Secret test-credentials: key 'password' is not valid base64 in the Secret's data",
                e.getMessage());
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        List<Object> holders = List.of(AkaCredentials.withOp(ALICE_K, ALICE_OP, "b9b9"),
                AkaCredentials.withOpc(ALICE_K, BOB_OPC, "b9b9"), new DigestCredentials(CAROL_PASSWORD));
        for (Object holder : holders) {
            assertNoSecretIn(holder.toString());
        }
        assertEquals("AkaCredentials[k=<redacted>, opc=<redacted>, amf=<redacted>]", holders.get(1).toString());
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(ALICE_K, ALICE_OP, BOB_OPC, CAROL_PASSWORD, "b9b9")) {
            assertFalse(text.toLowerCase().contains(secret), "leaks a secret: " + text);
        }
    }

    private static Secret secret(Map<String, String> data, Map<String, String> stringData) {
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((key, value) -> encoded.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName("test-credentials").endMetadata()
                .withData(encoded.isEmpty() ? null : encoded)
                .withStringData(stringData.isEmpty() ? null : stringData).build();
    }
}
