package io.kubeims.protocol.digest;

import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.aka.ParameterLengthException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Digest AKA nonce of RFC 3310 3.2: base64(RAND || AUTN || server-specific data). RAND and AUTN are 16 octets
 * each; the optional server data lets a server bind its own state to the nonce. Not secret.
 *
 * @param rand       RAND, 16 octets
 * @param autn       AUTN, 16 octets
 * @param serverData server-specific data, possibly empty
 */
public record AkaNonce(byte[] rand, byte[] autn, byte[] serverData) {

    private static final int RAND = 16;
    private static final int AUTN = 16;

    /**
     * @throws ParameterLengthException if RAND or AUTN is not 16 octets
     * @throws NullPointerException     if a part is null
     */
    public AkaNonce {
        if (rand.length != RAND) {
            throw new ParameterLengthException("RAND", RAND, rand.length);
        }
        if (autn.length != AUTN) {
            throw new ParameterLengthException("AUTN", AUTN, autn.length);
        }
        rand = rand.clone();
        autn = autn.clone();
        serverData = serverData.clone();
    }

    /** The nonce for an authentication vector, without server data. */
    public static AkaNonce of(AuthenticationVector vector) {
        return new AkaNonce(vector.rand(), vector.autn(), new byte[0]);
    }

    /**
     * Decodes a nonce from a challenge or from credentials.
     *
     * @throws InvalidAkaNonceException if it is missing, not base64, or shorter than 32 octets once decoded
     */
    public static AkaNonce decode(String nonce) {
        if (nonce == null) {
            throw new InvalidAkaNonceException("AKA nonce is missing");
        }
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            throw new InvalidAkaNonceException("AKA nonce is not valid base64", e);
        }
        if (octets.length < RAND + AUTN) {
            throw new InvalidAkaNonceException(
                    "AKA nonce decodes to " + octets.length + " octets, RAND || AUTN needs " + (RAND + AUTN));
        }
        return new AkaNonce(Arrays.copyOfRange(octets, 0, RAND), Arrays.copyOfRange(octets, RAND, RAND + AUTN),
                Arrays.copyOfRange(octets, RAND + AUTN, octets.length));
    }

    /** The base64 text for the {@code nonce} parameter. */
    public String encode() {
        byte[] octets = new byte[RAND + AUTN + serverData.length];
        System.arraycopy(rand, 0, octets, 0, RAND);
        System.arraycopy(autn, 0, octets, RAND, AUTN);
        System.arraycopy(serverData, 0, octets, RAND + AUTN, serverData.length);
        return Base64.getEncoder().encodeToString(octets);
    }

    @Override
    public byte[] rand() {
        return rand.clone();
    }

    @Override
    public byte[] autn() {
        return autn.clone();
    }

    @Override
    public byte[] serverData() {
        return serverData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AkaNonce that && Arrays.equals(rand, that.rand) && Arrays.equals(autn, that.autn)
                && Arrays.equals(serverData, that.serverData);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(rand) * 31 + Arrays.hashCode(autn)) * 31 + Arrays.hashCode(serverData);
    }

    @Override
    public String toString() {
        return "AkaNonce[RAND=" + HexKey.format(rand) + ", AUTN=" + HexKey.format(autn) + ", serverData="
                + HexKey.format(serverData) + "]";
    }
}
