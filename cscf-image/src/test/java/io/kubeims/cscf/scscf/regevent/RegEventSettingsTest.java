package io.kubeims.cscf.scscf.regevent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RegEventSettings}: defaults of RFC 3680 / TS 24.229 and every refused value named. */
class RegEventSettingsTest {

    private static String refused(Runnable build) {
        return assertThrows(InvalidRegEventSettingsException.class, build::run).setting();
    }

    @Test
    void defaultsFollowTheSpecifications() {
        RegEventSettings settings = RegEventSettings.of(List.of("PCSCF.ims.example.com "));
        assertEquals(Duration.ofSeconds(3761), settings.defaultExpires(), "RFC 3680 3.3");
        assertEquals(Duration.ofSeconds(600_000), settings.maxExpires(), "what UEs ask, TS 24.229 5.1.1.3");
        assertEquals(List.of("pcscf.ims.example.com"), settings.trustedPcscfHosts(), "trimmed, lower case");
    }

    @Test
    void refusedValuesNameTheirSetting() {
        RegEventSettings base = RegEventSettings.of(List.of());
        assertEquals("minExpires", refused(() -> base.withExpires(Duration.ZERO, Duration.ofHours(1),
                Duration.ofMinutes(5))));
        assertEquals("maxExpires", refused(() -> base.withExpires(Duration.ofHours(2), Duration.ofHours(1),
                Duration.ofHours(1))));
        assertEquals("defaultExpires", refused(() -> base.withExpires(Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofHours(2))));
        assertEquals("minExpires", refused(() -> base.withExpires(Duration.ofMillis(1500), Duration.ofHours(1),
                Duration.ofMinutes(5))));
        assertEquals("maxExpires", refused(() -> base.withExpires(Duration.ofMinutes(1),
                Duration.ofSeconds(Integer.MAX_VALUE + 1L), Duration.ofMinutes(5))));
        assertEquals("trustedPcscfHosts", refused(() -> RegEventSettings.of(List.of("pcscf one"))));
        assertEquals("trustedPcscfHosts", refused(() -> RegEventSettings.of(null)));
        assertEquals("notifierContact", refused(() -> base.withNotifierContact("scscf.ims.example.com")));
        assertEquals("notifyTimeout", refused(() -> base.withNotifyTimeout(Duration.ZERO)));
    }
}
