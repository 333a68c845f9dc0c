package io.kubeims.protocol.aka;

/**
 * Hexadecimal text codec for AKA parameters given in configuration (K, OP, OPc, AMF, SQN ...), the notation
 * used by TS 35.208 and by provisioning systems. An optional {@code 0x} prefix and surrounding whitespace are
 * accepted; digits may be upper or lower case.
 *
 * <p>Errors never quote the input, since it is usually key material.
 */
public final class HexKey {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexKey() {
    }

    /**
     * Parses hex text that must decode to exactly {@code octets} octets.
     *
     * @param parameter name used in error messages, e.g. "K"
     * @param hex       the text, e.g. "0x465b5ce8b199b49faa5f0a2ee238a6bc"
     * @param octets    required decoded length
     * @return a new array of {@code octets} octets
     * @throws MalformedHexException     if the text is missing, has a non-hex character or an odd number of digits
     * @throws ParameterLengthException  if it decodes to another length
     */
    public static byte[] parse(String parameter, String hex, int octets) {
        byte[] value = parse(parameter, hex);
        if (value.length != octets) {
            throw new ParameterLengthException(parameter, octets, value.length);
        }
        return value;
    }

    /**
     * Parses hex text of any even number of digits.
     *
     * @param parameter name used in error messages
     * @param hex       the text
     * @return the decoded octets
     * @throws MalformedHexException if the text is missing, has a non-hex character or an odd number of digits
     */
    public static byte[] parse(String parameter, String hex) {
        if (hex == null) {
            throw new MalformedHexException(parameter, "is missing");
        }
        String digits = hex.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.length() % 2 != 0) {
            throw new MalformedHexException(parameter, "odd number of hex digits (" + digits.length() + ")");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                int position = high < 0 ? 2 * i : 2 * i + 1;
                throw new MalformedHexException(parameter, "not a hex digit at position " + position);
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    /**
     * Formats octets as lower-case hex without prefix, e.g. for logging public values such as RAND or AUTN.
     *
     * @param octets the value
     * @return 2 hex digits per octet
     */
    public static String format(byte[] octets) {
        char[] out = new char[octets.length * 2];
        for (int i = 0; i < octets.length; i++) {
            out[2 * i] = DIGITS[(octets[i] >> 4) & 0x0f];
            out[2 * i + 1] = DIGITS[octets[i] & 0x0f];
        }
        return new String(out);
    }
}
