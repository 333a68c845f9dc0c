package io.kubeims.cx.message;

/**
 * SIP-Digest-Authenticate (TS 29.229 clause 6.3.36): what the S-CSCF needs to challenge with SIP Digest
 * (TS 33.203 annex N). The HA1 is a password equivalent: toString() redacts it.
 *
 * @param digestRealm     Digest-Realm (RFC 4740)
 * @param digestQop       Digest-QoP, e.g. "auth"
 * @param digestHa1       Digest-HA1, hex MD5(username:realm:password)
 * @param digestAlgorithm Digest-Algorithm, null when absent (MD5 then)
 */
public record SipDigestAuthenticate(String digestRealm, String digestQop, String digestHa1, String digestAlgorithm) {

    public SipDigestAuthenticate {
        MessageFields.required(digestRealm, "digestRealm");
        MessageFields.required(digestQop, "digestQop");
        MessageFields.required(digestHa1, "digestHa1");
    }

    public SipDigestAuthenticate(String digestRealm, String digestQop, String digestHa1) {
        this(digestRealm, digestQop, digestHa1, null);
    }

    @Override
    public String toString() {
        return "SipDigestAuthenticate[digestRealm=" + digestRealm + ", digestQop=" + digestQop
                + ", digestHa1=<redacted>, digestAlgorithm=" + digestAlgorithm + "]";
    }
}
