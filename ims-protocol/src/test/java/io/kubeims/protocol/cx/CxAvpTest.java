package io.kubeims.protocol.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CxAvpTest {

    @Test
    void applicationAndVendorIds() {
        // TS 29.229 clause 5.6 and TS 29.230: Cx/Dx application 16777216; 3GPP vendor 10415.
        assertEquals(16777216L, CxApplication.CX_DX_APPLICATION_ID);
        assertEquals(10415L, CxApplication.VENDOR_ID_3GPP);
        assertEquals(0L, CxApplication.VENDOR_ID_IETF);
    }

    @Test
    void codesAreUniqueWithinAVendor() {
        Set<List<Long>> seen = new HashSet<>();
        for (CxAvp avp : CxAvp.values()) {
            assertTrue(seen.add(List.of(avp.vendorId(), (long) avp.code())), "duplicate header identity: " + avp);
        }
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (CxAvp avp : CxAvp.values()) {
            assertTrue(seen.add(avp.avpName()), "duplicate name " + avp.avpName());
        }
    }

    @Test
    void spotChecksAgainstTheSpecifications() {
        // TS 29.229 6.3.1: Visited-Network-Identifier, 600, OctetString.
        assertAvp(CxAvp.VISITED_NETWORK_IDENTIFIER, "Visited-Network-Identifier", 600, 10415, AvpDataType.OCTET_STRING);
        // TS 29.229 6.3.2: Public-Identity, 601, UTF8String.
        assertAvp(CxAvp.PUBLIC_IDENTITY, "Public-Identity", 601, 10415, AvpDataType.UTF8_STRING);
        // TS 29.229 6.3.7: User-Data, 606, OctetString (not the Sh User-Data, 702).
        assertAvp(CxAvp.USER_DATA, "User-Data", 606, 10415, AvpDataType.OCTET_STRING);
        // TS 29.229 6.3.13: SIP-Auth-Data-Item, 612, Grouped.
        assertAvp(CxAvp.SIP_AUTH_DATA_ITEM, "SIP-Auth-Data-Item", 612, 10415, AvpDataType.GROUPED);
        // TS 29.229 6.3.15: Server-Assignment-Type, 614, Enumerated.
        assertAvp(CxAvp.SERVER_ASSIGNMENT_TYPE, "Server-Assignment-Type", 614, 10415, AvpDataType.ENUMERATED);
        // TS 29.229 6.3.20: Primary-Event-Charging-Function-Name, 619, DiameterURI.
        assertAvp(CxAvp.PRIMARY_EVENT_CHARGING_FUNCTION_NAME, "Primary-Event-Charging-Function-Name", 619, 10415,
                AvpDataType.DIAMETER_URI);
        // TS 29.229 6.3.27 / 6.3.28: Confidentiality-Key 625 and Integrity-Key 626, OctetString.
        assertAvp(CxAvp.CONFIDENTIALITY_KEY, "Confidentiality-Key", 625, 10415, AvpDataType.OCTET_STRING);
        assertAvp(CxAvp.INTEGRITY_KEY, "Integrity-Key", 626, 10415, AvpDataType.OCTET_STRING);
        // TS 29.229 6.3.29: Supported-Features, 628, Grouped.
        assertAvp(CxAvp.SUPPORTED_FEATURES, "Supported-Features", 628, 10415, AvpDataType.GROUPED);
        // TS 29.229 6.3.36: SIP-Digest-Authenticate, 635, Grouped.
        assertAvp(CxAvp.SIP_DIGEST_AUTHENTICATE, "SIP-Digest-Authenticate", 635, 10415, AvpDataType.GROUPED);
        // TS 29.229 6.3.47: Path, 640, OctetString.
        assertAvp(CxAvp.PATH, "Path", 640, 10415, AvpDataType.OCTET_STRING);
        // TS 29.229 6.3.59: LIA-Flags, 653, Unsigned32.
        assertAvp(CxAvp.LIA_FLAGS, "LIA-Flags", 653, 10415, AvpDataType.UNSIGNED32);
        // TS 29.229 6.3.66: WebRTC-Web-Server-Function-Name, 658, UTF8String.
        assertAvp(CxAvp.WEBRTC_WEB_SERVER_FUNCTION_NAME, "WebRTC-Web-Server-Function-Name", 658, 10415,
                AvpDataType.UTF8_STRING);
        // RFC 6733 8.8: Session-Id, 263, UTF8String.
        assertAvp(CxAvp.SESSION_ID, "Session-Id", 263, 0, AvpDataType.UTF8_STRING);
        // RFC 6733 7.7: Experimental-Result-Code, 298, Unsigned32.
        assertAvp(CxAvp.EXPERIMENTAL_RESULT_CODE, "Experimental-Result-Code", 298, 0, AvpDataType.UNSIGNED32);
        // RFC 6733 6.7.4: Proxy-State, 33, OctetString.
        assertAvp(CxAvp.PROXY_STATE, "Proxy-State", 33, 0, AvpDataType.OCTET_STRING);
        // RFC 4740 (RFC 5090 attribute numbers): Digest-Realm 104, Digest-QoP 110, Digest-Algorithm 111,
        // Digest-HA1 121, all UTF8String.
        assertAvp(CxAvp.DIGEST_REALM, "Digest-Realm", 104, 0, AvpDataType.UTF8_STRING);
        assertAvp(CxAvp.DIGEST_QOP, "Digest-QoP", 110, 0, AvpDataType.UTF8_STRING);
        assertAvp(CxAvp.DIGEST_ALGORITHM, "Digest-Algorithm", 111, 0, AvpDataType.UTF8_STRING);
        assertAvp(CxAvp.DIGEST_HA1, "Digest-HA1", 121, 0, AvpDataType.UTF8_STRING);
    }

    private static void assertAvp(CxAvp avp, String name, int code, long vendorId, AvpDataType type) {
        assertEquals(name, avp.avpName());
        assertEquals(code, avp.code(), name);
        assertEquals(vendorId, avp.vendorId(), name);
        assertEquals(type, avp.dataType(), name);
    }

    @Test
    void mandatoryBitOfCxAvpsFollowsTable631() {
        // TS 29.229 table 6.3.1: 600..626 and Originating-Request (633) "M, V" must; Supported-Features (628)
        // "V" must and "M" may; every other Cx AVP "V" must and "M" must not.
        for (CxAvp avp : CxAvp.values()) {
            if (avp.vendorId() != 10415L) {
                continue;
            }
            FlagRule expected;
            if (avp.code() <= 626 || avp.code() == 633) {
                expected = FlagRule.MUST;
            } else if (avp.code() == 628) {
                expected = FlagRule.MAY;
            } else {
                expected = FlagRule.MUST_NOT;
            }
            assertEquals(expected, avp.mandatoryBit(), avp.toString());
        }
    }

    @Test
    void mandatoryBitOfReusedAvps() {
        // RFC 6733 4.5: M must, except Error-Message, Error-Reporting-Host, Product-Name, Firmware-Revision.
        assertEquals(FlagRule.MUST, CxAvp.ORIGIN_HOST.mandatoryBit());
        assertEquals(FlagRule.MUST, CxAvp.FAILED_AVP.mandatoryBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.ERROR_MESSAGE.mandatoryBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.ERROR_REPORTING_HOST.mandatoryBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.PRODUCT_NAME.mandatoryBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.FIRMWARE_REVISION.mandatoryBit());
        // RFC 4740: Digest AVPs M must.
        assertEquals(FlagRule.MUST, CxAvp.DIGEST_HA1.mandatoryBit());
        // DRMP, OC-Supported-Features, OC-OLR, Load: re-used by TS 29.229 with M cleared.
        assertEquals(FlagRule.MUST_NOT, CxAvp.DRMP.mandatoryBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.OC_OLR.mandatoryBit());
    }

    @Test
    void vendorBitIsSetExactlyForVendorSpecificAvps() {
        for (CxAvp avp : CxAvp.values()) {
            FlagRule expected = avp.vendorId() == 0 ? FlagRule.MUST_NOT : FlagRule.MUST;
            assertEquals(expected, avp.vendorBit(), avp.toString());
        }
        assertEquals(FlagRule.MUST, CxAvp.PUBLIC_IDENTITY.vendorBit());
        assertEquals(FlagRule.MUST_NOT, CxAvp.USER_NAME.vendorBit());
    }

    @Test
    void findDistinguishesVendorsSharingACode() {
        // 623 is User-Authorization-Type for 3GPP (TS 29.229 6.3.24) and OC-OLR for the IETF (RFC 7683).
        assertEquals(Optional.of(CxAvp.USER_AUTHORIZATION_TYPE), CxAvp.find(10415, 623));
        assertEquals(Optional.of(CxAvp.OC_OLR), CxAvp.find(0, 623));
        // 650 is Session-Priority for 3GPP (6.3.56) and Load for the IETF (RFC 8583).
        assertEquals(Optional.of(CxAvp.SESSION_PRIORITY), CxAvp.find(10415, 650));
        assertEquals(Optional.of(CxAvp.LOAD), CxAvp.find(0, 650));
        assertEquals(Optional.of(CxAvp.SESSION_ID), CxAvp.find(0, 263));
    }

    @Test
    void findReturnsEmptyForAvpsCxDoesNotUse() {
        // 627 (User-Data-Request-Type) was removed from TS 29.229; 702 is the Sh User-Data.
        assertTrue(CxAvp.find(10415, 627).isEmpty());
        assertTrue(CxAvp.find(10415, 702).isEmpty());
        assertTrue(CxAvp.find(0, 600).isEmpty());
        assertTrue(CxAvp.find(10415, 263).isEmpty());
    }

    @Test
    void everyAvpRoundTripsThroughFind() {
        for (CxAvp avp : CxAvp.values()) {
            assertEquals(Optional.of(avp), CxAvp.find(avp.vendorId(), avp.code()));
        }
    }

    @Test
    void flagRulePermits() {
        assertTrue(FlagRule.MUST.permits(true));
        assertFalse(FlagRule.MUST.permits(false));
        assertTrue(FlagRule.MAY.permits(true));
        assertTrue(FlagRule.MAY.permits(false));
        assertFalse(FlagRule.MUST_NOT.permits(true));
        assertTrue(FlagRule.MUST_NOT.permits(false));
    }

    @Test
    void toStringNamesCodeAndVendor() {
        assertEquals("Server-Name (602, vendor 10415)", CxAvp.SERVER_NAME.toString());
        assertEquals("Origin-Host (264)", CxAvp.ORIGIN_HOST.toString());
    }
}
