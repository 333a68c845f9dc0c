package io.kubeims.hss.app;

import io.kubeims.hss.provisioning.BearerTokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the API token comes from, and the refusal to start without one. */
class ApiAccessProducerTest {

    @TempDir
    Path directory;

    @Test
    void noTokenRefusesToStartNamingTheSettings() {
        InvalidHssSettingsException e = assertThrows(InvalidHssSettingsException.class,
                () -> ApiAccessProducer.resolve(api(null, null, false)));
        assertTrue(e.getMessage().contains("kubeims.hss.api.token"), e.getMessage());
        assertTrue(e.getMessage().contains("kubeims.hss.api.token-file"), e.getMessage());
        assertTrue(e.getMessage().contains("kubeims.hss.api.insecure=true"), e.getMessage());
    }

    @Test
    void insecureModeMustBeExplicit() {
        assertTrue(ApiAccessProducer.resolve(api(null, null, true)).insecure());
    }

    @Test
    void aConfiguredTokenWinsOverInsecure() {
        BearerTokenVerifier verifier = ApiAccessProducer.resolve(api("s3cr3t-token", null, true));
        assertFalse(verifier.insecure());
        assertEquals(BearerTokenVerifier.Verdict.ACCEPTED, verifier.check("Bearer s3cr3t-token"));
    }

    @Test
    void tokenFileIsReadWithoutItsTrailingNewline() throws IOException {
        Path file = Files.writeString(directory.resolve("token"), "from-a-secret\n");
        BearerTokenVerifier verifier = ApiAccessProducer.resolve(api(null, file.toString(), false));
        assertEquals(BearerTokenVerifier.Verdict.ACCEPTED, verifier.check("Bearer from-a-secret"));
    }

    @Test
    void unreadableEmptyOrAmbiguousTokenSettingsRefuseToStart() throws IOException {
        Path missing = directory.resolve("absent");
        InvalidHssSettingsException absent = assertThrows(InvalidHssSettingsException.class,
                () -> ApiAccessProducer.resolve(api(null, missing.toString(), false)));
        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());

        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        InvalidHssSettingsException blank = assertThrows(InvalidHssSettingsException.class,
                () -> ApiAccessProducer.resolve(api(null, empty.toString(), false)));
        assertEquals("kubeims.hss.api.token-file " + empty + ": the API token is empty", blank.getMessage());

        assertThrows(InvalidHssSettingsException.class,
                () -> ApiAccessProducer.resolve(api("a-token", empty.toString(), false)));
    }

    @Test
    void aMalformedTokenIsNotQuoted() {
        InvalidHssSettingsException e = assertThrows(InvalidHssSettingsException.class,
                () -> ApiAccessProducer.resolve(api("has space", null, false)));
        assertFalse(e.getMessage().contains("has space"), e.getMessage());
    }

    private static HssSettings.Api api(String token, String tokenFile, boolean insecure) {
        return new HssSettings.Api() {
            @Override
            public Optional<String> token() {
                return Optional.ofNullable(token);
            }

            @Override
            public Optional<String> tokenFile() {
                return Optional.ofNullable(tokenFile);
            }

            @Override
            public boolean insecure() {
                return insecure;
            }
        };
    }
}
