package io.kubeims.cx.codec;

import io.kubeims.cx.message.RawAvp;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.UnknownEnumeratedValueException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * Reads AVP values from their raw data, checking the length and encoding of each data format (RFC 6733 section
 * 4.2) instead of trusting jdiameter's lenient getters.
 */
final class AvpReader {

    private AvpReader() {
    }

    /** The Vendor-Id as the Unsigned32 it is (jdiameter stores it sign-extended from an int). */
    static long vendorId(Avp avp) {
        return avp.getVendorId() & 0xFFFF_FFFFL;
    }

    /**
     * The AVP data as received. jdiameter empties the raw data of a Grouped AVP once it has been parsed (by anyone),
     * so an empty value is re-encoded from the parsed inner AVPs; for a truly empty value that yields no octets.
     */
    static byte[] raw(Avp avp) {
        try {
            byte[] raw = avp.getRaw();
            if (raw != null && raw.length > 0) {
                return raw;
            }
            avp.getGrouped();
            byte[] encoded = avp.getRawData();
            return encoded == null ? new byte[0] : encoded;
        } catch (AvpDataException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The AVP as received, for Failed-AVP. Call before {@link #grouped} parses it (jdiameter drops the raw data). */
    static RawAvp asReceived(Avp avp) {
        return new RawAvp(avp.getCode(), vendorId(avp), avp.isMandatory(), raw(avp));
    }

    static String utf8(Avp avp, CxAvp def) throws CxDecodeException {
        try {
            // newDecoder() reports malformed input instead of replacing it
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw(avp))).toString();
        } catch (CharacterCodingException e) {
            throw CxDecodeException.invalidValue(def, asReceived(avp), "not valid UTF-8");
        }
    }

    /** DiameterIdentity (RFC 6733 section 4.3.1): ASCII only (internationalised names travel as punycode). */
    static String identity(Avp avp, CxAvp def) throws CxDecodeException {
        byte[] raw = raw(avp);
        char[] chars = new char[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0x20) {
                // bytes >= 0x80 are negative: neither they nor control characters belong in an FQDN
                throw CxDecodeException.invalidValue(def, asReceived(avp), "not an ASCII DiameterIdentity");
            }
            chars[i] = (char) raw[i];
        }
        return new String(chars);
    }

    static byte[] octets(Avp avp) {
        return raw(avp).clone();
    }

    static long unsigned32(Avp avp, CxAvp def) throws CxDecodeException {
        return integer32(avp, def) & 0xFFFF_FFFFL;
    }

    static int integer32(Avp avp, CxAvp def) throws CxDecodeException {
        byte[] raw = raw(avp);
        if (raw.length != 4) {
            throw CxDecodeException.invalidLength(def, asReceived(avp),
                    raw.length + " data octets where the format needs 4");
        }
        return (raw[0] & 0xFF) << 24 | (raw[1] & 0xFF) << 16 | (raw[2] & 0xFF) << 8 | (raw[3] & 0xFF);
    }

    /**
     * An Enumerated value through the {@code fromCode} of its ims-protocol enum; an undefined value is
     * DIAMETER_INVALID_AVP_VALUE with the AVP as received (RFC 6733 section 7.1.5).
     */
    static <E> E enumerated(Avp avp, CxAvp def, IntFunction<E> fromCode) throws CxDecodeException {
        int value = integer32(avp, def);
        try {
            return fromCode.apply(value);
        } catch (UnknownEnumeratedValueException e) {
            throw CxDecodeException.invalidValue(def, asReceived(avp), "value " + value + " is not defined");
        }
    }

    /** The inner AVPs of a Grouped AVP; inner lengths that do not add up are DIAMETER_INVALID_AVP_LENGTH. */
    static AvpSet grouped(Avp avp, CxAvp def) throws CxDecodeException {
        try {
            return avp.getGrouped();
        } catch (AvpDataException | RuntimeException e) {
            // a failed parse leaves jdiameter's raw data in place
            throw CxDecodeException.invalidLength(def, asReceived(avp), "inner AVP lengths do not add up");
        }
    }

    /** Rejects a second occurrence of a single-valued AVP. */
    static void once(Object current, CxAvp def, Avp avp) throws CxDecodeException {
        if (current != null) {
            throw CxDecodeException.tooManyTimes(def, asReceived(avp));
        }
    }

    /**
     * An AVP Cx does not know. In a request one with the M-bit set is rejected (RFC 6733 section 4.1); in an
     * answer it is ignored, since an answer cannot be refused.
     */
    static void unknown(Avp avp, boolean strict) throws CxDecodeException {
        if (strict && avp.isMandatory()) {
            throw CxDecodeException.unsupported(asReceived(avp));
        }
    }
}
