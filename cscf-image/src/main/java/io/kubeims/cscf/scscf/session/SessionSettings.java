package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.sip.InvalidNextHopException;
import io.kubeims.cscf.sip.NextHop;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How the S-CSCF routes sessions (TS 24.229 5.4.3).
 *
 * @param homeDomain        the home network domain: a sip: target in it goes to the I-CSCF
 * @param serverName        this pool's SIP URI ({@code sip:host:port}, the Server-Name): Record-Route and the ODI
 *                          Route name it, never the replica
 * @param icscfUri          the I-CSCF pool's SIP URI for home-domain targets (TS 24.229 5.4.3.2 step 10); when
 *                          absent the terminating procedure runs here (a single-S-CSCF core)
 * @param breakoutUri       the BGCF/breakout gateway for E.164 targets ENUM does not resolve; absent: 404
 * @param asResponseTimeout how long an AS may stay silent (no response at all) before its DefaultHandling applies
 * @param odiLifetime       how long an AS may take to return a request with the ODI
 */
public record SessionSettings(String homeDomain, String serverName, Optional<String> icscfUri,
        Optional<String> breakoutUri, Duration asResponseTimeout, Duration odiLifetime) {

    /** Default {@link #asResponseTimeout}: an AS that answers nothing (not even 100 Trying) within 4 s is down. */
    public static final Duration DEFAULT_AS_RESPONSE_TIMEOUT = Duration.ofSeconds(4);
    /** Default {@link #odiLifetime}. */
    public static final Duration DEFAULT_ODI_LIFETIME = Duration.ofMinutes(5);

    /** @throws InvalidSessionSettingsException naming the field that cannot be used */
    public SessionSettings {
        if (homeDomain == null || homeDomain.isBlank()) {
            throw new InvalidSessionSettingsException("homeDomain", "is required");
        }
        homeDomain = homeDomain.strip().toLowerCase(Locale.ROOT);
        hop("serverName", serverName);
        icscfUri = icscfUri == null ? Optional.empty() : icscfUri;
        icscfUri.ifPresent(uri -> hop("icscfUri", uri));
        breakoutUri = breakoutUri == null ? Optional.empty() : breakoutUri;
        breakoutUri.ifPresent(uri -> hop("breakoutUri", uri));
        positive("asResponseTimeout", asResponseTimeout);
        positive("odiLifetime", odiLifetime);
    }

    /** Settings with the default timeouts. */
    public static SessionSettings of(String homeDomain, String serverName, Optional<String> icscfUri,
            Optional<String> breakoutUri) {
        return new SessionSettings(homeDomain, serverName, icscfUri, breakoutUri, DEFAULT_AS_RESPONSE_TIMEOUT,
                DEFAULT_ODI_LIFETIME);
    }

    /** A copy with another AS response timeout. */
    public SessionSettings withAsResponseTimeout(Duration timeout) {
        return new SessionSettings(homeDomain, serverName, icscfUri, breakoutUri, timeout, odiLifetime);
    }

    /** The pool's host and port as Record-Route and the ODI Route write them. */
    public NextHop pool() {
        return hop("serverName", serverName);
    }

    private static NextHop hop(String field, String uri) {
        if (uri == null || !uri.strip().toLowerCase(Locale.ROOT).startsWith("sip:")) {
            throw new InvalidSessionSettingsException(field, "'" + uri + "' is not a sip: URI");
        }
        String text = uri.strip();
        int at = text.indexOf('@');
        String hostPart = at > 0 ? "sip:" + text.substring(at + 1) : text;
        try {
            return NextHop.parse(hostPart);
        } catch (InvalidNextHopException e) {
            throw new InvalidSessionSettingsException(field, "'" + uri + "': " + e.getMessage());
        }
    }

    private static void positive(String field, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidSessionSettingsException(field, "'" + duration + "' is not a positive duration");
        }
    }
}
