package io.kubeims.protocol.cx;

import java.util.Locale;

/**
 * Values of the SIP-Authentication-Scheme AVP (UTF8String, TS 29.229 clause 6.3.9), as listed for the
 * Authentication Scheme information element in TS 29.228 clause 6.3.
 */
public enum SipAuthenticationScheme {

    /** IMS AKA (TS 33.203, RFC 3310). */
    DIGEST_AKA_V1_MD5("Digest-AKAv1-MD5"),
    /** SIP Digest (TS 33.203 annex N); the HSS answers with SIP-Digest-Authenticate. */
    SIP_DIGEST("SIP Digest"),
    /** NASS-IMS bundled authentication (TS 33.203 annex R). */
    NASS_BUNDLED("NASS-Bundled"),
    /** GPRS-IMS bundled authentication (TS 33.203 annex T). */
    EARLY_IMS_SECURITY("Early-IMS-Security"),
    /** Sent by the S-CSCF in a MAR when it lets the HSS choose the scheme. */
    UNKNOWN("Unknown");

    private final String wireValue;

    SipAuthenticationScheme(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The exact string to send in the AVP. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a received value. Leading/trailing white space and letter case are ignored; nothing else is.
     * Pre-standard names such as "Digest-MD5" or "HTTP_DIGEST_MD5" (used by some open-source HSSes with a
     * different AVP layout from {@link #SIP_DIGEST}) are rejected rather than guessed.
     *
     * @throws UnknownAuthenticationSchemeException when the value is null or not one of the scheme names
     */
    public static SipAuthenticationScheme parse(String value) {
        if (value != null) {
            String normalised = value.strip().toLowerCase(Locale.ROOT);
            for (SipAuthenticationScheme scheme : values()) {
                if (scheme.wireValue.toLowerCase(Locale.ROOT).equals(normalised)) {
                    return scheme;
                }
            }
        }
        throw new UnknownAuthenticationSchemeException(value);
    }
}
