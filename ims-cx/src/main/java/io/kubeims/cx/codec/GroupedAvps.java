package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.grouped;
import static io.kubeims.cx.codec.AvpReader.once;
import static io.kubeims.cx.codec.CommandAvps.OCTETS;
import static io.kubeims.cx.codec.CommandAvps.UNSIGNED32;
import static io.kubeims.cx.codec.CommandAvps.UTF8;
import static io.kubeims.cx.codec.CommandAvps.enumerated;

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
            // Cx AVPs outside this grammar are allowed by *[ AVP ] and ignored
            CommandAvps a = new CommandAvps()
                    .one(CxAvp.SIP_ITEM_NUMBER, UNSIGNED32)
                    .one(CxAvp.SIP_AUTHENTICATION_SCHEME, UTF8)
                    .one(CxAvp.SIP_AUTHENTICATE, OCTETS)
                    .one(CxAvp.SIP_AUTHORIZATION, OCTETS)
                    .one(CxAvp.CONFIDENTIALITY_KEY, OCTETS)
                    .one(CxAvp.INTEGRITY_KEY, OCTETS)
                    .one(CxAvp.SIP_DIGEST_AUTHENTICATE, (child, def) -> sipDigestAuthenticate(child, strict))
                    .read(inner, index, strict);
            return new SipAuthDataItem(a.get(CxAvp.SIP_ITEM_NUMBER), a.get(CxAvp.SIP_AUTHENTICATION_SCHEME),
                    a.get(CxAvp.SIP_AUTHENTICATE), a.get(CxAvp.SIP_AUTHORIZATION), a.get(CxAvp.CONFIDENTIALITY_KEY),
                    a.get(CxAvp.INTEGRITY_KEY), a.get(CxAvp.SIP_DIGEST_AUTHENTICATE));
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SIP_AUTH_DATA_ITEM, avp.isMandatory());
        }
    }

    private SipDigestAuthenticate sipDigestAuthenticate(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.SIP_DIGEST_AUTHENTICATE);
        try {
            CommandAvps a = new CommandAvps()
                    .one(CxAvp.DIGEST_REALM, UTF8)
                    .one(CxAvp.DIGEST_QOP, UTF8)
                    .one(CxAvp.DIGEST_HA1, UTF8)
                    .one(CxAvp.DIGEST_ALGORITHM, UTF8)
                    .read(inner, index, strict);
            // TS 29.229 clause 6.3.36: { Digest-Realm } [ Digest-Algorithm ] { Digest-QoP } { Digest-HA1 }
            String realm = a.require(CxAvp.DIGEST_REALM);
            String qop = a.require(CxAvp.DIGEST_QOP);
            String ha1 = a.require(CxAvp.DIGEST_HA1);
            return new SipDigestAuthenticate(realm, qop, ha1, a.get(CxAvp.DIGEST_ALGORITHM));
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SIP_DIGEST_AUTHENTICATE, avp.isMandatory());
        }
    }

    ServerCapabilities serverCapabilities(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.SERVER_CAPABILITIES);
        try {
            CommandAvps a = new CommandAvps()
                    .many(CxAvp.MANDATORY_CAPABILITY, UNSIGNED32)
                    .many(CxAvp.OPTIONAL_CAPABILITY, UNSIGNED32)
                    .many(CxAvp.SERVER_NAME, UTF8)
                    .read(inner, index, strict);
            return new ServerCapabilities(a.all(CxAvp.MANDATORY_CAPABILITY), a.all(CxAvp.OPTIONAL_CAPABILITY),
                    a.all(CxAvp.SERVER_NAME));
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.SERVER_CAPABILITIES, avp.isMandatory());
        }
    }

    DeregistrationReason deregistrationReason(Avp avp, boolean strict) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.DEREGISTRATION_REASON);
        try {
            CommandAvps a = new CommandAvps()
                    .one(CxAvp.REASON_CODE, enumerated(ReasonCode::fromCode))
                    .one(CxAvp.REASON_INFO, UTF8)
                    .read(inner, index, strict);
            // TS 29.229 clause 6.3.16: { Reason-Code } [ Reason-Info ]
            ReasonCode code = a.require(CxAvp.REASON_CODE);
            return new DeregistrationReason(code, a.get(CxAvp.REASON_INFO));
        } catch (CxDecodeException e) {
            throw e.within(CxAvp.DEREGISTRATION_REASON, avp.isMandatory());
        }
    }

    /** Associated-Identities (TS 29.229 clause 6.3.33): *[ User-Name ]; adds them to {@code into}. */
    void associatedIdentities(Avp avp, boolean strict, List<String> into) throws CxDecodeException {
        AvpSet inner = grouped(avp, CxAvp.ASSOCIATED_IDENTITIES);
        try {
            into.addAll(new CommandAvps().many(CxAvp.USER_NAME, UTF8).read(inner, index, strict)
                    .<String>all(CxAvp.USER_NAME));
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
