package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.grouped;
import static io.kubeims.cx.codec.AvpReader.once;
import static io.kubeims.cx.codec.AvpReader.unknown;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.SipDigestAuthenticate;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ResultClass;
import io.kubeims.protocol.cx.UnknownResultCodeException;
import java.util.ArrayList;
import java.util.List;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * Decoders and encoders of the Grouped AVPs Cx uses (TS 29.229 clause 6.3). A fault inside a Grouped AVP is
 * reported with the Grouped AVP around the offending one (RFC 6733 section 7.5).
 */
final class GroupedAvps {

    private final AvpIndex index;

    GroupedAvps(AvpIndex index) {
        this.index = index;
    }

    // ---- decoding ----

    SipAuthDataItem sipAuthDataItem(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.SIP_AUTH_DATA_ITEM);
        try {
            Long itemNumber = null;
            String scheme = null;
            byte[] authenticate = null;
            byte[] authorization = null;
            byte[] ck = null;
            byte[] ik = null;
            SipDigestAuthenticate digest = null;
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == null) {
                    unknown(child, strict);
                    continue;
                }
                switch (def) {
                    case SIP_ITEM_NUMBER -> {
                        once(itemNumber, def, child);
                        itemNumber = AvpReader.unsigned32(child, def);
                    }
                    case SIP_AUTHENTICATION_SCHEME -> {
                        once(scheme, def, child);
                        scheme = AvpReader.utf8(child, def);
                    }
                    case SIP_AUTHENTICATE -> {
                        once(authenticate, def, child);
                        authenticate = AvpReader.octets(child);
                    }
                    case SIP_AUTHORIZATION -> {
                        once(authorization, def, child);
                        authorization = AvpReader.octets(child);
                    }
                    case CONFIDENTIALITY_KEY -> {
                        once(ck, def, child);
                        ck = AvpReader.octets(child);
                    }
                    case INTEGRITY_KEY -> {
                        once(ik, def, child);
                        ik = AvpReader.octets(child);
                    }
                    case SIP_DIGEST_AUTHENTICATE -> {
                        once(digest, def, child);
                        digest = sipDigestAuthenticate(child, strict);
                    }
                    default -> {
                        // a Cx AVP outside this grammar: allowed by *[ AVP ]
                    }
                }
            }
            return new SipAuthDataItem(itemNumber, scheme, authenticate, authorization, ck, ik, digest);
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SIP_AUTH_DATA_ITEM, avp.isMandatory());
        }
    }

    private SipDigestAuthenticate sipDigestAuthenticate(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.SIP_DIGEST_AUTHENTICATE);
        try {
            String realm = null;
            String qop = null;
            String ha1 = null;
            String algorithm = null;
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == null) {
                    unknown(child, strict);
                    continue;
                }
                switch (def) {
                    case DIGEST_REALM -> {
                        once(realm, def, child);
                        realm = AvpReader.utf8(child, def);
                    }
                    case DIGEST_QOP -> {
                        once(qop, def, child);
                        qop = AvpReader.utf8(child, def);
                    }
                    case DIGEST_HA1 -> {
                        once(ha1, def, child);
                        ha1 = AvpReader.utf8(child, def);
                    }
                    case DIGEST_ALGORITHM -> {
                        once(algorithm, def, child);
                        algorithm = AvpReader.utf8(child, def);
                    }
                    default -> {
                    }
                }
            }
            // TS 29.229 clause 6.3.36: { Digest-Realm } [ Digest-Algorithm ] { Digest-QoP } { Digest-HA1 }
            require(realm, CxAvp.DIGEST_REALM);
            require(qop, CxAvp.DIGEST_QOP);
            require(ha1, CxAvp.DIGEST_HA1);
            return new SipDigestAuthenticate(realm, qop, ha1, algorithm);
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SIP_DIGEST_AUTHENTICATE, avp.isMandatory());
        }
    }

    ServerCapabilities serverCapabilities(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.SERVER_CAPABILITIES);
        try {
            List<Long> mandatory = new ArrayList<>();
            List<Long> optional = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == null) {
                    unknown(child, strict);
                    continue;
                }
                switch (def) {
                    case MANDATORY_CAPABILITY -> mandatory.add(AvpReader.unsigned32(child, def));
                    case OPTIONAL_CAPABILITY -> optional.add(AvpReader.unsigned32(child, def));
                    case SERVER_NAME -> names.add(AvpReader.utf8(child, def));
                    default -> {
                    }
                }
            }
            return new ServerCapabilities(mandatory, optional, names);
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SERVER_CAPABILITIES, avp.isMandatory());
        }
    }

    DeregistrationReason deregistrationReason(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.DEREGISTRATION_REASON);
        try {
            ReasonCode code = null;
            String info = null;
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == null) {
                    unknown(child, strict);
                    continue;
                }
                switch (def) {
                    case REASON_CODE -> {
                        once(code, def, child);
                        code = AvpReader.enumerated(child, def, ReasonCode::fromCode);
                    }
                    case REASON_INFO -> {
                        once(info, def, child);
                        info = AvpReader.utf8(child, def);
                    }
                    default -> {
                    }
                }
            }
            // TS 29.229 clause 6.3.16: { Reason-Code } [ Reason-Info ]
            require(code, CxAvp.REASON_CODE);
            return new DeregistrationReason(code, info);
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.DEREGISTRATION_REASON, avp.isMandatory());
        }
    }

    /** Associated-Identities (TS 29.229 clause 6.3.33): *[ User-Name ]; adds them to {@code into}. */
    void associatedIdentities(Avp avp, boolean strict, List<String> into) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.ASSOCIATED_IDENTITIES);
        try {
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == null) {
                    unknown(child, strict);
                } else if (def == CxAvp.USER_NAME) {
                    into.add(AvpReader.utf8(child, def));
                }
            }
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.ASSOCIATED_IDENTITIES, avp.isMandatory());
        }
    }

    /** Experimental-Result (RFC 6733 section 7.6): { Vendor-Id } { Experimental-Result-Code }. */
    CxResult.Experimental experimentalResult(Avp avp) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.EXPERIMENTAL_RESULT);
        try {
            Long vendor = null;
            Long code = null;
            Avp codeAvp = null;
            for (Avp child : inner) {
                CxAvp def = index.find(child);
                if (def == CxAvp.VENDOR_ID) {
                    once(vendor, def, child);
                    vendor = AvpReader.unsigned32(child, def);
                } else if (def == CxAvp.EXPERIMENTAL_RESULT_CODE) {
                    once(code, def, child);
                    code = AvpReader.unsigned32(child, def);
                    codeAvp = child;
                }
            }
            require(vendor, CxAvp.VENDOR_ID);
            require(code, CxAvp.EXPERIMENTAL_RESULT_CODE);
            try {
                ResultClass.of(code);
            } catch (UnknownResultCodeException e) {
                throw CxDecodeException.invalidValue(CxAvp.EXPERIMENTAL_RESULT_CODE, AvpReader.asReceived(codeAvp),
                        "value " + code + " has no result class");
            }
            return new CxResult.Experimental(vendor, code);
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.EXPERIMENTAL_RESULT, avp.isMandatory());
        }
    }

    /** Failed-AVP (RFC 6733 section 7.5): 1* {AVP}, kept as received; adds them to {@code into}. */
    void failedAvp(Avp avp, List<RawAvp> into) throws CxDecodeException {
        for (Avp child : grouped(avp, CxAvp.FAILED_AVP)) {
            into.add(AvpReader.asReceived(child));
        }
    }

    static void require(Object value, CxAvp avp) throws CxDecodeException {
        if (value == null) {
            throw CxDecodeException.missing(avp);
        }
    }

    // ---- encoding ----

    static void sipAuthDataItem(AvpSet set, SipAuthDataItem item) {
        AvpSet group = AvpWriter.grouped(set, CxAvp.SIP_AUTH_DATA_ITEM);
        if (item.itemNumber() != null) {
            AvpWriter.unsigned32(group, CxAvp.SIP_ITEM_NUMBER, item.itemNumber());
        }
        if (item.authenticationScheme() != null) {
            AvpWriter.utf8(group, CxAvp.SIP_AUTHENTICATION_SCHEME, item.authenticationScheme());
        }
        octetsIfPresent(group, CxAvp.SIP_AUTHENTICATE, item.sipAuthenticate());
        octetsIfPresent(group, CxAvp.SIP_AUTHORIZATION, item.sipAuthorization());
        octetsIfPresent(group, CxAvp.CONFIDENTIALITY_KEY, item.confidentialityKey());
        octetsIfPresent(group, CxAvp.INTEGRITY_KEY, item.integrityKey());
        SipDigestAuthenticate digest = item.digestAuthenticate();
        if (digest != null) {
            AvpSet digestGroup = AvpWriter.grouped(group, CxAvp.SIP_DIGEST_AUTHENTICATE);
            AvpWriter.utf8(digestGroup, CxAvp.DIGEST_REALM, digest.digestRealm());
            if (digest.digestAlgorithm() != null) {
                AvpWriter.utf8(digestGroup, CxAvp.DIGEST_ALGORITHM, digest.digestAlgorithm());
            }
            AvpWriter.utf8(digestGroup, CxAvp.DIGEST_QOP, digest.digestQop());
            AvpWriter.utf8(digestGroup, CxAvp.DIGEST_HA1, digest.digestHa1());
        }
    }

    static void serverCapabilities(AvpSet set, ServerCapabilities capabilities) {
        AvpSet group = AvpWriter.grouped(set, CxAvp.SERVER_CAPABILITIES);
        for (long capability : capabilities.mandatoryCapabilities()) {
            AvpWriter.unsigned32(group, CxAvp.MANDATORY_CAPABILITY, capability);
        }
        for (long capability : capabilities.optionalCapabilities()) {
            AvpWriter.unsigned32(group, CxAvp.OPTIONAL_CAPABILITY, capability);
        }
        for (String name : capabilities.serverNames()) {
            AvpWriter.utf8(group, CxAvp.SERVER_NAME, name);
        }
    }

    static void deregistrationReason(AvpSet set, DeregistrationReason reason) {
        AvpSet group = AvpWriter.grouped(set, CxAvp.DEREGISTRATION_REASON);
        AvpWriter.enumerated(group, reason.reasonCode());
        if (reason.reasonInfo() != null) {
            AvpWriter.utf8(group, CxAvp.REASON_INFO, reason.reasonInfo());
        }
    }

    /** Associated-Identities, only when there are some (the AVP is optional). */
    static void associatedIdentities(AvpSet set, List<String> userNames) {
        if (!userNames.isEmpty()) {
            AvpSet group = AvpWriter.grouped(set, CxAvp.ASSOCIATED_IDENTITIES);
            for (String userName : userNames) {
                AvpWriter.utf8(group, CxAvp.USER_NAME, userName);
            }
        }
    }

    static void octetsIfPresent(AvpSet set, CxAvp avp, byte[] value) {
        if (value != null) {
            AvpWriter.octets(set, avp, value);
        }
    }
}
