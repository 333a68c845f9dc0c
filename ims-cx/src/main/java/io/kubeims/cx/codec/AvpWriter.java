package io.kubeims.cx.codec;

import io.kubeims.cx.message.RawAvp;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.EnumeratedAvpValue;
import io.kubeims.protocol.cx.FlagRule;
import java.nio.charset.StandardCharsets;
import org.jdiameter.api.AvpSet;

/**
 * Adds AVPs with the header flags of {@link CxAvp}: V-bit exactly when the vendor is not 0 (jdiameter sets it
 * from the vendor id), M-bit when the rule is MUST (TS 29.229 table 6.3.1, RFC 6733 section 4.5), P-bit never.
 */
final class AvpWriter {

    private AvpWriter() {
    }

    static boolean mandatory(CxAvp avp) {
        return avp.mandatoryBit() == FlagRule.MUST;
    }

    static void utf8(AvpSet set, CxAvp avp, String value) {
        set.addAvp(avp.code(), value.getBytes(StandardCharsets.UTF_8), avp.vendorId(), mandatory(avp), false);
    }

    /** DiameterIdentity: an FQDN or realm, ASCII (RFC 6733 section 4.3.1). */
    static void identity(AvpSet set, CxAvp avp, String value) {
        set.addAvp(avp.code(), value.getBytes(StandardCharsets.US_ASCII), avp.vendorId(), mandatory(avp), false);
    }

    static void octets(AvpSet set, CxAvp avp, byte[] value) {
        set.addAvp(avp.code(), value, avp.vendorId(), mandatory(avp), false);
    }

    static void unsigned32(AvpSet set, CxAvp avp, long value) {
        set.addAvp(avp.code(), value, avp.vendorId(), mandatory(avp), false, true);
    }

    static void enumerated(AvpSet set, EnumeratedAvpValue value) {
        CxAvp avp = value.avp();
        set.addAvp(avp.code(), value.code(), avp.vendorId(), mandatory(avp), false);
    }

    static AvpSet grouped(AvpSet set, CxAvp avp) {
        return set.addGroupedAvp(avp.code(), avp.vendorId(), mandatory(avp), false);
    }

    /** An AVP copied as it was received (into Failed-AVP). */
    static void raw(AvpSet set, RawAvp avp) {
        set.addAvp(avp.code(), avp.data(), avp.vendorId(), avp.mandatory(), false);
    }
}
