package io.kubeims.cscf.store;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.digest.Ha1;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What the S-CSCF needs to check the answer to a challenge, per scheme: XRES with CK/IK for IMS AKA (TS 33.203 6.1,
 * RFC 3310; CK/IK go to the P-CSCF for the IPsec SAs), or HA1 for SIP Digest (TS 33.203 Annex N, RFC 2617). Secret:
 * {@code toString()} redacts every part and errors never carry it.
 */
public sealed interface ChallengeSecret {

    /** The scheme this secret answers. */
    SipAuthenticationScheme scheme();

    /**
     * IMS AKA (Digest-AKAv1-MD5): the expected response and the session keys of the vector.
     *
     * @param xres expected response, 4 to 16 octets (TS 33.102 6.3.2)
     * @param ck   cipher key, 16 octets
     * @param ik   integrity key, 16 octets
     */
    record Aka(byte[] xres, byte[] ck, byte[] ik) implements ChallengeSecret {

        /** @throws InvalidCscfStateException if a part is missing or has the wrong length (never quoting it) */
        public Aka {
            xres = octets("XRES", xres, 4, 16);
            ck = octets("CK", ck, 16, 16);
            ik = octets("IK", ik, 16, 16);
        }

        @Override
        public SipAuthenticationScheme scheme() {
            return SipAuthenticationScheme.DIGEST_AKA_V1_MD5;
        }

        @Override
        public byte[] xres() {
            return xres.clone();
        }

        @Override
        public byte[] ck() {
            return ck.clone();
        }

        @Override
        public byte[] ik() {
            return ik.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Aka that && MessageDigest.isEqual(xres, that.xres)
                    && MessageDigest.isEqual(ck, that.ck) && MessageDigest.isEqual(ik, that.ik);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(xres);
        }

        @Override
        public String toString() {
            return "Aka[XRES=<redacted>, CK=<redacted>, IK=<redacted>]";
        }

        private static byte[] octets(String name, byte[] value, int min, int max) {
            if (value == null) {
                throw new InvalidCscfStateException(name + " is missing");
            }
            if (value.length < min || value.length > max) {
                throw new InvalidCscfStateException(name + " must be " + (min == max ? min : min + " to " + max)
                        + " octets, got " + value.length);
            }
            return value.clone();
        }
    }

    /**
     * SIP Digest with MD5: HA1 = MD5(username:realm:password) as the HSS sends it in SIP-Digest-Authenticate.
     *
     * @param ha1 the HA1 (redacts itself)
     */
    record Md5Digest(Ha1 ha1) implements ChallengeSecret {

        /** @throws InvalidCscfStateException if HA1 is missing */
        public Md5Digest {
            StateFields.requirePresent("HA1", ha1);
        }

        @Override
        public SipAuthenticationScheme scheme() {
            return SipAuthenticationScheme.SIP_DIGEST;
        }
    }
}
