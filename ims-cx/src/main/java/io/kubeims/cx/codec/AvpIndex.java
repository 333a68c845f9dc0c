package io.kubeims.cx.codec;

import io.kubeims.protocol.cx.CxApplication;
import io.kubeims.protocol.cx.CxAvp;
import org.jdiameter.api.Avp;

/** Finds the {@link CxAvp} of a received AVP by (vendor, code) with two array look-ups (no map, no boxing). */
final class AvpIndex {

    private static final int SIZE = 1024;

    private final CxAvp[] ietf = new CxAvp[SIZE];
    private final CxAvp[] threeGpp = new CxAvp[SIZE];

    AvpIndex() {
        for (CxAvp avp : CxAvp.values()) {
            if (avp.code() >= SIZE) {
                throw new IllegalStateException("AVP code beyond the index: " + avp);
            }
            (avp.vendorId() == CxApplication.VENDOR_ID_IETF ? ietf : threeGpp)[avp.code()] = avp;
        }
    }

    /** @return the AVP, or null when Cx does not use it */
    CxAvp find(Avp avp) {
        int code = avp.getCode();
        if (code < 0 || code >= SIZE) {
            return null;
        }
        long vendor = AvpReader.vendorId(avp);
        if (vendor == CxApplication.VENDOR_ID_IETF) {
            return ietf[code];
        }
        return vendor == CxApplication.VENDOR_ID_3GPP ? threeGpp[code] : null;
    }
}
