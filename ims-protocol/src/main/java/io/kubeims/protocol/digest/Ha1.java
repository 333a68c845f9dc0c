package io.kubeims.protocol.digest;

import io.kubeims.protocol.aka.HexKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * HA1 = MD5(username ":" realm ":" password) of RFC 2617 3.2.2.2, the password-equivalent secret an S-CSCF gets
 * from the HSS for SIP Digest (TS 29.229 SIP-Digest-Authenticate) or derives from XRES for AKA (RFC 3310 3.3).
 * Held as 32 lower-case hex digits; {@code toString()} redacts it.
 *
 * @param hex 32 hex digits
 */
public record Ha1(String hex) {

    /** @throws io.kubeims.protocol.aka.AkaParameterException if not 32 hex digits (message without the value) */
    public Ha1 {
        hex = HexKey.format(HexKey.parse("HA1", hex, 16));
    }

    /**
     * A precomputed HA1 in hex, as the HSS hands it out.
     *
     * @throws io.kubeims.protocol.aka.MalformedHexException     if not hex
     * @throws io.kubeims.protocol.aka.ParameterLengthException  if not 16 octets
     */
    public static Ha1 parseHex(String hex) {
        return new Ha1(hex);
    }

    /** HA1 from a text password, encoded in UTF-8 (SIP's charset, RFC 3261 25.1). */
    public static Ha1 of(String username, String realm, String password) {
        return of(username, realm, password.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HA1 from a binary password, as AKAv1-MD5 uses RES (RFC 3310 3.3). Username and realm are UTF-8.
     */
    public static Ha1 of(String username, String realm, byte[] password) {
        MessageDigest md5 = Md5.newDigest();
        md5.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        md5.update(password);
        return new Ha1(HexKey.format(md5.digest()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ha1 that
                && MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                        that.hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return "Ha1[<redacted>]";
    }
}
