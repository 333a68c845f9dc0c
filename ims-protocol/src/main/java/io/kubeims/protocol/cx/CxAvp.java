package io.kubeims.protocol.cx;

import static io.kubeims.protocol.cx.AvpDataType.ADDRESS;
import static io.kubeims.protocol.cx.AvpDataType.DIAMETER_IDENTITY;
import static io.kubeims.protocol.cx.AvpDataType.DIAMETER_URI;
import static io.kubeims.protocol.cx.AvpDataType.ENUMERATED;
import static io.kubeims.protocol.cx.AvpDataType.GROUPED;
import static io.kubeims.protocol.cx.AvpDataType.OCTET_STRING;
import static io.kubeims.protocol.cx.AvpDataType.TIME;
import static io.kubeims.protocol.cx.AvpDataType.UNSIGNED32;
import static io.kubeims.protocol.cx.AvpDataType.UTF8_STRING;
import static io.kubeims.protocol.cx.CxApplication.VENDOR_ID_3GPP;
import static io.kubeims.protocol.cx.CxApplication.VENDOR_ID_IETF;
import static io.kubeims.protocol.cx.FlagRule.MAY;
import static io.kubeims.protocol.cx.FlagRule.MUST;
import static io.kubeims.protocol.cx.FlagRule.MUST_NOT;

import java.util.Optional;

/**
 * The AVPs a Cx/Dx message carries (3GPP TS 29.229 clause 6.3), with code, vendor, data type and M-bit rule.
 *
 * <p>The M-bit rules of the Cx-specific AVPs (vendor 10415) follow TS 29.229 table 6.3.1: codes 600 to 627
 * and Originating-Request must set M; Supported-Features may; all later AVPs must not. Base-protocol AVPs
 * follow RFC 6733 section 4.5, the Digest AVPs RFC 4740, and DRMP, OC-Supported-Features, OC-OLR and Load
 * are re-used by TS 29.229 with the M-bit cleared. The V-bit is set exactly when the vendor id is not 0.
 *
 * <p>An AVP is identified by the pair (vendor id, code): OC-OLR (vendor 0, code 623) and
 * User-Authorization-Type (vendor 10415, code 623) are different AVPs.
 */
public enum CxAvp {

    // Diameter base protocol, RFC 6733.
    USER_NAME("User-Name", 1, VENDOR_ID_IETF, UTF8_STRING, MUST),
    PROXY_STATE("Proxy-State", 33, VENDOR_ID_IETF, OCTET_STRING, MUST),
    HOST_IP_ADDRESS("Host-IP-Address", 257, VENDOR_ID_IETF, ADDRESS, MUST),
    AUTH_APPLICATION_ID("Auth-Application-Id", 258, VENDOR_ID_IETF, UNSIGNED32, MUST),
    ACCT_APPLICATION_ID("Acct-Application-Id", 259, VENDOR_ID_IETF, UNSIGNED32, MUST),
    VENDOR_SPECIFIC_APPLICATION_ID("Vendor-Specific-Application-Id", 260, VENDOR_ID_IETF, GROUPED, MUST),
    SESSION_ID("Session-Id", 263, VENDOR_ID_IETF, UTF8_STRING, MUST),
    ORIGIN_HOST("Origin-Host", 264, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    SUPPORTED_VENDOR_ID("Supported-Vendor-Id", 265, VENDOR_ID_IETF, UNSIGNED32, MUST),
    VENDOR_ID("Vendor-Id", 266, VENDOR_ID_IETF, UNSIGNED32, MUST),
    FIRMWARE_REVISION("Firmware-Revision", 267, VENDOR_ID_IETF, UNSIGNED32, MUST_NOT),
    RESULT_CODE("Result-Code", 268, VENDOR_ID_IETF, UNSIGNED32, MUST),
    PRODUCT_NAME("Product-Name", 269, VENDOR_ID_IETF, UTF8_STRING, MUST_NOT),
    DISCONNECT_CAUSE("Disconnect-Cause", 273, VENDOR_ID_IETF, ENUMERATED, MUST),
    AUTH_SESSION_STATE("Auth-Session-State", 277, VENDOR_ID_IETF, ENUMERATED, MUST),
    ORIGIN_STATE_ID("Origin-State-Id", 278, VENDOR_ID_IETF, UNSIGNED32, MUST),
    FAILED_AVP("Failed-AVP", 279, VENDOR_ID_IETF, GROUPED, MUST),
    PROXY_HOST("Proxy-Host", 280, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    ERROR_MESSAGE("Error-Message", 281, VENDOR_ID_IETF, UTF8_STRING, MUST_NOT),
    ROUTE_RECORD("Route-Record", 282, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    DESTINATION_REALM("Destination-Realm", 283, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    PROXY_INFO("Proxy-Info", 284, VENDOR_ID_IETF, GROUPED, MUST),
    DESTINATION_HOST("Destination-Host", 293, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    ERROR_REPORTING_HOST("Error-Reporting-Host", 294, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST_NOT),
    ORIGIN_REALM("Origin-Realm", 296, VENDOR_ID_IETF, DIAMETER_IDENTITY, MUST),
    EXPERIMENTAL_RESULT("Experimental-Result", 297, VENDOR_ID_IETF, GROUPED, MUST),
    EXPERIMENTAL_RESULT_CODE("Experimental-Result-Code", 298, VENDOR_ID_IETF, UNSIGNED32, MUST),

    // IETF AVPs in the Cx command grammars: DRMP (RFC 7944), DOIC (RFC 7683), Load (RFC 8583).
    DRMP("DRMP", 301, VENDOR_ID_IETF, ENUMERATED, MUST_NOT),
    OC_SUPPORTED_FEATURES("OC-Supported-Features", 621, VENDOR_ID_IETF, GROUPED, MUST_NOT),
    OC_OLR("OC-OLR", 623, VENDOR_ID_IETF, GROUPED, MUST_NOT),
    LOAD("Load", 650, VENDOR_ID_IETF, GROUPED, MUST_NOT),

    // Digest AVPs of RFC 4740, carried inside SIP-Digest-Authenticate (TS 29.229 clause 6.3.36).
    DIGEST_REALM("Digest-Realm", 104, VENDOR_ID_IETF, UTF8_STRING, MUST),
    DIGEST_QOP("Digest-QoP", 110, VENDOR_ID_IETF, UTF8_STRING, MUST),
    DIGEST_ALGORITHM("Digest-Algorithm", 111, VENDOR_ID_IETF, UTF8_STRING, MUST),
    DIGEST_HA1("Digest-HA1", 121, VENDOR_ID_IETF, UTF8_STRING, MUST),

    // Cx/Dx AVPs, TS 29.229 clause 6.3 and table 6.3.1.
    VISITED_NETWORK_IDENTIFIER("Visited-Network-Identifier", 600, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    PUBLIC_IDENTITY("Public-Identity", 601, VENDOR_ID_3GPP, UTF8_STRING, MUST),
    SERVER_NAME("Server-Name", 602, VENDOR_ID_3GPP, UTF8_STRING, MUST),
    SERVER_CAPABILITIES("Server-Capabilities", 603, VENDOR_ID_3GPP, GROUPED, MUST),
    MANDATORY_CAPABILITY("Mandatory-Capability", 604, VENDOR_ID_3GPP, UNSIGNED32, MUST),
    OPTIONAL_CAPABILITY("Optional-Capability", 605, VENDOR_ID_3GPP, UNSIGNED32, MUST),
    USER_DATA("User-Data", 606, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    SIP_NUMBER_AUTH_ITEMS("SIP-Number-Auth-Items", 607, VENDOR_ID_3GPP, UNSIGNED32, MUST),
    SIP_AUTHENTICATION_SCHEME("SIP-Authentication-Scheme", 608, VENDOR_ID_3GPP, UTF8_STRING, MUST),
    SIP_AUTHENTICATE("SIP-Authenticate", 609, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    SIP_AUTHORIZATION("SIP-Authorization", 610, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    SIP_AUTHENTICATION_CONTEXT("SIP-Authentication-Context", 611, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    SIP_AUTH_DATA_ITEM("SIP-Auth-Data-Item", 612, VENDOR_ID_3GPP, GROUPED, MUST),
    SIP_ITEM_NUMBER("SIP-Item-Number", 613, VENDOR_ID_3GPP, UNSIGNED32, MUST),
    SERVER_ASSIGNMENT_TYPE("Server-Assignment-Type", 614, VENDOR_ID_3GPP, ENUMERATED, MUST),
    DEREGISTRATION_REASON("Deregistration-Reason", 615, VENDOR_ID_3GPP, GROUPED, MUST),
    REASON_CODE("Reason-Code", 616, VENDOR_ID_3GPP, ENUMERATED, MUST),
    REASON_INFO("Reason-Info", 617, VENDOR_ID_3GPP, UTF8_STRING, MUST),
    CHARGING_INFORMATION("Charging-Information", 618, VENDOR_ID_3GPP, GROUPED, MUST),
    PRIMARY_EVENT_CHARGING_FUNCTION_NAME(
            "Primary-Event-Charging-Function-Name", 619, VENDOR_ID_3GPP, DIAMETER_URI, MUST),
    SECONDARY_EVENT_CHARGING_FUNCTION_NAME(
            "Secondary-Event-Charging-Function-Name", 620, VENDOR_ID_3GPP, DIAMETER_URI, MUST),
    PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME(
            "Primary-Charging-Collection-Function-Name", 621, VENDOR_ID_3GPP, DIAMETER_URI, MUST),
    SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME(
            "Secondary-Charging-Collection-Function-Name", 622, VENDOR_ID_3GPP, DIAMETER_URI, MUST),
    USER_AUTHORIZATION_TYPE("User-Authorization-Type", 623, VENDOR_ID_3GPP, ENUMERATED, MUST),
    USER_DATA_ALREADY_AVAILABLE("User-Data-Already-Available", 624, VENDOR_ID_3GPP, ENUMERATED, MUST),
    CONFIDENTIALITY_KEY("Confidentiality-Key", 625, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    INTEGRITY_KEY("Integrity-Key", 626, VENDOR_ID_3GPP, OCTET_STRING, MUST),
    // 627 was User-Data-Request-Type, removed from TS 29.229 in Rel-6.
    SUPPORTED_FEATURES("Supported-Features", 628, VENDOR_ID_3GPP, GROUPED, MAY),
    FEATURE_LIST_ID("Feature-List-ID", 629, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    FEATURE_LIST("Feature-List", 630, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    SUPPORTED_APPLICATIONS("Supported-Applications", 631, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    ASSOCIATED_IDENTITIES("Associated-Identities", 632, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    ORIGINATING_REQUEST("Originating-Request", 633, VENDOR_ID_3GPP, ENUMERATED, MUST),
    WILDCARDED_PUBLIC_IDENTITY("Wildcarded-Public-Identity", 634, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    SIP_DIGEST_AUTHENTICATE("SIP-Digest-Authenticate", 635, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    WILDCARDED_IMPU("Wildcarded-IMPU", 636, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    UAR_FLAGS("UAR-Flags", 637, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    LOOSE_ROUTE_INDICATION("Loose-Route-Indication", 638, VENDOR_ID_3GPP, ENUMERATED, MUST_NOT),
    SCSCF_RESTORATION_INFO("SCSCF-Restoration-Info", 639, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    PATH("Path", 640, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    CONTACT("Contact", 641, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    SUBSCRIPTION_INFO("Subscription-Info", 642, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    CALL_ID_SIP_HEADER("Call-ID-SIP-Header", 643, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    FROM_SIP_HEADER("From-SIP-Header", 644, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    TO_SIP_HEADER("To-SIP-Header", 645, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    RECORD_ROUTE("Record-Route", 646, VENDOR_ID_3GPP, OCTET_STRING, MUST_NOT),
    ASSOCIATED_REGISTERED_IDENTITIES(
            "Associated-Registered-Identities", 647, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    MULTIPLE_REGISTRATION_INDICATION(
            "Multiple-Registration-Indication", 648, VENDOR_ID_3GPP, ENUMERATED, MUST_NOT),
    RESTORATION_INFO("Restoration-Info", 649, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    SESSION_PRIORITY("Session-Priority", 650, VENDOR_ID_3GPP, ENUMERATED, MUST_NOT),
    IDENTITY_WITH_EMERGENCY_REGISTRATION(
            "Identity-with-Emergency-Registration", 651, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    /** The spelling "Priviledged" is the one of TS 29.229 clause 6.3.58. */
    PRIVILEDGED_SENDER_INDICATION("Priviledged-Sender-Indication", 652, VENDOR_ID_3GPP, ENUMERATED, MUST_NOT),
    LIA_FLAGS("LIA-Flags", 653, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    INITIAL_CSEQ_SEQUENCE_NUMBER("Initial-CSeq-Sequence-Number", 654, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    SAR_FLAGS("SAR-Flags", 655, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    ALLOWED_WAF_WWSF_IDENTITIES("Allowed-WAF-WWSF-Identities", 656, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    WEBRTC_AUTHENTICATION_FUNCTION_NAME(
            "WebRTC-Authentication-Function-Name", 657, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    WEBRTC_WEB_SERVER_FUNCTION_NAME(
            "WebRTC-Web-Server-Function-Name", 658, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    RTR_FLAGS("RTR-Flags", 659, VENDOR_ID_3GPP, UNSIGNED32, MUST_NOT),
    P_CSCF_SUBSCRIPTION_INFO("P-CSCF-Subscription-Info", 660, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    REGISTRATION_TIME_OUT("Registration-Time-Out", 661, VENDOR_ID_3GPP, TIME, MUST_NOT),
    ALTERNATE_DIGEST_ALGORITHM("Alternate-Digest-Algorithm", 662, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    ALTERNATE_DIGEST_HA1("Alternate-Digest-HA1", 663, VENDOR_ID_3GPP, UTF8_STRING, MUST_NOT),
    FAILED_PCSCF("Failed-PCSCF", 664, VENDOR_ID_3GPP, GROUPED, MUST_NOT),
    PCSCF_FQDN("PCSCF-FQDN", 665, VENDOR_ID_3GPP, DIAMETER_IDENTITY, MUST_NOT),
    PCSCF_IP_ADDRESS("PCSCF-IP-Address", 666, VENDOR_ID_3GPP, ADDRESS, MUST_NOT);

    private final String avpName;
    private final int code;
    private final long vendorId;
    private final AvpDataType dataType;
    private final FlagRule mandatoryBit;

    CxAvp(String avpName, int code, long vendorId, AvpDataType dataType, FlagRule mandatoryBit) {
        this.avpName = avpName;
        this.code = code;
        this.vendorId = vendorId;
        this.dataType = dataType;
        this.mandatoryBit = mandatoryBit;
    }

    /** The AVP name as written in the specification, e.g. "Server-Assignment-Type". */
    public String avpName() {
        return avpName;
    }

    /** The AVP code of the AVP header. */
    public int code() {
        return code;
    }

    /** The Vendor-Id of the AVP header: 10415 for 3GPP AVPs, 0 for IETF AVPs. */
    public long vendorId() {
        return vendorId;
    }

    public AvpDataType dataType() {
        return dataType;
    }

    /** The rule for the M (mandatory) bit. */
    public FlagRule mandatoryBit() {
        return mandatoryBit;
    }

    /** The rule for the V (vendor-specific) bit: set exactly when the AVP carries a non-zero Vendor-Id. */
    public FlagRule vendorBit() {
        return vendorId == VENDOR_ID_IETF ? MUST_NOT : MUST;
    }

    /**
     * Looks up an AVP by the identity of its header.
     *
     * @return the AVP, or empty when it is not one that Cx uses (an unknown AVP is normal; only one with the
     *         M-bit set is an error, DIAMETER_AVP_UNSUPPORTED)
     */
    public static Optional<CxAvp> find(long vendorId, int code) {
        for (CxAvp avp : values()) {
            if (avp.vendorId == vendorId && avp.code == code) {
                return Optional.of(avp);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return avpName + " (" + code + (vendorId == VENDOR_ID_IETF ? "" : ", vendor " + vendorId) + ")";
    }
}
