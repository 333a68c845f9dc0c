package io.kubeims.protocol.aka;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An authentication vector AV = RAND || XRES || CK || IK || AUTN (TS 33.102 6.3.2), as the HSS hands it to the
 * S-CSCF (TS 29.229 SIP-Authenticate = RAND || AUTN, SIP-Authorization = XRES, Confidentiality-Key = CK,
 * Integrity-Key = IK). {@code toString()} redacts XRES, CK and IK.
 *
 * @param rand random challenge, 16 octets
 * @param xres expected response, 4 to 16 octets (8 with Milenage)
 * @param ck   cipher key, 16 octets
 * @param ik   integrity key, 16 octets
 * @param autn authentication token, 16 octets
 */
public record AuthenticationVector(byte[] rand, byte[] xres, byte[] ck, byte[] ik, byte[] autn) {

    /**
     * @throws ParameterLengthException if RAND, CK, IK or AUTN has the wrong length
     * @throws AkaParameterException    if a part is null or XRES is not 4 to 16 octets
     */
    public AuthenticationVector {
        rand = Octets.copyOf("RAND", rand, Octets.RAND);
        if (xres == null) {
            throw new AkaParameterException("XRES", "is missing");
        }
        // TS 33.102 6.3.2: RES is 32 to 128 bits; Milenage's f2 gives 64.
        if (xres.length < 4 || xres.length > 16) {
            throw new AkaParameterException("XRES", "must be 4 to 16 octets, got " + xres.length);
        }
        xres = xres.clone();
        ck = Octets.copyOf("CK", ck, Octets.KEY);
        ik = Octets.copyOf("IK", ik, Octets.KEY);
        autn = Octets.copyOf("AUTN", autn, Octets.AUTN);
    }

    @Override
    public byte[] rand() {
        return rand.clone();
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
    public byte[] autn() {
        return autn.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticationVector that
                && Arrays.equals(rand, that.rand) && MessageDigest.isEqual(xres, that.xres)
                && MessageDigest.isEqual(ck, that.ck) && MessageDigest.isEqual(ik, that.ik)
                && Arrays.equals(autn, that.autn);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rand) * 31 + Arrays.hashCode(autn);
    }

    @Override
    public String toString() {
        return "AuthenticationVector[RAND=" + HexKey.format(rand)
                + ", XRES=<redacted>, CK=<redacted>, IK=<redacted>, AUTN=" + HexKey.format(autn) + "]";
    }
}
