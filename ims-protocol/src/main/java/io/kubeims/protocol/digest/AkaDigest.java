package io.kubeims.protocol.digest;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.Auts;
import io.kubeims.protocol.aka.ParameterLengthException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Digest AKAv1-MD5 (RFC 3310), the IMS authentication of TS 33.203: the nonce carries RAND || AUTN, RES
 * (or XRES at the server) is the password, binary, in HA1 = MD5(username ":" realm ":" RES), and a
 * synchronisation failure is reported with {@code auts} and a response computed with an empty password.
 *
 * <p>S-CSCF: {@link #challenge} for the 401, then
 * {@code RequestDigest.matches(AkaDigest.ha1(impi, realm, xres), credentials, method, body)}; on {@code auts},
 * pass RAND (from {@link AkaNonce#decode}) and {@link #decodeAuts} to the HSS. UE: {@link #ha1} of RES, or
 * {@link #synchronisationFailureHa1} with {@link #encodeAuts}.
 */
public final class AkaDigest {

    /** The algorithm token of RFC 3310 3.1. */
    public static final String ALGORITHM = "AKAv1-MD5";

    private static final int AUTS_OCTETS = 14;

    private AkaDigest() {
    }

    /**
     * A challenge with nonce base64(RAND || AUTN), algorithm AKAv1-MD5 and qop="auth".
     *
     * @param realm  the realm (the home network domain in IMS)
     * @param vector the vector from the HSS
     */
    public static DigestChallenge challenge(String realm, AuthenticationVector vector) {
        return new DigestChallenge(realm, AkaNonce.of(vector).encode(), Optional.empty(), Optional.of(ALGORITHM),
                List.of(Qop.AUTH.token()), false, Map.of());
    }

    /**
     * HA1 with RES (UE) or XRES (server) as the binary password (RFC 3310 3.3).
     *
     * @param username the private user identity
     * @param realm    the realm of the challenge
     * @param res      RES or XRES
     */
    public static Ha1 ha1(String username, String realm, byte[] res) {
        return Ha1.of(username, realm, res);
    }

    /** HA1 with the empty password a UE uses when it reports a synchronisation failure (RFC 3310 3.4). */
    public static Ha1 synchronisationFailureHa1(String username, String realm) {
        return Ha1.of(username, realm, new byte[0]);
    }

    /** The base64 text of the {@code auts} parameter (RFC 3310 3.4). */
    public static String encodeAuts(Auts auts) {
        return Base64.getEncoder().encodeToString(auts.toOctets());
    }

    /**
     * Decodes the {@code auts} parameter.
     *
     * @throws InvalidAutsException if it is missing, not base64, or not 14 octets once decoded
     */
    public static Auts decodeAuts(String auts) {
        if (auts == null) {
            throw new InvalidAutsException("auts is missing");
        }
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(auts);
        } catch (IllegalArgumentException e) {
            throw new InvalidAutsException("auts is not valid base64", e);
        }
        if (octets.length != AUTS_OCTETS) {
            throw new InvalidAutsException("auts decodes to " + octets.length + " octets, AUTS is " + AUTS_OCTETS);
        }
        try {
            return Auts.fromOctets(octets);
        } catch (ParameterLengthException e) {
            throw new InvalidAutsException("auts has the wrong length", e);
        }
    }
}
