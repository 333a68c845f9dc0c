package io.kubeims.cx.message;

import java.io.ByteArrayOutputStream;

/**
 * One AVP as it travels, header fields and data: what a Failed-AVP (RFC 6733 section 7.5) holds. The data of a
 * Grouped AVP is the encoding of its inner AVPs. toString() shows the length of the data, never the data.
 *
 * @param code     AVP code (the 32 bits of the Unsigned32 code; every Cx code is below 2^31)
 * @param vendorId 0 for IETF AVPs (V-bit cleared), else the vendor (V-bit set)
 * @param mandatory the M-bit
 * @param data     the AVP data without padding
 */
public record RawAvp(int code, long vendorId, boolean mandatory, byte[] data) {

    private static final int HEADER_LENGTH = 8;
    private static final int VENDOR_ID_LENGTH = 4;
    private static final int MAX_AVP_LENGTH = 0xFF_FFFF;

    public RawAvp {
        MessageFields.unsigned32(vendorId, "vendorId");
        data = MessageFields.copy(MessageFields.required(data, "data"));
        if (headerLength(vendorId) + data.length > MAX_AVP_LENGTH) {
            throw new InvalidCxMessageException("data", "does not fit the 24-bit AVP Length");
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The V-bit: set exactly when the AVP carries a Vendor-Id. */
    public boolean vendorSpecific() {
        return vendorId != 0;
    }

    /**
     * The AVP on the wire (RFC 6733 section 4.1): header, data and padding to a multiple of four octets. Used to
     * nest an offending AVP inside the Grouped AVP that carried it.
     */
    public byte[] wireBytes() {
        int length = headerLength(vendorId) + data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 3);
        writeInt(out, code);
        out.write((vendorSpecific() ? 0x80 : 0) | (mandatory ? 0x40 : 0));
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (vendorSpecific()) {
            writeInt(out, (int) vendorId);
        }
        out.write(data, 0, data.length);
        for (int pad = (4 - length % 4) % 4; pad > 0; pad--) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static int headerLength(long vendorId) {
        return HEADER_LENGTH + (vendorId != 0 ? VENDOR_ID_LENGTH : 0);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawAvp that && code == that.code && vendorId == that.vendorId
                && mandatory == that.mandatory && MessageFields.same(data, that.data);
    }

    @Override
    public int hashCode() {
        return (Integer.hashCode(code) * 31 + Long.hashCode(vendorId)) * 31 + MessageFields.hash(data);
    }

    @Override
    public String toString() {
        return "RawAvp[code=" + code + (vendorId != 0 ? ", vendorId=" + vendorId : "") + ", mandatory=" + mandatory
                + ", data=" + MessageFields.describe(data) + "]";
    }
}
