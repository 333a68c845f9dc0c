package io.kubeims.protocol.aka;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Milenage example algorithm set for the 3GPP authentication functions f1, f1*, f2, f3, f4, f5 and f5*
 * (TS 35.206), with AES-128 (the JDK's AES/ECB/NoPadding) as the kernel E_K. Verified against every test set of
 * TS 35.208 4.3.
 *
 * <p>Instances are thread-safe: the AES kernel is set up once per instance (setting up a JCE cipher costs far more
 * than the few blocks a vector needs) and used under the instance's lock.
 */
public final class Milenage {

    // TS 35.206 4.1: rotation amounts r1..r5 (in octets here, all are multiples of 8 bits) and constants c1..c5,
    // which are zero but for the last octet.
    private static final int R1 = 8;
    private static final int R2 = 0;
    private static final int R3 = 4;
    private static final int R4 = 8;
    private static final int R5 = 12;
    private static final int C1 = 0;
    private static final int C2 = 1;
    private static final int C3 = 2;
    private static final int C4 = 4;
    private static final int C5 = 8;

    /** E_K; a Cipher is stateful, so every use holds its lock. */
    private final Cipher kernel;
    private final byte[] opc;

    /** @param keys the subscriber's K and OPc */
    public Milenage(SubscriberKeys keys) {
        this.kernel = cipher(new SecretKeySpec(keys.k(), "AES"));
        this.opc = keys.opc();
    }

    /**
     * OPc = OP xor E_K(OP) (TS 35.206 4.1).
     *
     * @param k  subscriber key, 16 octets
     * @param op operator variant algorithm configuration field, 16 octets
     * @return OPc, 16 octets
     * @throws ParameterLengthException if K or OP is not 16 octets
     */
    public static byte[] opc(byte[] k, byte[] op) {
        byte[] key = Octets.copyOf("K", k, Octets.KEY);
        byte[] operatorVariant = Octets.copyOf("OP", op, Octets.KEY);
        return Octets.xor(operatorVariant, encrypt(cipher(new SecretKeySpec(key, "AES")), operatorVariant));
    }

    /**
     * f1: the network authentication code MAC-A (TS 35.206 4.1, OUT1 octets 0-7).
     *
     * @param rand 16 octets
     * @param sqn  6 octets
     * @param amf  2 octets
     * @return MAC-A, 8 octets
     */
    public byte[] f1(byte[] rand, byte[] sqn, byte[] amf) {
        return Octets.slice(out1(rand, sqn, amf), 0, 8);
    }

    /**
     * f1*: the resynchronisation authentication code MAC-S (OUT1 octets 8-15).
     *
     * @param rand 16 octets
     * @param sqn  6 octets
     * @param amf  2 octets (0x0000 when computing AUTS, TS 33.102 6.3.3)
     * @return MAC-S, 8 octets
     */
    public byte[] f1Star(byte[] rand, byte[] sqn, byte[] amf) {
        return Octets.slice(out1(rand, sqn, amf), 8, 16);
    }

    /** f2: the response RES / XRES (OUT2 octets 8-15), 8 octets. */
    public byte[] f2(byte[] rand) {
        return Octets.slice(out(rand, R2, C2), 8, 16);
    }

    /** f3: the cipher key CK (OUT3), 16 octets. */
    public byte[] f3(byte[] rand) {
        return out(rand, R3, C3);
    }

    /** f4: the integrity key IK (OUT4), 16 octets. */
    public byte[] f4(byte[] rand) {
        return out(rand, R4, C4);
    }

    /** f5: the anonymity key AK (OUT2 octets 0-5), 6 octets. */
    public byte[] f5(byte[] rand) {
        return Octets.slice(out(rand, R2, C2), 0, 6);
    }

    /** f5*: the resynchronisation anonymity key AK* (OUT5 octets 0-5), 6 octets. */
    public byte[] f5Star(byte[] rand) {
        return Octets.slice(out(rand, R5, C5), 0, 6);
    }

    private byte[] out1(byte[] rand, byte[] sqn, byte[] amf) {
        byte[] sqnOctets = Octets.copyOf("SQN", sqn, Octets.SQN);
        byte[] amfOctets = Octets.copyOf("AMF", amf, Octets.AMF);
        byte[] temp = temp(rand);
        byte[] in1 = Octets.concat(sqnOctets, amfOctets, sqnOctets, amfOctets);
        byte[] block = Octets.xor(temp, rotate(Octets.xor(in1, opc), R1));
        block[15] ^= C1;
        return Octets.xor(kernel(block), opc);
    }

    /** OUT2..OUT5 = E_K(rot(TEMP xor OPc, r) xor c) xor OPc. */
    private byte[] out(byte[] rand, int rotation, int constant) {
        byte[] block = rotate(Octets.xor(temp(rand), opc), rotation);
        block[15] ^= (byte) constant;
        return Octets.xor(kernel(block), opc);
    }

    /** TEMP = E_K(RAND xor OPc). */
    private byte[] temp(byte[] rand) {
        return kernel(Octets.xor(Octets.copyOf("RAND", rand, Octets.RAND), opc));
    }

    private byte[] kernel(byte[] block) {
        synchronized (kernel) {
            return encrypt(kernel, block);
        }
    }

    /** Cyclic left rotation by whole octets (TS 35.206 defines r1..r5 in bits, all multiples of 8). */
    private static byte[] rotate(byte[] block, int octets) {
        byte[] out = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            out[i] = block[(i + octets) % block.length];
        }
        return out;
    }

    private static Cipher cipher(SecretKeySpec key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide AES/ECB/NoPadding with 128-bit keys.
            throw new IllegalStateException("AES-128 is not available", e);
        }
    }

    private static byte[] encrypt(Cipher cipher, byte[] block) {
        try {
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 failed on a 16-octet block", e);
        }
    }

    @Override
    public String toString() {
        return "Milenage[K=<redacted>, OPc=<redacted>]";
    }
}
