package io.kubeims.cx.codec;

import io.kubeims.cx.message.RawAvp;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.DiameterResultCode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A received Cx message breaks its command grammar (TS 29.229 clause 6.1) or the AVP rules of RFC 6733. Carries
 * what the answer must report: the Result-Code (5001, 5004, 5005, 5009 or 5014), the Failed-AVP content of RFC 6733
 * section 7.5, and an Error-Message (the exception message, which names the AVP and never carries an octet-string or
 * text value).
 */
public class CxDecodeException extends Exception {

    private final DiameterResultCode resultCode;
    private final List<RawAvp> failedAvps;

    public CxDecodeException(DiameterResultCode resultCode, String message, List<RawAvp> failedAvps) {
        super(message);
        this.resultCode = resultCode;
        this.failedAvps = List.copyOf(failedAvps);
    }

    /** The Result-Code the answer carries. */
    public DiameterResultCode resultCode() {
        return resultCode;
    }

    /** The AVPs to put inside Failed-AVP. */
    public List<RawAvp> failedAvps() {
        return failedAvps;
    }

    /**
     * DIAMETER_MISSING_AVP: Failed-AVP holds an example of the missing AVP, its value of minimum length and all
     * zeroes (RFC 6733 section 7.5).
     */
    static CxDecodeException missing(CxAvp avp) {
        RawAvp example = new RawAvp(avp.code(), avp.vendorId(), AvpWriter.mandatory(avp),
                new byte[minimumLength(avp)]);
        return new CxDecodeException(DiameterResultCode.MISSING_AVP, "missing AVP " + avp, List.of(example));
    }

    /** DIAMETER_INVALID_AVP_VALUE with the offending AVP as received. */
    static CxDecodeException invalidValue(CxAvp avp, RawAvp received, String problem) {
        return new CxDecodeException(DiameterResultCode.INVALID_AVP_VALUE,
                "invalid value of AVP " + avp + ": " + problem, List.of(received));
    }

    /** DIAMETER_INVALID_AVP_LENGTH with the offending AVP as received (RFC 6733 section 7.1.5). */
    static CxDecodeException invalidLength(CxAvp avp, RawAvp received, String problem) {
        return new CxDecodeException(DiameterResultCode.INVALID_AVP_LENGTH,
                "invalid length of AVP " + avp + ": " + problem, List.of(received));
    }

    /** DIAMETER_AVP_OCCURS_TOO_MANY_TIMES with the first occurrence beyond the allowed one (RFC 6733 7.1.5). */
    static CxDecodeException tooManyTimes(CxAvp avp, RawAvp extra) {
        return new CxDecodeException(DiameterResultCode.AVP_OCCURS_TOO_MANY_TIMES,
                "AVP " + avp + " occurs more than once", List.of(extra));
    }

    /** DIAMETER_AVP_UNSUPPORTED: an unknown AVP with the M-bit set (RFC 6733 section 4.1). */
    static CxDecodeException unsupported(RawAvp received) {
        return new CxDecodeException(DiameterResultCode.AVP_UNSUPPORTED,
                "unsupported AVP " + received.code()
                        + (received.vendorSpecific() ? " of vendor " + received.vendorId() : "")
                        + " with the M-bit set", List.of(received));
    }

    /**
     * The same error found inside Grouped AVP {@code parent}: Failed-AVP then holds the parent with only the
     * offending AVP inside (RFC 6733 section 7.5).
     */
    CxDecodeException within(CxAvp parent, boolean parentMandatory) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        for (RawAvp failed : failedAvps) {
            byte[] wire = failed.wireBytes();
            inner.write(wire, 0, wire.length);
        }
        RawAvp wrapped = new RawAvp(parent.code(), parent.vendorId(), parentMandatory, inner.toByteArray());
        CxDecodeException nested = new CxDecodeException(resultCode, getMessage() + " inside " + parent,
                List.of(wrapped));
        nested.initCause(this);
        return nested;
    }

    private static int minimumLength(CxAvp avp) {
        return switch (avp.dataType()) {
            case INTEGER32, UNSIGNED32, ENUMERATED, FLOAT32, TIME -> 4;
            case INTEGER64, UNSIGNED64, FLOAT64 -> 8;
            // AddressType (2 octets) and an IPv4 address
            case ADDRESS -> 6;
            default -> 0;
        };
    }
}
