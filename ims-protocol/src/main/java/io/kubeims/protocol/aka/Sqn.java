package io.kubeims.protocol.aka;

/**
 * A 48-bit AKA sequence number, structured as SQN = SEQ || IND (TS 33.102 Annex C.1.1): SEQ is the 43-bit
 * batch counter in the high bits, IND the 5-bit index in the low bits that selects the USIM's array element
 * (Annex C.2.2, a = 32 elements). SQN is not secret: it travels concealed by AK only for anonymity.
 *
 * @param value the SQN as an unsigned 48-bit number
 */
public record Sqn(long value) implements Comparable<Sqn> {

    /** Number of IND bits. */
    public static final int IND_BITS = 5;
    /** Number of SEQ bits. */
    public static final int SEQ_BITS = 43;
    /** Size a of the IND range and of the USIM's SEQ_MS array. */
    public static final int IND_COUNT = 1 << IND_BITS;
    /** Largest SQN value, 2^48 - 1. */
    public static final long MAX_VALUE = (1L << (SEQ_BITS + IND_BITS)) - 1;
    /** Largest SEQ value, 2^43 - 1. */
    public static final long MAX_SEQ = (1L << SEQ_BITS) - 1;
    /** SQN 0: SEQ 0, IND 0, the initial state of both the HE and the USIM. */
    public static final Sqn ZERO = new Sqn(0);

    /** @throws SqnOutOfRangeException if the value is negative or above 2^48 - 1 */
    public Sqn {
        if (value < 0 || value > MAX_VALUE) {
            throw new SqnOutOfRangeException("SQN", "must be within 0 .. 2^48-1");
        }
    }

    /**
     * SQN = SEQ || IND.
     *
     * @param seq 0 .. 2^43 - 1
     * @param ind 0 .. 31
     * @throws SqnOutOfRangeException if either part is out of range
     */
    public static Sqn of(long seq, int ind) {
        if (seq < 0 || seq > MAX_SEQ) {
            throw new SqnOutOfRangeException("SEQ", "must be within 0 .. 2^43-1");
        }
        if (ind < 0 || ind >= IND_COUNT) {
            throw new SqnOutOfRangeException("IND", "must be within 0 .. " + (IND_COUNT - 1));
        }
        return new Sqn((seq << IND_BITS) | ind);
    }

    /**
     * The SQN carried in 6 octets, most significant first (as in AUTN and AUTS).
     *
     * @throws ParameterLengthException if not 6 octets
     */
    public static Sqn fromOctets(byte[] octets) {
        byte[] six = Octets.copyOf("SQN", octets, Octets.SQN);
        long value = 0;
        for (byte octet : six) {
            value = (value << 8) | (octet & 0xff);
        }
        return new Sqn(value);
    }

    /**
     * The SQN from hex text, e.g. a provisioned initial value.
     *
     * @throws MalformedHexException    if not hex
     * @throws ParameterLengthException if not 6 octets
     */
    public static Sqn parseHex(String hex) {
        return fromOctets(HexKey.parse("SQN", hex, Octets.SQN));
    }

    /** The SEQ part (high 43 bits). */
    public long seq() {
        return value >>> IND_BITS;
    }

    /** The IND part (low 5 bits). */
    public int ind() {
        return (int) (value & (IND_COUNT - 1));
    }

    /** The 6 octets, most significant first. */
    public byte[] toOctets() {
        byte[] out = new byte[Octets.SQN];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (value >>> (8 * (out.length - 1 - i)));
        }
        return out;
    }

    @Override
    public int compareTo(Sqn other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "Sqn[" + HexKey.format(toOctets()) + ", SEQ=" + seq() + ", IND=" + ind() + "]";
    }
}
