package io.kubeims.cscf.app;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.EnvironmentVariable;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import io.kubeims.config.SecretFile;
import io.kubeims.cscf.icscf.ScscfCandidate;
import io.kubeims.hss.app.HssSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What kube-ims-config derives from deploy/examples/imscore.yaml loads into this image's {@link CscfConfig} (and the
 * HSS's {@link HssSettings}) and passes {@link CscfSettings#from}: unknown keys would fail the mapping, so the
 * operator, local mode and the images cannot drift apart unnoticed.
 */
class DerivedConfigurationTest {

    private static final String DATA = "/srv/kube-ims-local";

    private static ImsCore example(String namespace) throws IOException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(module.getParent().resolve("deploy/examples/imscore.yaml"))) {
            ImsCore core = Serialization.unmarshal(in, ImsCore.class);
            core.getMetadata().setNamespace(namespace);
            return core;
        }
    }

    private static CscfSettings load(FunctionConfiguration function, Map<String, String> environment) {
        return CscfSettings.from(ConfigSources.cscf(cscfProperties(function), environment));
    }

    /** The {@code kubeims.cscf.*} part (quarkus.http.port is Quarkus's own). */
    private static Map<String, String> cscfProperties(FunctionConfiguration function) {
        Map<String, String> properties = new HashMap<>(function.properties());
        properties.keySet().removeIf(key -> !key.startsWith("kubeims.cscf."));
        return properties;
    }

    @Test
    void localIcscfLoadsAndValidates() throws IOException {
        CoreConfiguration core = CoreConfiguration.derive(example(null), Placement.local(DATA));
        CscfSettings icscf = load(core.function(NetworkFunction.ICSCF), Map.of());
        assertEquals(CscfConfig.Role.ICSCF, icscf.role());
        assertEquals("ims.example.com", icscf.homeDomain());
        assertEquals("127.0.0.1", icscf.sip().host());
        assertEquals(5070, icscf.sip().port());
        CscfSettings.Diameter diameter = icscf.diameter().orElseThrow();
        assertEquals("icscf.ims.example.com", diameter.originHost());
        assertEquals(3869, diameter.port());
        assertEquals("hss.ims.example.com", diameter.hssHost());
        assertEquals("127.0.0.1", diameter.hssAddress());
        assertEquals(3868, diameter.hssPort());
        assertEquals(List.of(new ScscfCandidate("sip:127.0.0.1:6060", Set.of())),
                icscf.icscf().orElseThrow().scscfPool());
        assertEquals(CscfConfig.StoreMode.EMBEDDED, icscf.store().mode());
        assertEquals(Optional.empty(), icscf.store().dataDirectory());
    }

    @Test
    void localPcscfAndScscfLoadAndValidate(@TempDir Path data) throws IOException {
        CoreConfiguration core = CoreConfiguration.derive(example(null), Placement.local(data.toString()));
        FunctionConfiguration pcscfFunction = core.function(NetworkFunction.PCSCF);
        CscfSettings pcscf = load(pcscfFunction, Map.of());
        Path keyFile = data.resolve("secrets").resolve("pcscf-flow-token-key");
        assertEquals(new CscfSettings.Pcscf("sip:127.0.0.1:5070;lr", "sip:127.0.0.1:5060;lr",
                "ims.example.com", "ims.example.com", keyFile), pcscf.pcscf().orElseThrow());
        assertEquals(Optional.of(data.resolve("pcscf")), pcscf.store().dataDirectory());
        // what local mode generates before starting the P-CSCF: the secret file core-config names
        assertEquals(List.of(keyFile.toString()), pcscfFunction.secretFiles().stream().map(SecretFile::path).toList());
        InvalidCscfConfigException notGenerated = assertThrows(InvalidCscfConfigException.class,
                () -> CscfRoles.forSettings(pcscf));
        assertEquals("kubeims.cscf.pcscf.flow-token-key-file", notGenerated.key());
        Files.createDirectories(keyFile.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(random));
        assertTrue(CscfRoles.forSettings(pcscf) instanceof PcscfRole);

        CscfSettings scscf = load(core.function(NetworkFunction.SCSCF), Map.of());
        CscfSettings.Scscf s = scscf.scscf().orElseThrow();
        assertEquals("sip:127.0.0.1:6060", s.registrar().serverName());
        assertEquals("sip:orig@127.0.0.1:6060;lr", s.registrar().serviceRoute());
        assertEquals(Set.of("127.0.0.1"), s.registrar().trustedPcscfs());
        assertTrue(s.registrar().pcscfRequired());
        assertEquals("sip:127.0.0.1:6060", s.regEvent().notifierContact());
        assertEquals("127.0.0.1", s.enumLookup().orElseThrow().host());
        assertEquals(5353, s.enumLookup().orElseThrow().port());
        assertEquals(Optional.of("sip:breakout.ims.example.com;lr"), s.breakoutUri());
        assertEquals("scscf.127.0.0.1", scscf.diameter().orElseThrow().originHost());
        assertTrue(CscfRoles.forSettings(scscf) instanceof ScscfRole);
    }

    @Test
    void kubernetesCscfsLoadWithTheirPodVariables() throws IOException {
        CoreConfiguration core = CoreConfiguration.derive(example("telco"), Placement.kubernetes());
        for (NetworkFunction role : List.of(NetworkFunction.PCSCF, NetworkFunction.ICSCF, NetworkFunction.SCSCF)) {
            FunctionConfiguration function = core.function(role);
            // what the downward API gives a pod, for every variable the configuration names
            Map<String, String> pod = function.environment().stream().collect(Collectors.toMap(
                    EnvironmentVariable::name, variable -> variable.name().equals("POD_IP") ? "10.42.0.17"
                            : "ims-lab-" + role.id() + "-7d9f8c-x2x7k"));
            CscfSettings settings = load(function, pod);
            assertEquals("10.42.0.17", settings.sip().host(), role::toString);
            assertTrue(settings.sip().aliases().contains("ims-lab-" + role.id() + ".telco.svc.cluster.local:"
                    + settings.sip().port()), settings.sip().aliases()::toString);
            settings.diameter().ifPresent(diameter -> assertEquals("ims-lab-" + role.id() + "-7d9f8c-x2x7k.ims-lab-"
                    + role.id() + ".telco.svc.cluster.local", diameter.originHost()));
            settings.pcscf().ifPresent(pcscf -> assertEquals(Path.of("/var/run/secrets/kube-ims/pcscf-flow-token/key"),
                    pcscf.flowTokenKeyFile()));
            settings.scscf().ifPresent(scscf -> assertEquals(Set.of("ims-lab-pcscf.telco.svc.cluster.local"),
                    scscf.registrar().trustedPcscfs()));
        }
    }

    @Test
    void hssPropertiesLoadIntoTheHssSettings() throws IOException {
        for (Placement placement : List.of(Placement.kubernetes(), Placement.local(DATA))) {
            FunctionConfiguration function = CoreConfiguration.derive(example("telco"), placement)
                    .function(NetworkFunction.HSS);
            Map<String, String> properties = new HashMap<>(function.properties());
            properties.keySet().removeIf(key -> !key.startsWith("kubeims.hss."));
            HssSettings hss = ConfigSources.hss(properties, Map.of());
            assertEquals("ims.example.com", hss.realm());
            assertEquals(function.property("kubeims.hss.cx.scscf-pool").map(List::of),
                    hss.cx().scscfPool());
            assertEquals(function.property("kubeims.hss.api.token-file"), hss.api().tokenFile());
            assertEquals(HssSettings.StoreMode.EMBEDDED, hss.store().mode());
        }
    }
}
