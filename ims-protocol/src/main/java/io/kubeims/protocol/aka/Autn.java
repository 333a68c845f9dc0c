package io.kubeims.protocol.aka;

import java.util.Arrays;

/**
 * The authentication token AUTN = SQN xor AK || AMF || MAC-A (TS 33.102 6.3.2), 16 octets. Not secret.
 *
 * @param concealedSqn SQN xor AK, 6 octets
 * @param amf          authentication management field, 2 octets
 * @param mac          MAC-A = f1(SQN, RAND, AMF), 8 octets
 */
public record Autn(byte[] concealedSqn, byte[] amf, byte[] mac) {

    /** @throws ParameterLengthException if a part has the wrong length */
    public Autn {
        concealedSqn = Octets.copyOf("SQN xor AK", concealedSqn, Octets.SQN);
        amf = Octets.copyOf("AMF", amf, Octets.AMF);
        mac = Octets.copyOf("MAC-A", mac, Octets.MAC);
    }

    /**
     * Splits the 16 octets of an AUTN.
     *
     * @throws ParameterLengthException if not 16 octets
     */
    public static Autn fromOctets(byte[] autn) {
        byte[] octets = Octets.copyOf("AUTN", autn, Octets.AUTN);
        return new Autn(Octets.slice(octets, 0, 6), Octets.slice(octets, 6, 8), Octets.slice(octets, 8, 16));
    }

    /** The 16 octets. */
    public byte[] toOctets() {
        return Octets.concat(concealedSqn, amf, mac);
    }

    @Override
    public byte[] concealedSqn() {
        return concealedSqn.clone();
    }

    @Override
    public byte[] amf() {
        return amf.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Autn that && Arrays.equals(toOctets(), that.toOctets());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toOctets());
    }

    @Override
    public String toString() {
        return "Autn[" + HexKey.format(toOctets()) + "]";
    }
}
