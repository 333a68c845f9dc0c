package io.kubeims.cscf.scscf.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The registrar settings: defaults, and each invalid value refused naming its field. */
class ScscfSettingsTest {

    private static final String DOMAIN = "ims.example.com";
    private static final String SERVER = "sip:scscf.ims.example.com:6060";
    private static final String ROUTE = "sip:orig@scscf.ims.example.com:6060;lr";

    private static ScscfSettings valid() {
        return ScscfSettings.of(DOMAIN, SERVER, ROUTE, Set.of("PCSCF.ims.example.com"));
    }

    private static void refused(String setting, Supplier<ScscfSettings> settings) {
        InvalidScscfSettingsException e = assertThrows(InvalidScscfSettingsException.class, settings::get);
        assertEquals(setting, e.setting());
        assertTrue(e.getMessage().startsWith(setting + ": "), e.getMessage());
    }

    @Test
    void defaultsFollowTheDocumentedValues() {
        ScscfSettings settings = valid();
        assertEquals(Duration.ofSeconds(60), settings.minExpires());
        assertEquals(Duration.ofHours(1), settings.defaultExpires());
        assertEquals(Duration.ofHours(2), settings.maxExpires());
        assertEquals(3, settings.maxAuthAttempts());
        assertEquals(Duration.ofSeconds(40), settings.challengeLifetime());
        assertEquals(SipAuthenticationScheme.UNKNOWN, settings.defaultAuthScheme());
        assertTrue(settings.pcscfRequired(), "a P-CSCF is named, so it is required");
        assertTrue(settings.trusts("pcscf.IMS.example.com"), "host names compare case-insensitively");
        assertFalse(settings.trusts("pcscf2.ims.example.com"));
        assertFalse(ScscfSettings.of(DOMAIN, SERVER, ROUTE, Set.of()).pcscfRequired());
    }

    @Test
    void eachInvalidValueIsRefusedNamingItsField() {
        ScscfSettings v = valid();
        refused("homeDomain", () -> ScscfSettings.of("ims example", SERVER, ROUTE, Set.of()));
        refused("serverName", () -> ScscfSettings.of(DOMAIN, "scscf.ims.example.com", ROUTE, Set.of()));
        refused("serviceRoute", () -> ScscfSettings.of(DOMAIN, SERVER, "sip:orig@scscf.ims.example.com", Set.of()));
        refused("serviceRoute", () -> ScscfSettings.of(DOMAIN, SERVER, "<sip:orig@x;lr>", Set.of()));
        refused("minExpires", () -> v.withExpires(Duration.ZERO, v.defaultExpires(), v.maxExpires()));
        refused("minExpires", () -> v.withExpires(Duration.ofMillis(1500), v.defaultExpires(), v.maxExpires()));
        refused("defaultExpires", () -> v.withExpires(Duration.ofSeconds(60), Duration.ofSeconds(30),
                v.maxExpires()));
        refused("defaultExpires", () -> v.withExpires(Duration.ofSeconds(60), Duration.ofHours(3),
                Duration.ofHours(2)));
        refused("maxExpires", () -> v.withExpires(v.minExpires(), v.defaultExpires(), Duration.ofDays(30000)));
        refused("maxAuthAttempts", () -> v.withMaxAuthAttempts(0));
        refused("maxAuthAttempts", () -> v.withMaxAuthAttempts(11));
        refused("challengeLifetime", () -> new ScscfSettings(DOMAIN, SERVER, ROUTE, v.minExpires(),
                v.defaultExpires(), v.maxExpires(), 3, Duration.ofMinutes(11), Set.of(), false,
                SipAuthenticationScheme.UNKNOWN, v.retryAfter()));
        refused("trustedPcscfs", () -> new ScscfSettings(DOMAIN, SERVER, ROUTE, v.minExpires(), v.defaultExpires(),
                v.maxExpires(), 3, v.challengeLifetime(), null, false, SipAuthenticationScheme.UNKNOWN,
                v.retryAfter()));
        refused("trustedPcscfs", () -> ScscfSettings.of(DOMAIN, SERVER, ROUTE, Set.of("pcscf one")));
        refused("trustedPcscfs", () -> ScscfSettings.of(DOMAIN, SERVER, ROUTE, Set.of()).withPcscfRequired(true));
        refused("defaultAuthScheme", () -> v.withDefaultAuthScheme(SipAuthenticationScheme.NASS_BUNDLED));
        refused("defaultAuthScheme", () -> v.withDefaultAuthScheme(null));
        refused("retryAfter", () -> new ScscfSettings(DOMAIN, SERVER, ROUTE, v.minExpires(), v.defaultExpires(),
                v.maxExpires(), 3, v.challengeLifetime(), Set.of(), false, SipAuthenticationScheme.UNKNOWN,
                Duration.ZERO));
    }
}
