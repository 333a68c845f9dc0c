package io.kubeims.cscf.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key under {@code kubeims.cscf} that the image does not know (a typo, or a ConfigMap from a newer kube-ims-config)
 * stops the start naming it, instead of being silently ignored: what {@link DerivedConfigurationTest} relies on.
 */
@QuarkusMainTest
@TestProfile(MisspelledKeyStartTest.Misspelled.class)
class MisspelledKeyStartTest {

    /** {@code sip.prot} for {@code sip.port}. */
    public static class Misspelled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kubeims.cscf.sip.prot", "5070");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startStopsNamingTheUnknownKey(LaunchResult result) {
        String errors = result.getErrorOutput();
        assertTrue(errors.contains("kubeims.cscf.sip.prot"), errors);
        assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
    }
}
