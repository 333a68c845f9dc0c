package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxApplication;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ResultClass;
import java.util.Optional;

/**
 * The outcome carried by a Cx answer: either a base Result-Code (RFC 6733 section 7.1) or an Experimental-Result
 * {Vendor-Id, Experimental-Result-Code} (TS 29.229 clause 6.2). An answer carries exactly one of the two.
 *
 * <p>Codes are kept as received, so a value this project does not name (another vendor's, a newer release's)
 * still decodes; {@link #resultClass()} is what RFC 6733 section 7.1 says a receiver must act on.
 */
public sealed interface CxResult permits CxResult.Base, CxResult.Experimental {

    /** The Result-Code or Experimental-Result-Code value. */
    long code();

    /** The class given by the thousands digit. */
    default ResultClass resultClass() {
        return ResultClass.of(code());
    }

    default boolean isSuccess() {
        return resultClass() == ResultClass.SUCCESS;
    }

    /** Whether this is the base Result-Code {@code expected}. */
    default boolean is(DiameterResultCode expected) {
        return this instanceof Base && code() == expected.code();
    }

    /** Whether this is the 3GPP Experimental-Result-Code {@code expected}. */
    default boolean is(CxExperimentalResultCode expected) {
        return this instanceof Experimental experimental
                && experimental.vendorId() == CxApplication.VENDOR_ID_3GPP
                && code() == expected.code();
    }

    static Base of(DiameterResultCode code) {
        return new Base(code.code());
    }

    static Experimental of(CxExperimentalResultCode code) {
        return new Experimental(code.vendorId(), code.code());
    }

    /**
     * A Result-Code AVP (code 268).
     *
     * @param code 1000..5999
     */
    record Base(long code) implements CxResult {
        /** @throws io.kubeims.protocol.cx.UnknownResultCodeException when the code has no result class */
        public Base {
            ResultClass.of(code);
        }

        /** The RFC 6733 name of the code, when it is one. */
        public Optional<DiameterResultCode> known() {
            for (DiameterResultCode candidate : DiameterResultCode.values()) {
                if (candidate.code() == code) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        /** 3xxx: sent in an answer with the E-bit set (RFC 6733 section 7.1.3). */
        public boolean isProtocolError() {
            return resultClass() == ResultClass.PROTOCOL_ERROR;
        }
    }

    /**
     * An Experimental-Result AVP (code 297) with its Vendor-Id (10415 for every Cx code).
     *
     * @param code 1000..5999
     */
    record Experimental(long vendorId, long code) implements CxResult {
        /** @throws io.kubeims.protocol.cx.UnknownResultCodeException when the code has no result class */
        public Experimental {
            MessageFields.unsigned32(vendorId, "vendorId");
            ResultClass.of(code);
        }

        /** The TS 29.229 name of the code, when the vendor is 3GPP and the code is one of clause 6.2. */
        public Optional<CxExperimentalResultCode> known() {
            if (vendorId != CxApplication.VENDOR_ID_3GPP) {
                return Optional.empty();
            }
            for (CxExperimentalResultCode candidate : CxExperimentalResultCode.values()) {
                if (candidate.code() == code) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }
}
