package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PcscfSettingsTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static PcscfSettings settings(String home, String icscf, String path, String visited, String ioi,
            byte[] key) {
        return new PcscfSettings(home, icscf, path, visited, ioi, key);
    }

    @Test
    void urisAreNormalisedToLooseRoutes() {
        PcscfSettings settings = PcscfSettings.of("ims.example.com", "icscf.ims.example.com:5070;transport=tcp",
                "sip:pcscf.ims.example.com:5060", "visited.example.net", KEY);
        assertEquals("sip:icscf.ims.example.com:5070;transport=tcp;lr", settings.icscfUri());
        assertEquals("sip:pcscf.ims.example.com:5060;lr", settings.pathUri());
        assertEquals("visited.example.net", settings.origIoi(), "of(): orig-ioi is the visited network id");
        PcscfSettings already = PcscfSettings.of("ims.example.com", "sip:10.0.0.7:5070;lr",
                "sip:pcscf.ims.example.com;lr", "visited.example.net", KEY);
        assertEquals("sip:10.0.0.7:5070;lr", already.icscfUri());
        assertEquals("sip:pcscf.ims.example.com;lr", already.pathUri());
    }

    @Test
    void eachSettingIsRefusedByName() {
        assertSetting("homeDomain", () -> settings(" ", "icscf", "sip:p;lr", "v", "v", KEY));
        assertSetting("homeDomain", () -> settings("ims example", "icscf", "sip:p;lr", "v", "v", KEY));
        assertSetting("icscfUri", () -> settings("ims.example.com", null, "sip:p;lr", "v", "v", KEY));
        assertSetting("icscfUri", () -> settings("ims.example.com", "tel:+1555", "sip:p;lr", "v", "v", KEY));
        assertSetting("icscfUri", () -> settings("ims.example.com", "sips:icscf;lr", "sip:p;lr", "v", "v", KEY));
        assertSetting("icscfUri", () -> settings("ims.example.com", "sip:icscf;transport=sctp", "sip:p;lr", "v",
                "v", KEY));
        assertSetting("icscfUri", () -> settings("ims.example.com", "icscf host", "sip:p;lr", "v", "v", KEY));
        assertSetting("pathUri", () -> settings("ims.example.com", "icscf", "sip:term@pcscf;lr", "v", "v", KEY));
        assertSetting("pathUri", () -> settings("ims.example.com", "icscf", "", "v", "v", KEY));
        assertSetting("visitedNetworkId", () -> settings("ims.example.com", "icscf", "sip:p", "a\"b", "v", KEY));
        assertSetting("visitedNetworkId", () -> settings("ims.example.com", "icscf", "sip:p", null, "v", KEY));
        assertSetting("origIoi", () -> settings("ims.example.com", "icscf", "sip:p", "v", "a;b", KEY));
        assertSetting("flowTokenKey", () -> settings("ims.example.com", "icscf", "sip:p", "v", "v", new byte[15]));
        assertSetting("flowTokenKey", () -> settings("ims.example.com", "icscf", "sip:p", "v", "v", null));
    }

    private static void assertSetting(String name, Runnable build) {
        InvalidPcscfSettingsException e = assertThrows(InvalidPcscfSettingsException.class, build::run);
        assertEquals(name, e.setting());
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
    }

    @Test
    void theKeyIsCopiedAndNeverPrinted() {
        byte[] key = KEY.clone();
        PcscfSettings settings = PcscfSettings.of("ims.example.com", "icscf", "sip:p", "v", key);
        key[0] = 'X';
        assertArrayEquals(KEY, settings.flowTokenKey(), "copied in");
        assertNotSame(settings.flowTokenKey(), settings.flowTokenKey(), "copied out");
        settings.flowTokenKey()[1] = 'Y';
        assertArrayEquals(KEY, settings.flowTokenKey());
        assertFalse(settings.toString().contains("0123456789abcdef"), settings.toString());
        assertTrue(settings.toString().contains("redacted"));
        assertEquals(settings, PcscfSettings.of("ims.example.com", "icscf", "sip:p", "v", KEY.clone()));
        assertEquals(settings.hashCode(), PcscfSettings.of("ims.example.com", "icscf", "sip:p", "v",
                KEY.clone()).hashCode());
        assertFalse(settings.equals(PcscfSettings.of("ims.example.com", "icscf", "sip:p", "v",
                "fedcba9876543210".getBytes(StandardCharsets.US_ASCII))));
    }
}
