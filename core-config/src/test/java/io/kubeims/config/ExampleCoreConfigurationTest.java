package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/examples/imscore.yaml (ims-lab, domain ims.example.com, one replica each, embedded store, ENUM and
 * breakout) derives, key by key, the configuration the rules of DESIGN.md and the CSCF/HSS images call for. The
 * expected values are written out from those rules (pool names, ports, identities), not copied from a run.
 */
class ExampleCoreConfigurationTest {

    private static final String NAMESPACE = "telco";
    private static final String SCSCF_POOL_HOST = "ims-lab-scscf.telco.svc.cluster.local";
    private static final String DATA = "/srv/kube-ims-local";

    private static CoreConfiguration kubernetes() {
        return CoreConfiguration.derive(ExampleManifests.imsCoreIn(NAMESPACE), Placement.kubernetes());
    }

    private static CoreConfiguration local() {
        return CoreConfiguration.derive(ExampleManifests.imsCore(), Placement.local(DATA));
    }

    @Test
    void theExampleParsesAsWritten() {
        ImsCore core = ExampleManifests.imsCore();
        assertEquals("ims-lab", core.getMetadata().getName());
        assertEquals("ims.example.com", core.getSpec().getDomain());
    }

    // ---- Kubernetes ----

    @Test
    void kubernetesHss() {
        FunctionConfiguration hss = kubernetes().function(NetworkFunction.HSS);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.hss.realm", "ims.example.com"),
                Map.entry("kubeims.hss.diameter.origin-host", "ims-lab-hss.telco.svc.cluster.local"),
                Map.entry("kubeims.hss.diameter.bind-address", "0.0.0.0"),
                Map.entry("kubeims.hss.diameter.port", "3868"),
                Map.entry("kubeims.hss.cx.scscf-pool", "sip:" + SCSCF_POOL_HOST + ":6060"),
                Map.entry("kubeims.hss.api.token-file", "/var/run/secrets/kube-ims/hss-api/token"),
                Map.entry("kubeims.hss.store.mode", "embedded"),
                Map.entry("kubeims.hss.store.data-dir", "/var/lib/kube-ims/hss"),
                Map.entry("kubeims.hss.store.cache-prefix", "telco.ims-lab.hss"),
                Map.entry("quarkus.http.port", "8080")), hss.properties());
        assertEquals(List.of(new SecretFile("/var/run/secrets/kube-ims/hss-api/token", "ims-lab-hss-api-token",
                "token")), hss.secretFiles());
        assertEquals(List.of(), hss.environment());
        assertEquals(List.of(new FunctionPort("diameter", FunctionPort.Protocol.TCP, 3868),
                new FunctionPort("http", FunctionPort.Protocol.TCP, 8080)), hss.ports());
        assertEquals(Optional.of("/var/lib/kube-ims/hss"), hss.dataDirectory());
    }

    @Test
    void kubernetesPcscf() {
        FunctionConfiguration pcscf = kubernetes().function(NetworkFunction.PCSCF);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "pcscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "0.0.0.0"),
                Map.entry("kubeims.cscf.sip.advertised-host", "${POD_IP}"),
                Map.entry("kubeims.cscf.sip.port", "5060"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                Map.entry("kubeims.cscf.sip.aliases", "ims-lab-pcscf.telco.svc.cluster.local:5060"),
                Map.entry("kubeims.cscf.pcscf.icscf-uri", "sip:ims-lab-icscf.telco.svc.cluster.local:5070;lr"),
                Map.entry("kubeims.cscf.pcscf.path-uri", "sip:term@ims-lab-pcscf.telco.svc.cluster.local:5060;lr"),
                Map.entry("kubeims.cscf.pcscf.visited-network-id", "ims.example.com"),
                Map.entry("kubeims.cscf.pcscf.flow-token-key-file", "/var/run/secrets/kube-ims/pcscf-flow-token/key"),
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.data-dir", "/var/lib/kube-ims/pcscf"),
                Map.entry("kubeims.cscf.store.cache-prefix", "telco.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8080")), pcscf.properties());
        assertEquals(List.of(new EnvironmentVariable("POD_IP", new EnvironmentVariable.PodField("status.podIP"))),
                pcscf.environment());
        // RFC 5626 5.2: one flow-token key for all replicas, from a Secret the operator generates
        assertEquals(List.of(new SecretFile("/var/run/secrets/kube-ims/pcscf-flow-token/key",
                "ims-lab-pcscf-flow-token", "key")), pcscf.secretFiles());
        assertEquals(List.of(new FunctionPort("sip-udp", FunctionPort.Protocol.UDP, 5060),
                new FunctionPort("sip-tcp", FunctionPort.Protocol.TCP, 5060),
                new FunctionPort("http", FunctionPort.Protocol.TCP, 8080)), pcscf.ports());
    }

    @Test
    void kubernetesIcscf() {
        FunctionConfiguration icscf = kubernetes().function(NetworkFunction.ICSCF);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "icscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "0.0.0.0"),
                Map.entry("kubeims.cscf.sip.advertised-host", "${POD_IP}"),
                Map.entry("kubeims.cscf.sip.port", "5070"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                Map.entry("kubeims.cscf.sip.aliases", "ims-lab-icscf.telco.svc.cluster.local:5070"),
                Map.entry("kubeims.cscf.diameter.origin-host", "${POD_NAME}.ims-lab-icscf.telco.svc.cluster.local"),
                Map.entry("kubeims.cscf.diameter.realm", "ims.example.com"),
                Map.entry("kubeims.cscf.diameter.bind-address", "0.0.0.0"),
                Map.entry("kubeims.cscf.diameter.port", "3868"),
                Map.entry("kubeims.cscf.diameter.hss-host", "ims-lab-hss.telco.svc.cluster.local"),
                Map.entry("kubeims.cscf.diameter.hss-address", "ims-lab-hss.telco.svc.cluster.local"),
                Map.entry("kubeims.cscf.diameter.hss-port", "3868"),
                Map.entry("kubeims.cscf.icscf.scscf-pool", "sip:" + SCSCF_POOL_HOST + ":6060"),
                // the I-CSCF keeps no state: memory only, whatever the spec's store
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.cache-prefix", "telco.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8080")), icscf.properties());
        assertEquals(List.of(new EnvironmentVariable("POD_IP", new EnvironmentVariable.PodField("status.podIP")),
                new EnvironmentVariable("POD_NAME", new EnvironmentVariable.PodField("metadata.name"))),
                icscf.environment());
        assertEquals(Optional.empty(), icscf.dataDirectory());
    }

    @Test
    void kubernetesScscf() {
        FunctionConfiguration scscf = kubernetes().function(NetworkFunction.SCSCF);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "scscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "0.0.0.0"),
                Map.entry("kubeims.cscf.sip.advertised-host", "${POD_IP}"),
                Map.entry("kubeims.cscf.sip.port", "6060"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                Map.entry("kubeims.cscf.sip.aliases", SCSCF_POOL_HOST + ":6060"),
                // the HSS finds the replicas of pool H as the peers whose Origin-Host ends in ".H" (ims-cx ScscfPool)
                Map.entry("kubeims.cscf.diameter.origin-host", "${POD_NAME}." + SCSCF_POOL_HOST),
                Map.entry("kubeims.cscf.diameter.realm", "ims.example.com"),
                Map.entry("kubeims.cscf.diameter.bind-address", "0.0.0.0"),
                Map.entry("kubeims.cscf.diameter.port", "3868"),
                Map.entry("kubeims.cscf.diameter.hss-host", "ims-lab-hss.telco.svc.cluster.local"),
                Map.entry("kubeims.cscf.diameter.hss-address", "ims-lab-hss.telco.svc.cluster.local"),
                Map.entry("kubeims.cscf.diameter.hss-port", "3868"),
                Map.entry("kubeims.cscf.scscf.server-name", "sip:" + SCSCF_POOL_HOST + ":6060"),
                Map.entry("kubeims.cscf.scscf.service-route", "sip:orig@" + SCSCF_POOL_HOST + ":6060;lr"),
                Map.entry("kubeims.cscf.scscf.trusted-pcscfs", "ims-lab-pcscf.telco.svc.cluster.local:5060"),
                Map.entry("kubeims.cscf.scscf.pcscf-required", "true"),
                Map.entry("kubeims.cscf.scscf.enum.server", "127.0.0.1:5353"),
                Map.entry("kubeims.cscf.scscf.enum.suffix", "e164.arpa"),
                Map.entry("kubeims.cscf.scscf.breakout-uri", "sip:breakout.ims.example.com;lr"),
                Map.entry("kubeims.cscf.scscf.icscf-uri", "sip:ims-lab-icscf.telco.svc.cluster.local:5070;lr"),
                Map.entry("kubeims.cscf.scscf.odi-key-file", "/var/run/secrets/kube-ims/scscf-odi/key"),
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.data-dir", "/var/lib/kube-ims/scscf"),
                Map.entry("kubeims.cscf.store.cache-prefix", "telco.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8080")), scscf.properties());
        assertEquals(List.of(new FunctionPort("sip-udp", FunctionPort.Protocol.UDP, 6060),
                new FunctionPort("sip-tcp", FunctionPort.Protocol.TCP, 6060),
                new FunctionPort("diameter", FunctionPort.Protocol.TCP, 3868),
                new FunctionPort("http", FunctionPort.Protocol.TCP, 8080)), scscf.ports());
    }

    @Test
    void theGeneratedKeysAreSecretFilesOfTheirFunctionInBothPlacements() {
        // Kubernetes: the Secret the operator generates, mounted; locally: the file local mode generates
        assertEquals(List.of(new SecretFile(DATA + "/secrets/pcscf-flow-token-key", "ims-lab-pcscf-flow-token",
                "key")), local().function(NetworkFunction.PCSCF).secretFiles());
        assertEquals(List.of(new SecretFile(DATA + "/secrets/scscf-odi-key", "ims-lab-scscf-odi", "key")),
                local().function(NetworkFunction.SCSCF).secretFiles());
        assertEquals(Optional.of(DATA + "/secrets/scscf-odi-key"),
                local().function(NetworkFunction.SCSCF).property(CscfKeys.SCSCF_ODI_KEY_FILE));
        assertEquals("/var/run/secrets/kube-ims/pcscf-flow-token/key",
                GeneratedKey.PCSCF_FLOW_TOKEN.file(Placement.kubernetes()));
        assertEquals("/var/run/secrets/kube-ims/scscf-odi/key", GeneratedKey.SCSCF_ODI.file(Placement.kubernetes()));
        assertEquals(List.of(), local().function(NetworkFunction.ICSCF).secretFiles());
    }

    @Test
    void theScscfSendsOriginatingRequestsForTheHomeDomainToTheIcscfPool() {
        assertEquals(Optional.of("sip:127.0.0.1:" + local().function(NetworkFunction.ICSCF)
                        .property(CscfKeys.SIP_PORT).orElseThrow() + ";lr"),
                local().function(NetworkFunction.SCSCF).property(CscfKeys.SCSCF_ICSCF_URI));
    }

    @Test
    void theExampleHasNoWarnings() {
        assertEquals(List.of(), kubernetes().warnings());
        assertEquals(List.of(), local().warnings());
    }

    // ---- local ----

    @Test
    void localHss() {
        FunctionConfiguration hss = local().function(NetworkFunction.HSS);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.hss.realm", "ims.example.com"),
                Map.entry("kubeims.hss.diameter.origin-host", "hss.ims.example.com"),
                Map.entry("kubeims.hss.diameter.bind-address", "127.0.0.1"),
                Map.entry("kubeims.hss.diameter.port", "3868"),
                Map.entry("kubeims.hss.cx.scscf-pool", "sip:127.0.0.1:6060"),
                Map.entry("kubeims.hss.api.token-file", DATA + "/secrets/hss-api-token"),
                Map.entry("kubeims.hss.store.mode", "embedded"),
                Map.entry("kubeims.hss.store.data-dir", DATA + "/hss"),
                Map.entry("kubeims.hss.store.cache-prefix", "default.ims-lab.hss"),
                Map.entry("quarkus.http.port", "8080"),
                Map.entry("quarkus.http.host", "127.0.0.1")), hss.properties());
        assertEquals(List.of(new SecretFile(DATA + "/secrets/hss-api-token", "ims-lab-hss-api-token", "token")),
                hss.secretFiles());
    }

    @Test
    void localPcscf() {
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "pcscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.advertised-host", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.port", "5060"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                Map.entry("kubeims.cscf.pcscf.icscf-uri", "sip:127.0.0.1:5070;lr"),
                Map.entry("kubeims.cscf.pcscf.path-uri", "sip:term@127.0.0.1:5060;lr"),
                Map.entry("kubeims.cscf.pcscf.visited-network-id", "ims.example.com"),
                Map.entry("kubeims.cscf.pcscf.flow-token-key-file", DATA + "/secrets/pcscf-flow-token-key"),
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.data-dir", DATA + "/pcscf"),
                Map.entry("kubeims.cscf.store.cache-prefix", "default.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8081"),
                Map.entry("quarkus.http.host", "127.0.0.1")), local().function(NetworkFunction.PCSCF).properties());
    }

    @Test
    void localIcscf() {
        FunctionConfiguration icscf = local().function(NetworkFunction.ICSCF);
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "icscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.advertised-host", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.port", "5070"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                Map.entry("kubeims.cscf.diameter.origin-host", "icscf.ims.example.com"),
                Map.entry("kubeims.cscf.diameter.realm", "ims.example.com"),
                Map.entry("kubeims.cscf.diameter.bind-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.diameter.port", "3869"),
                Map.entry("kubeims.cscf.diameter.hss-host", "hss.ims.example.com"),
                Map.entry("kubeims.cscf.diameter.hss-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.diameter.hss-port", "3868"),
                Map.entry("kubeims.cscf.icscf.scscf-pool", "sip:127.0.0.1:6060"),
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.cache-prefix", "default.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8082"),
                Map.entry("quarkus.http.host", "127.0.0.1")), icscf.properties());
        assertEquals(List.of(), icscf.environment());
    }

    @Test
    void localScscf() {
        assertEquals(Map.ofEntries(
                Map.entry("kubeims.cscf.role", "scscf"),
                Map.entry("kubeims.cscf.home-domain", "ims.example.com"),
                Map.entry("kubeims.cscf.sip.bind-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.advertised-host", "127.0.0.1"),
                Map.entry("kubeims.cscf.sip.port", "6060"),
                Map.entry("kubeims.cscf.sip.transports", "udp,tcp"),
                // pool host 127.0.0.1: its replica's Origin-Host ends in ".127.0.0.1"
                Map.entry("kubeims.cscf.diameter.origin-host", "scscf.127.0.0.1"),
                Map.entry("kubeims.cscf.diameter.realm", "ims.example.com"),
                Map.entry("kubeims.cscf.diameter.bind-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.diameter.port", "3870"),
                Map.entry("kubeims.cscf.diameter.hss-host", "hss.ims.example.com"),
                Map.entry("kubeims.cscf.diameter.hss-address", "127.0.0.1"),
                Map.entry("kubeims.cscf.diameter.hss-port", "3868"),
                Map.entry("kubeims.cscf.scscf.server-name", "sip:127.0.0.1:6060"),
                Map.entry("kubeims.cscf.scscf.service-route", "sip:orig@127.0.0.1:6060;lr"),
                Map.entry("kubeims.cscf.scscf.trusted-pcscfs", "127.0.0.1:5060"),
                Map.entry("kubeims.cscf.scscf.pcscf-required", "true"),
                Map.entry("kubeims.cscf.scscf.enum.server", "127.0.0.1:5353"),
                Map.entry("kubeims.cscf.scscf.enum.suffix", "e164.arpa"),
                Map.entry("kubeims.cscf.scscf.breakout-uri", "sip:breakout.ims.example.com;lr"),
                Map.entry("kubeims.cscf.scscf.icscf-uri", "sip:127.0.0.1:5070;lr"),
                Map.entry("kubeims.cscf.scscf.odi-key-file", DATA + "/secrets/scscf-odi-key"),
                Map.entry("kubeims.cscf.store.mode", "embedded"),
                Map.entry("kubeims.cscf.store.data-dir", DATA + "/scscf"),
                Map.entry("kubeims.cscf.store.cache-prefix", "default.ims-lab.cscf"),
                Map.entry("quarkus.http.port", "8083"),
                Map.entry("quarkus.http.host", "127.0.0.1")), local().function(NetworkFunction.SCSCF).properties());
    }

    @Test
    void aLocalPcscfPortOverridesTheSpecEverywhereItIsNamed() {
        CoreConfiguration core = CoreConfiguration.derive(ExampleManifests.imsCore(), Placement.local(DATA, 15060));
        assertEquals("15060", core.function(NetworkFunction.PCSCF).properties().get("kubeims.cscf.sip.port"));
        assertEquals("sip:term@127.0.0.1:15060;lr",
                core.function(NetworkFunction.PCSCF).properties().get("kubeims.cscf.pcscf.path-uri"));
        assertEquals("127.0.0.1:15060",
                core.function(NetworkFunction.SCSCF).properties().get("kubeims.cscf.scscf.trusted-pcscfs"));
    }

    // ---- text ----

    @Test
    void applicationPropertiesTextReadsBackAsTheProperties() throws IOException {
        for (CoreConfiguration core : List.of(kubernetes(), local())) {
            for (FunctionConfiguration function : core.functions().values()) {
                assertEquals(function.properties(), load(function.asApplicationProperties()), function.function()
                        + " in " + core.placement());
            }
        }
    }

    @Test
    void awkwardValuesSurviveTheText() throws IOException {
        Map<String, String> awkward = Map.of(
                "a.key", " leading space and trailing ",
                "b.key", "=starts with equals: and has # and !",
                "c.key", "line\nbreak\tand\\backslash",
                "d.key", "caf\u00e9 \u2603",
                "e.key", "${POD_IP}");
        FunctionConfiguration function = new FunctionConfiguration(NetworkFunction.SCSCF, new java.util.TreeMap<>(
                awkward), List.of(), List.of(), List.of(), Optional.empty());
        String text = function.asApplicationProperties();
        assertEquals(awkward, load(text));
        assertTrue(text.contains("e.key=${POD_IP}\n"), "expressions stay readable for Quarkus: " + text);
    }

    private static Map<String, String> load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
