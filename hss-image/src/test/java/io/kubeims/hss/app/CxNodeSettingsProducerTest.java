package io.kubeims.hss.app;

import io.kubeims.cx.node.CxNodeSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cx node settings derived from kubeims.hss.realm and kubeims.hss.diameter.*. */
class CxNodeSettingsProducerTest {

    @Test
    void defaultsFollowTheRealm() {
        CxNodeSettings cx = CxNodeSettingsProducer.build(new SettingsValues("ims.example.test", null, null,
                SettingsValues.DiameterValues.defaults()));

        assertEquals("hss.ims.example.test", cx.originHost());
        assertEquals("ims.example.test", cx.realm());
        assertEquals("0.0.0.0", cx.bindAddress());
        assertEquals(3868, cx.port());
        assertTrue(cx.acceptUndefinedPeers(), "the HSS accepts any CSCF of the realm");
        assertTrue(cx.hssPeers().isEmpty());
    }

    @Test
    void everyDiameterSettingOverrides() {
        CxNodeSettings cx = CxNodeSettingsProducer.build(new SettingsValues("ims.example.test", null, null,
                new SettingsValues.DiameterValues(Optional.of("hss-1.core.example.test"),
                        Optional.of("core.example.test"), "127.0.0.2", 3870, Optional.of(Duration.ofSeconds(3)))));

        assertEquals("hss-1.core.example.test", cx.originHost());
        assertEquals("core.example.test", cx.realm());
        assertEquals("127.0.0.2", cx.bindAddress());
        assertEquals(3870, cx.port());
        assertEquals(Duration.ofSeconds(3), cx.requestTimeout());
    }
}
