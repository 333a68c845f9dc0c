package io.kubeims.protocol.aka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Milenage conformance test set of TS 35.208 4.3, loaded from {@code aka/ts35208-test-sets.csv}
 * (see the comment at the top of that file for where the values come from).
 */
public record Ts35208TestSet(int number, byte[] k, byte[] rand, byte[] sqn, byte[] amf, byte[] op, byte[] opc,
        byte[] f1, byte[] f1Star, byte[] f2, byte[] f3, byte[] f4, byte[] f5, byte[] f5Star) {

    /** Number of test sets in TS 35.208 section 4.3. */
    public static final int COUNT = 20;

    private static final String RESOURCE = "/aka/ts35208-test-sets.csv";

    /** All sets in file order. */
    public static List<Ts35208TestSet> all() {
        List<Ts35208TestSet> sets = new ArrayList<>();
        try (InputStream in = Ts35208TestSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 14) {
                    throw new IllegalStateException(RESOURCE + ": expected 14 columns in: " + line);
                }
                sets.add(new Ts35208TestSet(Integer.parseInt(f[0]), hex(f[1], 16), hex(f[2], 16), hex(f[3], 6),
                        hex(f[4], 2), hex(f[5], 16), hex(f[6], 16), hex(f[7], 8), hex(f[8], 8), hex(f[9], 8),
                        hex(f[10], 16), hex(f[11], 16), hex(f[12], 6), hex(f[13], 6)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sets;
    }

    /** The set with this number (1 .. 20). */
    public static Ts35208TestSet number(int number) {
        return all().stream().filter(set -> set.number == number).findFirst().orElseThrow();
    }

    /** AUTN = (SQN xor AK) || AMF || MAC-A, composed from this set's published SQN, f5, AMF and f1. */
    public byte[] autn() {
        byte[] autn = new byte[16];
        for (int i = 0; i < 6; i++) {
            autn[i] = (byte) (sqn[i] ^ f5[i]);
        }
        System.arraycopy(amf, 0, autn, 6, 2);
        System.arraycopy(f1, 0, autn, 8, 8);
        return autn;
    }

    /** K and OP of this set. */
    public SubscriberKeys keys() {
        return SubscriberKeys.fromOp(k, op);
    }

    private static byte[] hex(String text, int octets) {
        return HexKey.parse("test data", text, octets);
    }

    @Override
    public String toString() {
        return "TS 35.208 test set " + number;
    }
}
