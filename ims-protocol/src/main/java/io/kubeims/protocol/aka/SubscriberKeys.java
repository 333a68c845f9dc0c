package io.kubeims.protocol.aka;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The long-term secrets shared by a USIM and its HE/AuC for Milenage (TS 35.206): the subscriber key K and the
 * operator variant OPc, both 128 bits. OPc is stored rather than OP, as TS 35.206 recommends; build from OP
 * with {@link #fromOp}. {@code toString()} never shows the keys.
 *
 * @param k   subscriber key K, 16 octets
 * @param opc operator variant OPc = OP xor E_K(OP), 16 octets
 */
public record SubscriberKeys(byte[] k, byte[] opc) {

    /**
     * @throws ParameterLengthException if K or OPc is not 16 octets
     * @throws AkaParameterException    if either is null
     */
    public SubscriberKeys {
        k = Octets.copyOf("K", k, Octets.KEY);
        opc = Octets.copyOf("OPc", opc, Octets.KEY);
    }

    /**
     * Keys from K and OPc.
     *
     * @throws ParameterLengthException if K or OPc is not 16 octets
     */
    public static SubscriberKeys fromOpc(byte[] k, byte[] opc) {
        return new SubscriberKeys(k, opc);
    }

    /**
     * Keys from K and OP, computing OPc = OP xor E_K(OP) (TS 35.206 4.1).
     *
     * @throws ParameterLengthException if K or OP is not 16 octets
     */
    public static SubscriberKeys fromOp(byte[] k, byte[] op) {
        return new SubscriberKeys(k, Milenage.opc(k, op));
    }

    /**
     * Keys from hex configuration text (e.g. a Kubernetes Secret): K and OPc.
     *
     * @throws MalformedHexException    if a value is not hex
     * @throws ParameterLengthException if a value is not 16 octets
     */
    public static SubscriberKeys fromOpcHex(String k, String opc) {
        return fromOpc(HexKey.parse("K", k, Octets.KEY), HexKey.parse("OPc", opc, Octets.KEY));
    }

    /**
     * Keys from hex configuration text: K and OP.
     *
     * @throws MalformedHexException    if a value is not hex
     * @throws ParameterLengthException if a value is not 16 octets
     */
    public static SubscriberKeys fromOpHex(String k, String op) {
        return fromOp(HexKey.parse("K", k, Octets.KEY), HexKey.parse("OP", op, Octets.KEY));
    }

    /** A copy of K. */
    @Override
    public byte[] k() {
        return k.clone();
    }

    /** A copy of OPc. */
    @Override
    public byte[] opc() {
        return opc.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriberKeys that
                && MessageDigest.isEqual(k, that.k) && MessageDigest.isEqual(opc, that.opc);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(k) + Arrays.hashCode(opc);
    }

    @Override
    public String toString() {
        return "SubscriberKeys[K=<redacted>, OPc=<redacted>]";
    }
}
