package io.kubeims.cscf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.pcscf.RouteEnforcement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kubeims.cscf.pcscf.route-enforcement} as the reader checks it (TS 24.229 5.2.6.3.3: rewrite or reject). */
class PcscfSessionSettingsTest {

    private static Map<String, String> pcscf() {
        Map<String, String> config = new HashMap<>();
        config.put("kubeims.cscf.role", "pcscf");
        config.put("kubeims.cscf.home-domain", "ims.example.com");
        config.put("kubeims.cscf.sip.bind-address", "127.0.0.1");
        config.put("kubeims.cscf.pcscf.icscf-uri", "sip:icscf.ims.example.com:5070;lr");
        config.put("kubeims.cscf.pcscf.path-uri", "sip:term@pcscf.ims.example.com:5060;lr");
        config.put("kubeims.cscf.pcscf.flow-token-key-file", "/run/secrets/key");
        return config;
    }

    private static CscfSettings.Pcscf read(Map<String, String> config) {
        return CscfSettings.from(ConfigSources.cscf(config)).pcscf().orElseThrow();
    }

    @Test
    void rewriteIsTheDefault() {
        assertEquals(RouteEnforcement.REWRITE, read(pcscf()).routeEnforcement());
    }

    @Test
    void rejectIsReadIgnoringCase() {
        Map<String, String> config = pcscf();
        config.put("kubeims.cscf.pcscf.route-enforcement", " Reject ");
        assertEquals(RouteEnforcement.REJECT, read(config).routeEnforcement());
    }

    @Test
    void anythingElseNamesTheKey() {
        Map<String, String> config = pcscf();
        config.put("kubeims.cscf.pcscf.route-enforcement", "ignore");
        InvalidCscfConfigException e = assertThrows(InvalidCscfConfigException.class, () -> read(config));
        assertEquals("kubeims.cscf.pcscf.route-enforcement", e.key());
        assertTrue(e.getMessage().contains("'ignore' is neither rewrite nor reject"), e.getMessage());
    }
}
