package io.kubeims.cscf.app;

import io.kubeims.cscf.scscf.regevent.RegEventSettings;
import io.kubeims.cscf.scscf.registrar.ScscfSettings;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistrationSettings;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr",
                "kubeims.cscf.pcscf.flow-token-key-file", "/var/run/secrets/kube-ims/pcscf-flow-token/key"));
        assertEquals(new CscfSettings.Pcscf("sip:icscf.ims.example.com:5070;lr",
                "sip:pcscf.ims.example.com:5060;lr", "ims.example.com", "ims.example.com",
                Path.of("/var/run/secrets/kube-ims/pcscf-flow-token/key")), pcscf.pcscf().orElseThrow());
        assertTrue(pcscf.diameter().isEmpty(), "the P-CSCF speaks no Cx");
        // Routes to the Path URI's host:port are the node's own, whatever the aliases say
        assertEquals(List.of("pcscf.ims.example.com:5060"), pcscf.sip().aliases());

        CscfSettings scscf = read(with(icscf(), "kubeims.cscf.role", "scscf",
                "kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060",
                "kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr",
                "kubeims.cscf.scscf.trusted-pcscfs", "PCSCF.ims.example.com:5060,10.0.0.7",
                "kubeims.cscf.scscf.default-auth-scheme", "digest-aka-v1-md5",
                "kubeims.cscf.scscf.enum.server", "10.1.2.53:5353",
                "kubeims.cscf.store.data-dir", "/var/lib/kube-ims/scscf"));
        CscfSettings.Scscf s = scscf.scscf().orElseThrow();
        ScscfSettings registrar = s.registrar();
        assertEquals("ims.example.com", registrar.homeDomain());
        assertEquals("sip:scscf.ims.example.com:6060", registrar.serverName());
        assertEquals("sip:orig@scscf.ims.example.com:6060;lr", registrar.serviceRoute());
        assertEquals(Duration.ofSeconds(60), registrar.minExpires());
        assertEquals(Duration.ofSeconds(3600), registrar.defaultExpires());
        assertEquals(Duration.ofSeconds(600000), registrar.maxExpires());
        assertEquals(3, registrar.maxAuthAttempts());
        assertEquals(Duration.ofSeconds(40), registrar.challengeLifetime());
        // the registrar compares the host of the topmost Path: ports are dropped
        assertEquals(Set.of("pcscf.ims.example.com", "10.0.0.7"), registrar.trustedPcscfs());
        assertTrue(registrar.pcscfRequired(), "required by default once a P-CSCF is trusted");
        assertEquals(SipAuthenticationScheme.DIGEST_AKA_V1_MD5, registrar.defaultAuthScheme());
        assertEquals(Duration.ofSeconds(5), registrar.retryAfter());
        RegEventSettings regEvent = s.regEvent();
        assertEquals(Duration.ofSeconds(60), regEvent.minExpires());
        assertEquals(Duration.ofSeconds(7200), regEvent.maxExpires());
        assertEquals(Duration.ofSeconds(3761), regEvent.defaultExpires());
        assertEquals(List.of("pcscf.ims.example.com", "10.0.0.7"), regEvent.trustedPcscfHosts());
        assertEquals("sip:scscf.ims.example.com:6060", regEvent.notifierContact(), "the pool by default");
        assertEquals(Duration.ofSeconds(32), regEvent.notifyTimeout());
        assertEquals(new ThirdPartyRegistrationSettings("sip:scscf.ims.example.com:6060", "ims.example.com",
                Duration.ofSeconds(32)), s.thirdParty());
        assertEquals("10.1.2.53", s.enumLookup().orElseThrow().host());
        assertEquals(5353, s.enumLookup().orElseThrow().port());
        assertEquals("e164.arpa", s.enumLookup().orElseThrow().suffix().domain());
        assertEquals(Optional.of(Path.of("/var/lib/kube-ims/scscf")), scscf.store().dataDirectory());
        assertEquals("scscf.ims.example.com", scscf.diameter().orElseThrow().originHost());
        assertEquals(List.of("scscf.ims.example.com:6060"), scscf.sip().aliases());

        CscfSettings tuned = read(with(icscf(), "kubeims.cscf.role", "scscf",
                "kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060",
                "kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr",
                "kubeims.cscf.scscf.pcscf-required", "false",
                "kubeims.cscf.scscf.retry-after", "30s",
                "kubeims.cscf.scscf.reg-event.default-expires", "600",
                "kubeims.cscf.scscf.reg-event.notifier-contact", "sip:scscf-0.ims.example.com:6060",
                "kubeims.cscf.scscf.reg-event.notify-timeout", "5s",
                "kubeims.cscf.scscf.third-party.response-timeout", "4s",
                "kubeims.cscf.sip.aliases", "SCSCF.ims.example.com:6060"));
        CscfSettings.Scscf t = tuned.scscf().orElseThrow();
        assertFalse(t.registrar().pcscfRequired());
        assertEquals(Set.of(), t.registrar().trustedPcscfs());
        assertEquals(Duration.ofSeconds(30), t.registrar().retryAfter());
        assertEquals(Duration.ofSeconds(600), t.regEvent().defaultExpires());
        assertEquals("sip:scscf-0.ims.example.com:6060", t.regEvent().notifierContact());
        assertEquals(Duration.ofSeconds(5), t.regEvent().notifyTimeout());
        assertEquals(Duration.ofSeconds(4), t.thirdParty().responseTimeout());
        assertEquals(List.of("SCSCF.ims.example.com:6060"), tuned.sip().aliases(), "an alias is not repeated");
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
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr",
                "kubeims.cscf.pcscf.flow-token-key-file", "/run/key");
        read(pcscf);
        assertEquals("kubeims.cscf.pcscf.icscf-uri", refusedKey(with(pcscf, "kubeims.cscf.pcscf.icscf-uri", null)));
        assertEquals("kubeims.cscf.pcscf.path-uri",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060")));
        assertEquals("kubeims.cscf.pcscf.visited-network-id",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.visited-network-id", "two words")));
        assertEquals("kubeims.cscf.pcscf.orig-ioi",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.orig-ioi", "ims;example")));
        assertEquals("kubeims.cscf.pcscf.flow-token-key-file",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.flow-token-key-file", null)));
        assertEquals("kubeims.cscf.pcscf.flow-token-key-file",
                refusedKey(with(pcscf, "kubeims.cscf.pcscf.flow-token-key-file", " ")));

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
        assertEquals("kubeims.cscf.scscf.reg-event.default-expires",
                refusedKey(with(scscf, "kubeims.cscf.scscf.reg-event.default-expires", "10")));
        assertEquals("kubeims.cscf.scscf.reg-event.notifier-contact",
                refusedKey(with(scscf, "kubeims.cscf.scscf.reg-event.notifier-contact", "scscf.example.com")));
        assertEquals("kubeims.cscf.scscf.reg-event.notify-timeout",
                refusedKey(with(scscf, "kubeims.cscf.scscf.reg-event.notify-timeout", "0s")));
        assertEquals("kubeims.cscf.scscf.third-party.response-timeout",
                refusedKey(with(scscf, "kubeims.cscf.scscf.third-party.response-timeout", "1h")));
        assertEquals("kubeims.cscf.scscf.retry-after",
                refusedKey(with(scscf, "kubeims.cscf.scscf.retry-after", "1500ms")));
        assertEquals("kubeims.cscf.scscf.trusted-pcscfs",
                refusedKey(with(scscf, "kubeims.cscf.scscf.pcscf-required", "true")));
        assertEquals("kubeims.cscf.scscf.min-expires",
                refusedKey(with(scscf, "kubeims.cscf.scscf.min-expires", "90000",
                        "kubeims.cscf.scscf.default-expires", "90000")));
        assertEquals("kubeims.cscf.scscf.default-auth-scheme",
                refusedKey(with(scscf, "kubeims.cscf.scscf.default-auth-scheme", "nass-bundled")));
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
    void everyRoleIsWired(@TempDir Path secrets) throws IOException {
        assertTrue(CscfRoles.forSettings(read(icscf())) instanceof IcscfRole);
        assertTrue(CscfRoles.forSettings(read(with(icscf(), "kubeims.cscf.role", "scscf",
                "kubeims.cscf.scscf.server-name", "sip:scscf.ims.example.com:6060",
                "kubeims.cscf.scscf.service-route", "sip:orig@scscf.ims.example.com:6060;lr"))) instanceof ScscfRole);
        Path key = secrets.resolve("pcscf-flow-token-key");
        Files.writeString(key, "dGhpcyBpcyBhIHRlc3Qga2V5IG9mIDMyIGJ5dGVzISE=\n");
        assertTrue(CscfRoles.forSettings(read(pcscf(key))) instanceof PcscfRole);
    }

    @Test
    void theFlowTokenKeyFileIsReadWhenTheRoleIsChosen(@TempDir Path secrets) throws IOException {
        String keyName = "kubeims.cscf.pcscf.flow-token-key-file";
        Path missing = secrets.resolve("absent");
        InvalidCscfConfigException absent = assertThrows(InvalidCscfConfigException.class,
                () -> CscfRoles.forSettings(read(pcscf(missing))));
        assertEquals(keyName, absent.key());
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());

        Path shortKey = secrets.resolve("short");
        String shortSecret = "only-31-bytes-of-key-material!!";
        Files.writeString(shortKey, shortSecret + "\r\n");
        InvalidCscfConfigException tooShort = assertThrows(InvalidCscfConfigException.class,
                () -> CscfRoles.forSettings(read(pcscf(shortKey))));
        assertEquals(keyName, tooShort.key());
        assertTrue(tooShort.getMessage().contains("holds 31 bytes; at least 32"), tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(shortSecret), "the key never appears in a message");

        // the trailing line break of a text file is not part of the key; anything else is
        Path withNewline = secrets.resolve("text");
        Files.writeString(withNewline, "0123456789abcdef0123456789abcdef\n");
        Path binary = secrets.resolve("binary");
        Files.write(binary, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(PcscfRole.readKey(binary), PcscfRole.readKey(withNewline));
        assertEquals(32, PcscfRole.readKey(binary).length);
    }

    private static Map<String, String> pcscf(Path keyFile) {
        return with(icscf(), "kubeims.cscf.role", "pcscf",
                "kubeims.cscf.pcscf.icscf-uri", "sip:icscf.ims.example.com:5070;lr",
                "kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr",
                "kubeims.cscf.pcscf.flow-token-key-file", keyFile.toString());
    }
}
