package io.kubeims.cscf.scscf.registrar;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the S-CSCF registrar (TS 24.229 5.4.1) needs besides its collaborators. A plain record: the application maps
 * its configuration onto it.
 *
 * @param homeDomain         the home network domain, e.g. {@code ims.example.com}: the realm of MD5 challenges
 *                           unless the HSS names another (AKA challenges always use it, TS 33.203 6.1.1)
 * @param serverName         the S-CSCF's SIP URI sent as Server-Name in MAR and SAR (TS 29.228 6.1.2, 6.3): the
 *                           name of the pool (its Service), never a pod, e.g. {@code sip:scscf.ims.example.com:6060}
 * @param serviceRoute       the URI put into Service-Route of the 200 (RFC 3608, TS 24.229 5.4.1.2.2), a loose
 *                           route to the originating side of the pool, e.g.
 *                           {@code sip:orig@scscf.ims.example.com:6060;lr}
 * @param minExpires         shortest registration accepted; shorter non-zero ones get 423 with Min-Expires
 *                           (RFC 3261 10.3 step 7); 1 s to 1 day, whole seconds
 * @param defaultExpires     applied when a contact names no expiry (RFC 3261 10.3 step 7)
 * @param maxExpires         longer requests are cut to this (RFC 3261 10.3 step 7), at most 2^31-1 s
 * @param maxAuthAttempts    wrong answers accepted in one authentication before 403 and SAR AUTHENTICATION_FAILURE
 *                           (TS 24.229 5.4.1.2.3, TS 29.228 6.1.2); 1 to 10, default 3
 * @param challengeLifetime  how long a nonce may be answered; it must not exceed the challenge store's lifetime (the
 *                           store forgets the challenge then anyway); 1 s to 10 min
 * @param trustedPcscfs      host names or addresses of the P-CSCFs whose Path entry and integrity-protected marking
 *                           (TS 24.229 5.4.1.2.2) are trusted, compared case-insensitively with the host of the
 *                           topmost Path URI
 * @param pcscfRequired      true: a REGISTER whose topmost Path is not a trusted P-CSCF (e.g. a UE sending to the
 *                           Service-Route address itself) is answered 403 (see {@link ScscfRegistrar})
 * @param defaultAuthScheme  the scheme a MAR asks for when the REGISTER does not hint one: Digest-AKAv1-MD5,
 *                           SIP Digest, or Unknown (the HSS uses the subscriber's scheme)
 * @param retryAfter         Retry-After of a 500 for store contention or a 503 for overload, 1 s to 1 h
 */
public record ScscfSettings(String homeDomain, String serverName, String serviceRoute, Duration minExpires,
        Duration defaultExpires, Duration maxExpires, int maxAuthAttempts, Duration challengeLifetime,
        Set<String> trustedPcscfs, boolean pcscfRequired, SipAuthenticationScheme defaultAuthScheme,
        Duration retryAfter) {

    /** Default shortest registration: a minute (RFC 3261 10.2.8 leaves it to the registrar). */
    public static final Duration DEFAULT_MIN_EXPIRES = Duration.ofSeconds(60);
    /** Default registration interval: an hour (RFC 3261 10.2.1.1 suggests 3600 s). */
    public static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);
    /** Default longest registration: two hours (a UE asks 600000 s, TS 24.229 5.1.1.2.1; operators cut it). */
    public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofHours(2);
    /** Default number of wrong answers before 403. */
    public static final int DEFAULT_MAX_AUTH_ATTEMPTS = 3;
    /** Default nonce lifetime, as the challenge store's default. */
    public static final Duration DEFAULT_CHALLENGE_LIFETIME = Duration.ofSeconds(40);
    /** Default Retry-After. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern SIP_URI = Pattern.compile("sips?:[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");
    private static final long MAX_SIP_SECONDS = Integer.MAX_VALUE;

    /**
     * Validates and copies.
     *
     * @throws InvalidScscfSettingsException naming the refused setting
     */
    public ScscfSettings {
        if (homeDomain == null || !DOMAIN.matcher(homeDomain.strip()).matches()) {
            throw new InvalidScscfSettingsException("homeDomain", "'" + homeDomain + "' is not a domain name");
        }
        homeDomain = homeDomain.strip();
        serverName = sipUri("serverName", serverName);
        serviceRoute = sipUri("serviceRoute", serviceRoute);
        if (!serviceRoute.toLowerCase(Locale.ROOT).contains(";lr")) {
            throw new InvalidScscfSettingsException("serviceRoute", "'" + serviceRoute
                    + "' must be a loose route (;lr, RFC 3608 5)");
        }
        seconds("minExpires", minExpires, 1, 86_400);
        seconds("defaultExpires", defaultExpires, 1, MAX_SIP_SECONDS);
        seconds("maxExpires", maxExpires, 1, MAX_SIP_SECONDS);
        if (minExpires.compareTo(defaultExpires) > 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new InvalidScscfSettingsException("defaultExpires", "must lie between minExpires (" + minExpires
                    + ") and maxExpires (" + maxExpires + "), was " + defaultExpires);
        }
        if (maxAuthAttempts < 1 || maxAuthAttempts > 10) {
            throw new InvalidScscfSettingsException("maxAuthAttempts", "must be 1 to 10, was " + maxAuthAttempts);
        }
        seconds("challengeLifetime", challengeLifetime, 1, 600);
        if (trustedPcscfs == null) {
            throw new InvalidScscfSettingsException("trustedPcscfs", "is required (empty: trust none)");
        }
        Set<String> hosts = new TreeSet<>();
        for (String host : trustedPcscfs) {
            if (host == null || !HOST.matcher(host.strip()).matches()) {
                throw new InvalidScscfSettingsException("trustedPcscfs", "'" + host + "' is not a host name or address");
            }
            hosts.add(host.strip().toLowerCase(Locale.ROOT));
        }
        trustedPcscfs = Set.copyOf(hosts);
        if (pcscfRequired && trustedPcscfs.isEmpty()) {
            throw new InvalidScscfSettingsException("trustedPcscfs", "must name at least one P-CSCF when pcscfRequired");
        }
        if (defaultAuthScheme != SipAuthenticationScheme.DIGEST_AKA_V1_MD5
                && defaultAuthScheme != SipAuthenticationScheme.SIP_DIGEST
                && defaultAuthScheme != SipAuthenticationScheme.UNKNOWN) {
            throw new InvalidScscfSettingsException("defaultAuthScheme", "must be Digest-AKAv1-MD5, SIP Digest or "
                    + "Unknown, was " + (defaultAuthScheme == null ? null : defaultAuthScheme.wireValue()));
        }
        seconds("retryAfter", retryAfter, 1, 3600);
    }

    /**
     * Settings with the defaults: expiries 60 s / 1 h / 2 h, 3 attempts, 40 s nonces, the HSS choosing the scheme,
     * Retry-After 5 s; a P-CSCF is required when {@code trustedPcscfs} names one.
     */
    public static ScscfSettings of(String homeDomain, String serverName, String serviceRoute,
            Set<String> trustedPcscfs) {
        return new ScscfSettings(homeDomain, serverName, serviceRoute, DEFAULT_MIN_EXPIRES, DEFAULT_EXPIRES,
                DEFAULT_MAX_EXPIRES, DEFAULT_MAX_AUTH_ATTEMPTS, DEFAULT_CHALLENGE_LIFETIME, trustedPcscfs,
                trustedPcscfs != null && !trustedPcscfs.isEmpty(), SipAuthenticationScheme.UNKNOWN,
                DEFAULT_RETRY_AFTER);
    }

    /** A copy with other expiry bounds. */
    public ScscfSettings withExpires(Duration min, Duration defaultValue, Duration max) {
        return new ScscfSettings(homeDomain, serverName, serviceRoute, min, defaultValue, max, maxAuthAttempts,
                challengeLifetime, trustedPcscfs, pcscfRequired, defaultAuthScheme, retryAfter);
    }

    /** A copy with another attempt limit. */
    public ScscfSettings withMaxAuthAttempts(int attempts) {
        return new ScscfSettings(homeDomain, serverName, serviceRoute, minExpires, defaultExpires, maxExpires,
                attempts, challengeLifetime, trustedPcscfs, pcscfRequired, defaultAuthScheme, retryAfter);
    }

    /** A copy that does or does not require a trusted P-CSCF on the path. */
    public ScscfSettings withPcscfRequired(boolean required) {
        return new ScscfSettings(homeDomain, serverName, serviceRoute, minExpires, defaultExpires, maxExpires,
                maxAuthAttempts, challengeLifetime, trustedPcscfs, required, defaultAuthScheme, retryAfter);
    }

    /** A copy with another default scheme. */
    public ScscfSettings withDefaultAuthScheme(SipAuthenticationScheme scheme) {
        return new ScscfSettings(homeDomain, serverName, serviceRoute, minExpires, defaultExpires, maxExpires,
                maxAuthAttempts, challengeLifetime, trustedPcscfs, pcscfRequired, scheme, retryAfter);
    }

    /** Whether {@code host} is a trusted P-CSCF (case-insensitive). */
    public boolean trusts(String host) {
        return host != null && trustedPcscfs.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    private static String sipUri(String setting, String value) {
        if (value == null || !SIP_URI.matcher(value.strip()).matches()) {
            throw new InvalidScscfSettingsException(setting, "'" + value + "' is not a SIP URI");
        }
        return value.strip();
    }

    private static void seconds(String setting, Duration value, long min, long max) {
        if (value == null || value.toNanos() % 1_000_000_000L != 0 || value.toSeconds() < min
                || value.toSeconds() > max) {
            throw new InvalidScscfSettingsException(setting, "must be whole seconds from " + min + " s to " + max
                    + " s, was " + value);
        }
    }
}
