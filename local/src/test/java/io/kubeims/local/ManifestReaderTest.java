package io.kubeims.local;

import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.kubeims.local.ExampleManifestFiles.copyInto;
import static io.kubeims.local.ExampleManifestFiles.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests of {@code deploy/examples} as local mode reads them (expected values: those files), and each kind of
 * manifest it refuses, named by file, object and field, never showing a Secret's value.
 */
class ManifestReaderTest {

    @TempDir
    Path temp;

    @Test
    void theExamplesGiveTheCoreAndItsThreeSubscribers() {
        LocalManifests manifests = ManifestReader.read(ExampleManifestFiles.examples());
        assertEquals("ims-lab", manifests.imsCore().getMetadata().getName());
        assertEquals("ims.example.com", manifests.imsCore().getSpec().getDomain());
        assertEquals(ExampleManifestFiles.examples().resolve("imscore.yaml"), manifests.imsCoreFile());
        assertEquals(List.of(
                new TestSubscriber("alice", "alice@ims.example.com",
                        List.of("sip:alice@ims.example.com", "tel:+15551230001"), AuthScheme.AKAV1_MD5),
                new TestSubscriber("bob", "bob@ims.example.com",
                        List.of("sip:bob@ims.example.com", "tel:+15551230002"), AuthScheme.AKAV1_MD5),
                new TestSubscriber("carol", "carol@ims.example.com", List.of("sip:carol@ims.example.com"),
                        AuthScheme.SIP_DIGEST)), manifests.testSubscribers());
        assertEquals(List.of(), manifests.notes());
        // the iFCs of default-services travel with each subscriber
        for (SubscriberManifest subscriber : manifests.subscribers()) {
            assertEquals(2, subscriber.body().initialFilterCriteria().size(), subscriber.summary().name());
            assertEquals(subscriber.summary().authScheme(), subscriber.body().auth().scheme());
        }
    }

    @Test
    void nothingReadShowsACredential() throws IOException {
        LocalManifests manifests = ManifestReader.read(ExampleManifestFiles.examples());
        String shown = manifests.toString() + manifests.subscribers() + manifests.testSubscribers();
        for (String secret : ExampleManifestFiles.secretValues()) {
            assertFalse(shown.contains(secret), "a credential in " + shown);
        }
    }

    @Test
    void severalDocumentsPerFileAndOtherKindsAreNoted() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("multi"));
        StringBuilder all = new StringBuilder();
        for (String file : List.of("imscore.yaml", "ifcprofile-default.yaml", "subscriber-carol.yaml")) {
            all.append(Files.readString(ExampleManifestFiles.examples().resolve(file))).append("\n---\n");
        }
        all.append("# nothing but a comment\n---\n");
        all.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n");
        Files.writeString(dir.resolve("all.yml"), all);
        LocalManifests manifests = ManifestReader.read(dir);
        assertEquals(List.of("carol"), manifests.testSubscribers().stream().map(TestSubscriber::name).toList());
        assertEquals(List.of(dir.resolve("all.yml") + ": ignoring ConfigMap extra (local mode reads ImsCore,"
                + " Subscriber, IfcProfile and Secret)"), manifests.notes());
    }

    @Test
    void aSubscriberOfAnotherCoreIsNotedAndSkipped() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-bob.yaml"), "imsCore: ims-lab", "imsCore: other-core");
        LocalManifests manifests = ManifestReader.read(dir);
        assertEquals(List.of("alice", "carol"), manifests.testSubscribers().stream().map(TestSubscriber::name)
                .toList());
        assertEquals(1, manifests.notes().size());
        assertTrue(manifests.notes().get(0).contains("Subscriber bob: spec.imsCore is other-core"),
                manifests.notes().get(0));
    }

    // ---- refusals ----

    @Test
    void noImsCore() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        Files.delete(dir.resolve("imscore.yaml"));
        InvalidManifestException e = refused(dir);
        assertEquals(dir, e.file());
        assertTrue(e.getMessage().contains("holds no ImsCore"), e.getMessage());
    }

    @Test
    void aSecondImsCore() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        Files.writeString(dir.resolve("second.yaml"), Files.readString(dir.resolve("imscore.yaml"))
                .replace("name: ims-lab", "name: ims-two"));
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("second.yaml"), e.file());
        assertEquals("ImsCore ims-two", e.resource());
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
    }

    @Test
    void aMisspelledField() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-bob.yaml"), "privateIdentity:", "privateIdentiy:");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("subscriber-bob.yaml"), e.file());
        assertEquals("Subscriber bob", e.resource());
        assertEquals("spec.privateIdentiy", e.field());
        assertEquals(dir.resolve("subscriber-bob.yaml") + " (Subscriber bob): spec.privateIdentiy: unknown field",
                e.getMessage());
    }

    @Test
    void aPrivateIdentityWithoutRealm() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-alice.yaml"), "privateIdentity: alice@ims.example.com",
                "privateIdentity: alice");
        InvalidManifestException e = refused(dir);
        assertEquals("spec.privateIdentity", e.field());
        assertEquals("Subscriber alice", e.resource());
    }

    @Test
    void aBadPublicIdentity() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-alice.yaml"), "identity: tel:+15551230001", "identity: tel:5551230001");
        assertEquals("spec.publicIdentities[1].identity", refused(dir).field());
    }

    @Test
    void aPublicIdentityOfTwoSubscribers() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-bob.yaml"), "identity: tel:+15551230002", "identity: tel:+15551230001");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("subscriber-bob.yaml"), e.file());
        assertEquals("spec.publicIdentities[1].identity", e.field());
        assertTrue(e.getMessage().contains("also belongs to Subscriber alice"), e.getMessage());
    }

    @Test
    void anUnknownAuthScheme() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-carol.yaml"), "scheme: SIP-Digest", "scheme: Digest");
        InvalidManifestException e = refused(dir);
        assertEquals("spec.auth.scheme", e.field());
        assertEquals(dir.resolve("subscriber-carol.yaml"), e.file());
    }

    @Test
    void aSecretThatIsNotThere() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-carol.yaml"), "      name: carol-credentials", "      name: carol-keys");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("subscriber-carol.yaml"), e.file());
        assertEquals("spec.auth.secretRef.name", e.field());
        assertTrue(e.getMessage().contains("Secret carol-keys is not among the manifests"), e.getMessage());
    }

    @Test
    void anIfcProfileThatIsNotThere() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        Files.delete(dir.resolve("ifcprofile-default.yaml"));
        InvalidManifestException e = refused(dir);
        assertEquals("spec.ifcProfile", e.field());
        assertEquals("Subscriber alice", e.resource());
    }

    @Test
    void aSecretWithoutItsKeyNamesTheKeyAndShowsNoValue() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-alice.yaml"), "  k: 8baf473f2f8fd09487cccbd7097c6862\n", "");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("subscriber-alice.yaml"), e.file());
        assertEquals("Secret alice-credentials", e.resource());
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
        for (String secret : ExampleManifestFiles.secretValues()) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void aMalformedKeyIsNotShown() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-bob.yaml"), "opc: 3f8e2a71c4b69d05e7f1a3c82b4d6e97",
                "opc: 3f8e2a71c4b69d05e7f1a3c82b4d6eZZ");
        InvalidManifestException e = refused(dir);
        assertEquals("Secret bob-credentials", e.resource());
        assertTrue(e.getMessage().contains("'opc'"), e.getMessage());
        assertFalse(e.getMessage().contains("3f8e2a71c4b69d05e7f1a3c82b4d6e"), e.getMessage());
    }

    @Test
    void aSecretValueOfTheWrongTypeIsNotShown() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("subscriber-carol.yaml"), "  password: carol-lab-password-2026",
                "  password: [carol-lab-password-2026]");
        InvalidManifestException e = refused(dir);
        assertEquals("Secret carol-credentials", e.resource());
        assertEquals("stringData.password", e.field());
        assertFalse(e.getMessage().contains("carol-lab-password"), e.getMessage());
    }

    @Test
    void anInvalidIfcProfile() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("ifcprofile-default.yaml"), "priority: 20", "priority: 10");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("ifcprofile-default.yaml"), e.file());
        assertEquals("IfcProfile default-services", e.resource());
    }

    @Test
    void yamlThatDoesNotParseNamesTheLine() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n"
                + "stringData:\n  password: \"unterminated\n");
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("broken.yaml"), e.file());
        assertNull(e.field());
        assertTrue(e.getMessage().contains("not valid YAML at line"), e.getMessage());
        assertFalse(e.getMessage().contains("unterminated"), e.getMessage());
    }

    @Test
    void aWrongApiVersionOrNoKind() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        replace(dir.resolve("imscore.yaml"), "apiVersion: ims.kubeims.io/v1alpha1", "apiVersion: ims.kubeims.io/v1");
        InvalidManifestException e = refused(dir);
        assertEquals("apiVersion", e.field());
        assertEquals("ImsCore ims-lab", e.resource());

        Path other = copyInto(temp.resolve("n"));
        replace(other.resolve("imscore.yaml"), "kind: ImsCore\n", "");
        InvalidManifestException noKind = refused(other);
        assertEquals("kind", noKind.field());
        assertEquals("document 1", noKind.resource());
    }

    @Test
    void aNameTwice() throws IOException {
        Path dir = copyInto(temp.resolve("m"));
        Files.copy(dir.resolve("subscriber-carol.yaml"), dir.resolve("zz-carol-again.yaml"));
        InvalidManifestException e = refused(dir);
        assertEquals(dir.resolve("zz-carol-again.yaml"), e.file());
        assertEquals("metadata.name", e.field());
    }

    @Test
    void notADirectory() {
        InvalidManifestException e = refused(temp.resolve("absent"));
        assertTrue(e.getMessage().endsWith("is not a directory of manifests"), e.getMessage());
    }

    private static InvalidManifestException refused(Path directory) {
        return assertThrows(InvalidManifestException.class, () -> ManifestReader.read(directory));
    }
}
