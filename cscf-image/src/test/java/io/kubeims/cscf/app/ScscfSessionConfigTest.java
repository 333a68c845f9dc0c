package io.kubeims.cscf.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.session.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S-CSCF's session keys ({@code icscf-uri}, {@code odi-key-file}, {@code as-response-timeout}) and the ODI key file. */
class ScscfSessionConfigTest {

    private static Map<String, String> scscf(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        properties.put("kubeims.cscf.role", "scscf");
        properties.put("kubeims.cscf.home-domain", "ims.example.com");
        properties.put("kubeims.cscf.sip.bind-address", "127.0.0.1");
        properties.put("kubeims.cscf.diameter.hss-address", "127.0.0.1");
        properties.put("kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060");
        properties.put("kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static CscfSettings.Scscf read(Map<String, String> properties) {
        return CscfSettings.from(ConfigSources.cscf(properties)).scscf().orElseThrow();
    }

    private static String refusedKey(Map<String, String> properties) {
        return assertThrows(InvalidCscfConfigException.class, () -> read(properties)).key();
    }

    @Test
    void defaults() {
        CscfSettings.Scscf scscf = read(scscf());
        SessionSettings session = scscf.session();
        assertEquals("ims.example.com", session.homeDomain());
        assertEquals("sip:scscf.ims.example.com:6060", session.serverName());
        assertEquals(Optional.empty(), session.icscfUri());
        assertEquals(Optional.empty(), session.breakoutUri());
        assertEquals(Duration.ofSeconds(4), session.asResponseTimeout());
        assertEquals(Optional.empty(), scscf.odiKeyFile());
    }

    @Test
    void everyKeySet() {
        CscfSettings.Scscf scscf = read(scscf("kubeims.cscf.scscf.icscf-uri", "sip:icscf.ims.example.com:5060",
                "kubeims.cscf.scscf.breakout-uri", "sip:bgcf.ims.example.com;lr",
                "kubeims.cscf.scscf.odi-key-file", "/etc/kube-ims/odi/key",
                "kubeims.cscf.scscf.as-response-timeout", "1500ms"));
        SessionSettings session = scscf.session();
        assertEquals(Optional.of("sip:icscf.ims.example.com:5060"), session.icscfUri());
        assertEquals(Optional.of("sip:bgcf.ims.example.com;lr"), session.breakoutUri());
        assertEquals(Duration.ofMillis(1500), session.asResponseTimeout());
        assertEquals(Optional.of(Path.of("/etc/kube-ims/odi/key")), scscf.odiKeyFile());
        assertEquals("scscf.ims.example.com", session.pool().host());
        assertEquals(6060, session.pool().port());
    }

    @Test
    void refusedValuesNameTheirKey() {
        assertEquals("kubeims.cscf.scscf.icscf-uri",
                refusedKey(scscf("kubeims.cscf.scscf.icscf-uri", "icscf.ims.example.com")));
        assertEquals("kubeims.cscf.scscf.as-response-timeout",
                refusedKey(scscf("kubeims.cscf.scscf.as-response-timeout", "10ms")));
        assertEquals("kubeims.cscf.scscf.as-response-timeout",
                refusedKey(scscf("kubeims.cscf.scscf.as-response-timeout", "1h")));
    }

    @Test
    void theOdiKeyFileHoldsBase64OfAtLeast32Bytes(@TempDir Path directory) throws IOException {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        Path file = directory.resolve("key");
        // as a Kubernetes Secret mounted from a text value: base64 and a trailing line break
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        assertArrayEquals(key, ScscfRole.odiKey(Optional.of(file)));

        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));
        InvalidCscfConfigException shortKey = assertThrows(InvalidCscfConfigException.class,
                () -> ScscfRole.odiKey(Optional.of(file)));
        assertEquals("kubeims.cscf.scscf.odi-key-file", shortKey.key());
        assertTrue(shortKey.getMessage().contains("16 bytes"), shortKey.getMessage());

        Files.writeString(file, "not base64 at all!", StandardCharsets.US_ASCII);
        InvalidCscfConfigException notBase64 = assertThrows(InvalidCscfConfigException.class,
                () -> ScscfRole.odiKey(Optional.of(file)));
        assertFalse(notBase64.getMessage().contains("not base64 at all"), "the file's content is never shown");

        assertEquals("kubeims.cscf.scscf.odi-key-file", assertThrows(InvalidCscfConfigException.class,
                () -> ScscfRole.odiKey(Optional.of(directory.resolve("missing")))).key());
    }

    @Test
    void withoutAKeyFileEachReplicaDrawsItsOwnKey() {
        byte[] first = ScscfRole.odiKey(Optional.empty());
        byte[] second = ScscfRole.odiKey(Optional.empty());
        assertEquals(32, first.length);
        assertFalse(java.util.Arrays.equals(first, second));
    }
}
