package io.kubeims.cscf.scscf.thirdparty;

import java.time.Duration;

/**
 * What the S-CSCF needs to send third-party REGISTER requests (TS 24.229 5.4.1.7).
 *
 * @param scscfUri        the S-CSCF's SIP URI for From and Contact (5.4.1.7 b, d): the pool's name, so that an AS's
 *                        requests for the user reach any replica, e.g. {@code sip:scscf.ims.example.com:6060}
 * @param homeDomain      the home network domain: orig-ioi of the P-Charging-Vector (TS 24.229 7.2A.5), and the
 *                        Request-URI the iFCs are evaluated with when no REGISTER caused the change (expiry,
 *                        network de-registration)
 * @param responseTimeout how long to wait for the AS's final response before DefaultHandling applies
 */
public record ThirdPartyRegistrationSettings(String scscfUri, String homeDomain, Duration responseTimeout) {

    /** RFC 3261 Timer F; operators usually set a few seconds so that a dead AS is noticed soon. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(32);

    /**
     * Validates.
     *
     * @throws InvalidThirdPartySettingsException naming the refused setting
     */
    public ThirdPartyRegistrationSettings {
        if (scscfUri == null || !scscfUri.strip().regionMatches(true, 0, "sip:", 0, 4)) {
            throw new InvalidThirdPartySettingsException("scscfUri", "'" + scscfUri + "' is not a sip: URI");
        }
        scscfUri = scscfUri.strip();
        if (homeDomain == null || !homeDomain.strip().matches("[A-Za-z0-9.-]+")) {
            throw new InvalidThirdPartySettingsException("homeDomain", "'" + homeDomain + "' is not a domain name");
        }
        homeDomain = homeDomain.strip();
        if (responseTimeout == null || responseTimeout.isZero() || responseTimeout.isNegative()) {
            throw new InvalidThirdPartySettingsException("responseTimeout", "must be positive, was "
                    + responseTimeout);
        }
    }

    /** Settings with the default response timeout. */
    public static ThirdPartyRegistrationSettings of(String scscfUri, String homeDomain) {
        return new ThirdPartyRegistrationSettings(scscfUri, homeDomain, DEFAULT_RESPONSE_TIMEOUT);
    }
}
