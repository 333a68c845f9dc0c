package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnumResolverSettingsTest {

    @Test
    void parsesHostAndPort() {
        EnumResolverSettings s = EnumResolverSettings.forServer("10.0.0.53:5353");
        assertEquals("10.0.0.53", s.host());
        assertEquals(5353, s.port());
        assertEquals(EnumResolverSettings.DEFAULT_TIMEOUT, s.timeout());
        assertEquals(EnumResolverSettings.DEFAULT_RETRIES, s.retries());
        assertEquals(EnumSuffix.E164_ARPA, s.suffix());
        assertEquals("10.0.0.53:5353", s.server());
    }

    @Test
    void defaultsToPort53() {
        assertEquals(53, EnumResolverSettings.forServer("enum-dns.ims.svc").port());
        assertEquals(53, EnumResolverSettings.forServer("::1").port());
    }

    @Test
    void parsesBracketedIpv6() {
        EnumResolverSettings s = EnumResolverSettings.forServer("[2001:db8::53]:5353");
        assertEquals("2001:db8::53", s.host());
        assertEquals(5353, s.port());
        assertEquals("[2001:db8::53]:5353", s.server());
    }

    @Test
    void copiesWithOtherValues() {
        EnumResolverSettings s = EnumResolverSettings.forServer("127.0.0.1")
                .withTimeout(Duration.ofMillis(500)).withRetries(0).withSuffix(new EnumSuffix("e164.example.net"));
        assertEquals(Duration.ofMillis(500), s.timeout());
        assertEquals(0, s.retries());
        assertEquals("e164.example.net", s.suffix().domain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ":53", "dns:abc", "dns:0", "dns:65536", "[::1", "[::1]53"})
    void rejectsABadServer(String server) {
        InvalidEnumSettingsException e = assertThrows(InvalidEnumSettingsException.class,
                () -> EnumResolverSettings.forServer(server));
        assertEquals("server", e.setting());
    }

    @Test
    void rejectsANonPositiveTimeout() {
        EnumResolverSettings s = EnumResolverSettings.forServer("127.0.0.1");
        assertEquals("timeout", assertThrows(InvalidEnumSettingsException.class, () -> s.withTimeout(Duration.ZERO)).setting());
        assertEquals("timeout", assertThrows(InvalidEnumSettingsException.class,
                () -> s.withTimeout(Duration.ofSeconds(-1))).setting());
        assertEquals("timeout", assertThrows(InvalidEnumSettingsException.class, () -> s.withTimeout(null)).setting());
    }

    @Test
    void rejectsRetriesOutOfRange() {
        EnumResolverSettings s = EnumResolverSettings.forServer("127.0.0.1");
        assertEquals("retries", assertThrows(InvalidEnumSettingsException.class, () -> s.withRetries(-1)).setting());
        assertEquals("retries", assertThrows(InvalidEnumSettingsException.class,
                () -> s.withRetries(EnumResolverSettings.MAX_RETRIES + 1)).setting());
    }

    @Test
    void rejectsAMissingSuffix() {
        EnumResolverSettings s = EnumResolverSettings.forServer("127.0.0.1");
        assertEquals("suffix", assertThrows(InvalidEnumSettingsException.class, () -> s.withSuffix(null)).setting());
    }
}
