package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.once;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.protocol.cx.AuthSessionState;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.ResultClass;
import io.kubeims.protocol.cx.UnknownResultCodeException;
import java.util.ArrayList;
import java.util.List;
import org.jdiameter.api.Avp;

/**
 * Collects the AVPs every Cx answer may carry: Session-Id, Origin-Host/Realm, Auth-Session-State, Result-Code or
 * Experimental-Result, Error-Message and Failed-AVP. Only the result is required: a node must act on any answer
 * (RFC 6733 section 7.1), including the error answers jdiameter builds from the request.
 */
final class AnswerFields {

    private final GroupedAvps grouped;
    private String sessionId;
    private String originHost;
    private String originRealm;
    private AuthSessionState authSessionState;
    private Long resultCode;
    private CxResult.Experimental experimental;
    private String errorMessage;
    private final List<RawAvp> failedAvps = new ArrayList<>();

    AnswerFields(GroupedAvps grouped) {
        this.grouped = grouped;
    }

    /** @return whether {@code def} was one of these AVPs (and has been read) */
    boolean accept(CxAvp def, Avp avp) throws CxDecodeException {
        switch (def) {
            case SESSION_ID -> {
                once(sessionId, def, avp);
                sessionId = AvpReader.utf8(avp, def);
            }
            case ORIGIN_HOST -> {
                once(originHost, def, avp);
                originHost = AvpReader.identity(avp, def);
            }
            case ORIGIN_REALM -> {
                once(originRealm, def, avp);
                originRealm = AvpReader.identity(avp, def);
            }
            case AUTH_SESSION_STATE -> {
                once(authSessionState, def, avp);
                authSessionState = AvpReader.enumerated(avp, def, AuthSessionState::fromCode);
            }
            case RESULT_CODE -> {
                once(resultCode, def, avp);
                long code = AvpReader.unsigned32(avp, def);
                try {
                    ResultClass.of(code);
                } catch (UnknownResultCodeException e) {
                    throw CxDecodeException.invalidValue(def, AvpReader.asReceived(avp),
                            "value " + code + " has no result class");
                }
                resultCode = code;
            }
            case EXPERIMENTAL_RESULT -> {
                once(experimental, def, avp);
                experimental = grouped.experimentalResult(avp);
            }
            case ERROR_MESSAGE -> {
                once(errorMessage, def, avp);
                errorMessage = AvpReader.utf8(avp, def);
            }
            // RFC 6733 answers allow several Failed-AVP AVPs: their contents are concatenated
            case FAILED_AVP -> grouped.failedAvp(avp, failedAvps);
            case VENDOR_SPECIFIC_APPLICATION_ID, PROXY_INFO, ROUTE_RECORD -> {
                // routing AVPs: nothing for the application
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The result: Result-Code when present (an answer should carry only one of the two; Result-Code wins),
     * else Experimental-Result.
     */
    CxResult result() throws CxDecodeException {
        if (resultCode != null) {
            return new CxResult.Base(resultCode);
        }
        if (experimental != null) {
            return experimental;
        }
        throw CxDecodeException.missing(CxAvp.RESULT_CODE);
    }

    String errorMessage() {
        return errorMessage;
    }

    List<RawAvp> failedAvps() {
        return failedAvps;
    }

    CxEnvelope envelope() {
        return new CxEnvelope(sessionId, originHost, originRealm, null, null);
    }
}
