package io.kubeims.protocol.cx;

/**
 * A SIP-Authentication-Scheme value that TS 29.228 does not define; an HSS answers a MAR carrying it with
 * DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED (5006).
 */
public class UnknownAuthenticationSchemeException extends IllegalArgumentException {

    private final String value;

    /** @param value the received value, may be null */
    public UnknownAuthenticationSchemeException(String value) {
        super(value == null
                ? "SIP-Authentication-Scheme is missing (null)"
                : "unknown SIP-Authentication-Scheme \"" + value + "\"; expected one of "
                        + "Digest-AKAv1-MD5, SIP Digest, NASS-Bundled, Early-IMS-Security, Unknown");
        this.value = value;
    }

    /** The value received, or null. */
    public String value() {
        return value;
    }
}
