package io.kubeims.protocol.cx;

/**
 * Application and vendor identifiers of the Cx/Dx interface (3GPP TS 29.229 clause 5.6, TS 29.230).
 */
public final class CxApplication {

    /** Vendor-Id of 3GPP, used in the AVP header of every Cx-specific AVP and in Experimental-Result. */
    public static final long VENDOR_ID_3GPP = 10415L;

    /** Vendor-Id 0: the AVP is defined by the IETF (RFC 6733 section 4.1, V-bit cleared). */
    public static final long VENDOR_ID_IETF = 0L;

    /** Auth-Application-Id of the Cx/Dx application, advertised in CER/CEA inside Vendor-Specific-Application-Id. */
    public static final long CX_DX_APPLICATION_ID = 16777216L;

    /** Application-Id 0 of the Diameter common messages (CER/CEA, DWR/DWA, DPR/DPA), RFC 6733 section 2.4. */
    public static final long DIAMETER_COMMON_MESSAGES_APPLICATION_ID = 0L;

    private CxApplication() {
    }
}
