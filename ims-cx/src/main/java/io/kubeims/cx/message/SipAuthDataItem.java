package io.kubeims.cx.message;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import java.util.Objects;

/**
 * SIP-Auth-Data-Item (TS 29.229 clause 6.3.13, contents per scheme in TS 29.228 clause 6.3): in a MAR the scheme
 * asked for (and RAND||AUTS on resynchronisation), in a MAA one authentication vector.
 *
 * <p>All AVPs are optional. The scheme is kept as its wire text so that a MAR naming a scheme TS 29.228 does
 * not define still decodes and the HSS can answer DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED; {@link #scheme()}
 * parses it. The expected response (in SIP-Authorization), CK, IK and HA1 are redacted in toString().
 *
 * @param itemNumber           SIP-Item-Number, null when absent
 * @param authenticationScheme SIP-Authentication-Scheme as sent, e.g. "Digest-AKAv1-MD5"; null when absent
 * @param sipAuthenticate      SIP-Authenticate: RAND||AUTN for AKA (TS 29.229 clause 6.3.10)
 * @param sipAuthorization     SIP-Authorization: XRES in a MAA, RAND||AUTS in a resynchronising MAR (6.3.11)
 * @param confidentialityKey   Confidentiality-Key (CK)
 * @param integrityKey         Integrity-Key (IK)
 * @param digestAuthenticate   SIP-Digest-Authenticate, for SIP Digest
 */
public record SipAuthDataItem(Long itemNumber, String authenticationScheme, byte[] sipAuthenticate,
                              byte[] sipAuthorization, byte[] confidentialityKey, byte[] integrityKey,
                              SipDigestAuthenticate digestAuthenticate) {

    public SipAuthDataItem {
        MessageFields.optionalUnsigned32(itemNumber, "itemNumber");
        sipAuthenticate = MessageFields.copy(sipAuthenticate);
        sipAuthorization = MessageFields.copy(sipAuthorization);
        confidentialityKey = MessageFields.copy(confidentialityKey);
        integrityKey = MessageFields.copy(integrityKey);
    }

    /** The item of a MAR asking for vectors of {@code scheme} (UNKNOWN: the HSS chooses). */
    public static SipAuthDataItem request(SipAuthenticationScheme scheme) {
        return new SipAuthDataItem(null, scheme.wireValue(), null, null, null, null, null);
    }

    /** The item of a MAR after an AKA synchronisation failure: RAND||AUTS in SIP-Authorization (TS 33.203 6.3.3). */
    public static SipAuthDataItem resynchronisation(byte[] randAuts) {
        return new SipAuthDataItem(null, SipAuthenticationScheme.DIGEST_AKA_V1_MD5.wireValue(), null,
                MessageFields.required(randAuts, "randAuts"), null, null, null);
    }

    /** One Digest-AKAv1-MD5 vector of a MAA. */
    public static SipAuthDataItem akaVector(long itemNumber, byte[] randAutn, byte[] xres, byte[] ck, byte[] ik) {
        return new SipAuthDataItem(itemNumber, SipAuthenticationScheme.DIGEST_AKA_V1_MD5.wireValue(),
                MessageFields.required(randAutn, "sipAuthenticate"), MessageFields.required(xres, "sipAuthorization"),
                MessageFields.required(ck, "confidentialityKey"), MessageFields.required(ik, "integrityKey"), null);
    }

    /** One SIP Digest item of a MAA. */
    public static SipAuthDataItem sipDigest(long itemNumber, SipDigestAuthenticate digest) {
        return new SipAuthDataItem(itemNumber, SipAuthenticationScheme.SIP_DIGEST.wireValue(), null, null, null, null,
                MessageFields.required(digest, "digestAuthenticate"));
    }

    /**
     * The scheme, parsed.
     *
     * @throws io.kubeims.protocol.cx.UnknownAuthenticationSchemeException when absent or not a TS 29.228 scheme
     *         (the HSS answers DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED)
     */
    public SipAuthenticationScheme scheme() {
        return SipAuthenticationScheme.parse(authenticationScheme);
    }

    @Override
    public byte[] sipAuthenticate() {
        return MessageFields.copy(sipAuthenticate);
    }

    @Override
    public byte[] sipAuthorization() {
        return MessageFields.copy(sipAuthorization);
    }

    @Override
    public byte[] confidentialityKey() {
        return MessageFields.copy(confidentialityKey);
    }

    @Override
    public byte[] integrityKey() {
        return MessageFields.copy(integrityKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SipAuthDataItem that
                && Objects.equals(itemNumber, that.itemNumber)
                && Objects.equals(authenticationScheme, that.authenticationScheme)
                && MessageFields.same(sipAuthenticate, that.sipAuthenticate)
                && MessageFields.same(sipAuthorization, that.sipAuthorization)
                && MessageFields.same(confidentialityKey, that.confidentialityKey)
                && MessageFields.same(integrityKey, that.integrityKey)
                && Objects.equals(digestAuthenticate, that.digestAuthenticate);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(itemNumber, authenticationScheme, digestAuthenticate);
        hash = hash * 31 + MessageFields.hash(sipAuthenticate);
        hash = hash * 31 + MessageFields.hash(sipAuthorization);
        hash = hash * 31 + MessageFields.hash(confidentialityKey);
        return hash * 31 + MessageFields.hash(integrityKey);
    }

    @Override
    public String toString() {
        return "SipAuthDataItem[itemNumber=" + itemNumber + ", authenticationScheme=" + authenticationScheme
                + ", sipAuthenticate=" + MessageFields.describe(sipAuthenticate)
                + ", sipAuthorization=" + MessageFields.redact(sipAuthorization)
                + ", confidentialityKey=" + MessageFields.redact(confidentialityKey)
                + ", integrityKey=" + MessageFields.redact(integrityKey)
                + ", digestAuthenticate=" + digestAuthenticate + "]";
    }
}
