package io.kubeims.cscf.app;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kubeims.cscf.*} read into {@link CscfSettings}: the defaults documented in application.properties, and every
 * refused setting named by its full key (the message the application stops with).
 */
class CscfSettingsTest {

    /** The smallest I-CSCF configuration: role, domain, where to listen and where the HSS is. */
    private static Map<String, String> icscf() {
        Map<String, String> properties = new HashMap<>();
        properties.put("kubeims.cscf.role", "icscf");
        properties.put("kubeims.cscf.home-domain", "ims.example.com");
        properties.put("kubeims.cscf.sip.bind-address", "127.0.0.1");
        properties.put("kubeims.cscf.diameter.hss-address", "127.0.0.1");
        return properties;
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> properties = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                properties.remove(keyValues[i]);
            } else {
                properties.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return properties;
    }

    private static CscfSettings read(Map<String, String> properties) {
        return CscfSettings.from(ConfigSources.cscf(properties));
    }

    private static String refusedKey(Map<String, String> properties) {
        InvalidCscfConfigException e = assertThrows(InvalidCscfConfigException.class, () -> read(properties));
        assertTrue(e.getMessage().startsWith(e.key() + ": "), e.getMessage());
        return e.key();
    }

    @Test
    void icscfWithDefaults() {
        CscfSettings settings = read(icscf());
        assertEquals(CscfConfig.Role.ICSCF, settings.role());
        assertEquals("icscf", settings.sip().name());
        assertEquals("127.0.0.1", settings.sip().host());
        assertEquals(5060, settings.sip().port());
        CscfSettings.Diameter diameter = settings.diameter().orElseThrow();
        assertEquals("icscf.ims.example.com", diameter.originHost());
        assertEquals("ims.example.com", diameter.realm());
        assertEquals("hss.ims.example.com", diameter.hssHost());
        assertEquals(3868, diameter.port());
        assertEquals(3868, diameter.hssPort());
        assertEquals(Duration.ofSeconds(5), diameter.requestTimeout());
        assertEquals(List.of(), settings.icscf().orElseThrow().scscfPool());
        assertEquals(Duration.ofSeconds(30), settings.icscf().orElseThrow().retryAfter());
        assertEquals(CscfConfig.StoreMode.EMBEDDED, settings.store().mode());
        assertEquals(Optional.empty(), settings.store().dataDirectory());
        assertEquals("cscf-registrations", settings.store().names().registrations());
        assertEquals(new CscfSettings.Workers(8, 1000, Duration.ofSeconds(5)), settings.workers());
        assertTrue(settings.pcscf().isEmpty() && settings.scscf().isEmpty());
    }

    @Test
    void aWildcardBindAddressBindsTheAdvertisedHost() {
        CscfSettings settings = read(with(icscf(), "kubeims.cscf.sip.bind-address", "0.0.0.0",
                "kubeims.cscf.sip.advertised-host", "10.1.2.3", "kubeims.cscf.sip.aliases",
                "icscf.telco.svc.cluster.local:5070"));
        assertEquals("10.1.2.3", settings.sip().host());
        assertEquals(List.of("icscf.telco.svc.cluster.local:5070"), settings.sip().aliases());
        assertEquals("kubeims.cscf.sip.advertised-host",
                refusedKey(with(icscf(), "kubeims.cscf.sip.bind-address", "0.0.0.0")));
        assertEquals("kubeims.cscf.sip.advertised-host", refusedKey(with(icscf(),
                "kubeims.cscf.sip.advertised-host", "10.9.9.9")));
    }

    @Test
    void pcscfAndScscfSectionsAreReadForTheirRoles() {
        CscfSettings pcscf = read(with(icscf(), "kubeims.cscf.role", "pcscf",
                "kubeims.cscf.pcscf.icscf-uri", "sip:icscf.ims.example.com:5070;lr",
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr"));
        assertEquals(new CscfSettings.Pcscf("sip:icscf.ims.example.com:5070;lr",
                "sip:term@pcscf.ims.example.com:5060;lr", "ims.example.com"), pcscf.pcscf().orElseThrow());
        assertTrue(pcscf.diameter().isEmpty(), "the P-CSCF speaks no Cx");

        CscfSettings scscf = read(with(icscf(), "kubeims.cscf.role", "scscf",
                "kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060",
                "kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr",
                "kubeims.cscf.scscf.trusted-pcscfs", "PCSCF.ims.example.com:5060,10.0.0.7",
                "kubeims.cscf.scscf.default-auth-scheme", "digest-aka-v1-md5",
                "kubeims.cscf.scscf.enum.server", "10.1.2.53:5353",
                "kubeims.cscf.store.data-dir", "/var/lib/kube-ims/scscf"));
        CscfSettings.Scscf s = scscf.scscf().orElseThrow();
        assertEquals(60, s.minExpires());
        assertEquals(3600, s.defaultExpires());
        assertEquals(600000, s.maxExpires());
        assertEquals(3, s.maxAuthAttempts());
        assertEquals(Duration.ofSeconds(40), s.challengeLifetime());
        assertEquals(List.of("pcscf.ims.example.com:5060", "10.0.0.7"), s.trustedPcscfs());
        assertEquals(SipAuthenticationScheme.DIGEST_AKA_V1_MD5, s.defaultAuthScheme());
        assertEquals("10.1.2.53", s.enumLookup().orElseThrow().host());
        assertEquals(5353, s.enumLookup().orElseThrow().port());
        assertEquals("e164.arpa", s.enumLookup().orElseThrow().suffix().domain());
        assertEquals(Optional.of(Path.of("/var/lib/kube-ims/scscf")), scscf.store().dataDirectory());
        assertEquals("scscf.ims.example.com", scscf.diameter().orElseThrow().originHost());
    }

    @Test
    void eachRefusedSettingIsNamed() {
        Map<String, String> base = icscf();
        assertEquals("kubeims.cscf.home-domain", refusedKey(with(base, "kubeims.cscf.home-domain", "localhost")));
        assertEquals("kubeims.cscf.sip.bind-address",
                refusedKey(with(base, "kubeims.cscf.sip.bind-address", "sip.example.com")));
        assertEquals("kubeims.cscf.sip.port", refusedKey(with(base, "kubeims.cscf.sip.port", "70000")));
        assertEquals("kubeims.cscf.sip.transports", refusedKey(with(base, "kubeims.cscf.sip.transports", "udp")));
        assertEquals("kubeims.cscf.sip.transports",
                refusedKey(with(base, "kubeims.cscf.sip.transports", "udp,tcp,tls")));
        assertEquals("kubeims.cscf.sip.aliases", refusedKey(with(base, "kubeims.cscf.sip.aliases", "a b")));
        assertEquals("kubeims.cscf.workers.threads", refusedKey(with(base, "kubeims.cscf.workers.threads", "0")));
        assertEquals("kubeims.cscf.workers.queue-size",
                refusedKey(with(base, "kubeims.cscf.workers.queue-size", "0")));
        assertEquals("kubeims.cscf.diameter.origin-host",
                refusedKey(with(base, "kubeims.cscf.diameter.origin-host", "icscf_1.example.com")));
        assertEquals("kubeims.cscf.diameter.realm", refusedKey(with(base, "kubeims.cscf.diameter.realm", "a..b")));
        assertEquals("kubeims.cscf.diameter.bind-address",
                refusedKey(with(base, "kubeims.cscf.diameter.bind-address", "256.0.0.1")));
        assertEquals("kubeims.cscf.diameter.port", refusedKey(with(base, "kubeims.cscf.diameter.port", "-1")));
        assertEquals("kubeims.cscf.diameter.hss-address",
                refusedKey(with(base, "kubeims.cscf.diameter.hss-address", null)));
        assertEquals("kubeims.cscf.diameter.hss-address",
                refusedKey(with(base, "kubeims.cscf.diameter.hss-address", "hss service")));
        assertEquals("kubeims.cscf.diameter.hss-port", refusedKey(with(base, "kubeims.cscf.diameter.hss-port", "0")));
        assertEquals("kubeims.cscf.diameter.request-timeout",
                refusedKey(with(base, "kubeims.cscf.diameter.request-timeout", "0s")));
        assertEquals("kubeims.cscf.store.cache-prefix",
                refusedKey(with(base, "kubeims.cscf.store.cache-prefix", "a/b")));
        assertEquals("kubeims.cscf.scscf.challenge-lifetime",
                refusedKey(with(base, "kubeims.cscf.scscf.challenge-lifetime", "1h")));
        assertEquals("kubeims.cscf.icscf.scscf-pool",
                refusedKey(with(base, "kubeims.cscf.icscf.scscf-pool", "tel:+15551234567")));
        assertEquals("kubeims.cscf.icscf.scscf-pool", refusedKey(with(base, "kubeims.cscf.icscf.scscf-pool",
                "sip:scscf.ims.example.com:6060,sip:SCSCF.ims.example.com:6060")));
        assertEquals("kubeims.cscf.icscf.retry-after",
                refusedKey(with(base, "kubeims.cscf.icscf.retry-after", "2h")));
    }

    @Test
    void roleSectionsAreCheckedForTheirRole() {
        Map<String, String> pcscf = with(icscf(), "kubeims.cscf.role", "pcscf",
                "kubeims.cscf.pcscf.icscf-uri", "sip:icscf.ims.example.com:5070;lr",
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr");
        assertEquals("kubeims.cscf.pcscf.icscf-uri", refusedKey(with(pcscf, "kubeims.cscf.pcscf.icscf-uri", null)));
        assertEquals("kubeims.cscf.pcscf.path-uri",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060")));
        assertEquals("kubeims.cscf.pcscf.visited-network-id",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.visited-network-id", "two words")));

        Map<String, String> scscf = with(icscf(), "kubeims.cscf.role", "scscf",
                "kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060",
                "kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr");
        assertEquals("kubeims.cscf.scscf.server-name", refusedKey(with(scscf, "kubeims.cscf.scscf.server-name",
                "sips:scscf.ims.example.com")));
        assertEquals("kubeims.cscf.scscf.service-route",
                refusedKey(with(scscf, "kubeims.cscf.scscf.service-route", null)));
        assertEquals("kubeims.cscf.scscf.default-expires",
                refusedKey(with(scscf, "kubeims.cscf.scscf.default-expires", "30")));
        assertEquals("kubeims.cscf.scscf.max-expires",
                refusedKey(with(scscf, "kubeims.cscf.scscf.max-expires", "1800")));
        assertEquals("kubeims.cscf.scscf.max-auth-attempts",
                refusedKey(with(scscf, "kubeims.cscf.scscf.max-auth-attempts", "0")));
        assertEquals("kubeims.cscf.scscf.trusted-pcscfs",
                refusedKey(with(scscf, "kubeims.cscf.scscf.trusted-pcscfs", "sip:pcscf")));
        assertEquals("kubeims.cscf.scscf.reg-event.max-expires",
                refusedKey(with(scscf, "kubeims.cscf.scscf.reg-event.max-expires", "10")));
        assertEquals("kubeims.cscf.scscf.enum.server",
                refusedKey(with(scscf, "kubeims.cscf.scscf.enum.server", "dns.example.com:99999")));
        assertEquals("kubeims.cscf.scscf.enum.suffix",
                refusedKey(with(scscf, "kubeims.cscf.scscf.enum.suffix", "e164 arpa")));
        assertEquals("kubeims.cscf.scscf.breakout-uri",
                refusedKey(with(scscf, "kubeims.cscf.scscf.breakout-uri", "mgcf.example.com")));
        // the I-CSCF does not read the S-CSCF's section
        read(with(icscf(), "kubeims.cscf.scscf.max-expires", "1800"));
    }

    @Test
    void hotRodStore() {
        Map<String, String> hotRod = with(icscf(), "kubeims.cscf.store.mode", "hotrod");
        assertEquals("kubeims.cscf.store.hotrod.uri", refusedKey(hotRod));
        assertEquals("kubeims.cscf.store.hotrod.uri",
                refusedKey(with(hotRod, "kubeims.cscf.store.hotrod.uri", "http://infinispan:11222")));
        assertEquals("kubeims.cscf.store.hotrod.servers",
                refusedKey(with(hotRod, "kubeims.cscf.store.hotrod.servers", "infinispan 0:11222")));
        InvalidCscfConfigException noUser = assertThrows(InvalidCscfConfigException.class, () -> read(with(hotRod,
                "kubeims.cscf.store.hotrod.servers", "infinispan-0:11222",
                "kubeims.cscf.store.hotrod.password", "pw-never-shown")));
        assertEquals("kubeims.cscf.store.hotrod.password", noUser.key());
        assertFalse(noUser.getMessage().contains("pw-never-shown"), noUser.getMessage());

        CscfSettings settings = read(with(hotRod, "kubeims.cscf.store.hotrod.servers", "infinispan-0:11222,[::1]:11222",
                "kubeims.cscf.store.hotrod.username", "cscf", "kubeims.cscf.store.hotrod.password", "pw-never-shown"));
        CscfSettings.HotRodServer server = settings.store().hotRod().orElseThrow();
        assertEquals(List.of("infinispan-0:11222", "[::1]:11222"), server.servers());
        assertFalse(server.toString().contains("pw-never-shown"), server.toString());
        assertFalse(settings.toString().contains("pw-never-shown"), "settings toString shows no password");
        CscfSettings.HotRodServer withCredentialsInUri = new CscfSettings.HotRodServer(
                Optional.of("hotrod://admin:uri-secret@infinispan:11222"), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertFalse(withCredentialsInUri.toString().contains("uri-secret"), withCredentialsInUri.toString());
    }

    @Test
    void mappingErrorsNameTheKeyToo() {
        Map<String, String> noRole = with(icscf(), "kubeims.cscf.role", null);
        RuntimeException missing = assertThrows(RuntimeException.class, () -> read(noRole));
        assertTrue(missing.getMessage().contains("kubeims.cscf.role"), missing.getMessage());
        RuntimeException badRole = assertThrows(RuntimeException.class,
                () -> read(with(icscf(), "kubeims.cscf.role", "bgcf")));
        assertTrue(badRole.getMessage().contains("kubeims.cscf.role"), badRole.getMessage());
        RuntimeException unknown = assertThrows(RuntimeException.class,
                () -> read(with(icscf(), "kubeims.cscf.sip.prot", "5060")));
        assertTrue(unknown.getMessage().contains("kubeims.cscf.sip.prot"), unknown.getMessage());
    }

    @Test
    void rolesNotWiredYetAreRefusedByName() {
        CscfSettings pcscf = read(with(icscf(), "kubeims.cscf.role", "pcscf",
                "kubeims.cscf.pcscf.icscf-uri", "sip:icscf.ims.example.com:5070;lr",
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr"));
        InvalidCscfConfigException e = assertThrows(InvalidCscfConfigException.class,
                () -> CscfRoles.forSettings(pcscf));
        assertEquals("kubeims.cscf.role", e.key());
        assertTrue(e.getMessage().contains("pcscf is not wired"), e.getMessage());
        assertTrue(CscfRoles.forSettings(read(icscf())) instanceof IcscfRole);
    }
}
