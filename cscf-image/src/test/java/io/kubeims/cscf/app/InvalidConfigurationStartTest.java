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
 * The application refuses to start on a setting that cannot work, with one message naming the key and no stack
 * trace (the operator's pod log shows it as is).
 */
@QuarkusMainTest
@TestProfile(InvalidConfigurationStartTest.UdpOnly.class)
class InvalidConfigurationStartTest {

    /** A transport set this version cannot serve. */
    public static class UdpOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kubeims.cscf.sip.transports", "udp");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startStopsWithOneMessageNamingTheKey(LaunchResult result) {
        String errors = result.getErrorOutput();
        assertTrue(errors.contains("invalid CSCF configuration: kubeims.cscf.sip.transports: [udp] refused"), errors);
        assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
    }
}
