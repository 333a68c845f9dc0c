package io.kubeims.cx.codec;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.AuthSessionState;
import io.kubeims.protocol.cx.CxApplication;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.OriginatingRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Message;

/** Writes the Cx AVPs of request and answer records into jdiameter messages (TS 29.229 clause 6.1 grammars). */
final class CxMessageEncoder {

    private final String originHost;
    private final String originRealm;

    CxMessageEncoder(String originHost, String originRealm) {
        this.originHost = originHost;
        this.originRealm = originRealm;
    }

    void request(CxRequest<?> request, Message target) {
        // PXY in every Cx command header; Cx sessions are stateless (TS 29.229 clauses 6.1 and 5.3)
        target.setProxiable(true);
        AvpSet avps = target.getAvps();
        avps.removeAvp(CxAvp.AUTH_SESSION_STATE.code());
        AvpWriter.enumerated(avps, AuthSessionState.NO_STATE_MAINTAINED);
        if (request instanceof UserAuthorizationRequest uar) {
            AvpWriter.utf8(avps, CxAvp.USER_NAME, uar.userName());
            AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, uar.publicIdentity());
            AvpWriter.octets(avps, CxAvp.VISITED_NETWORK_IDENTIFIER,
                    uar.visitedNetworkIdentifier().getBytes(StandardCharsets.UTF_8));
            AvpWriter.enumerated(avps, uar.authorizationType());
            if (uar.uarFlags() != 0) {
                AvpWriter.unsigned32(avps, CxAvp.UAR_FLAGS, uar.uarFlags());
            }
        } else if (request instanceof MultimediaAuthRequest mar) {
            AvpWriter.utf8(avps, CxAvp.USER_NAME, mar.userName());
            AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, mar.publicIdentity());
            GroupedAvps.sipAuthDataItem(avps, mar.authDataItem());
            AvpWriter.unsigned32(avps, CxAvp.SIP_NUMBER_AUTH_ITEMS, mar.numberAuthItems());
            AvpWriter.utf8(avps, CxAvp.SERVER_NAME, mar.serverName());
        } else if (request instanceof ServerAssignmentRequest sar) {
            if (sar.userName() != null) {
                AvpWriter.utf8(avps, CxAvp.USER_NAME, sar.userName());
            }
            for (String publicIdentity : sar.publicIdentities()) {
                AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, publicIdentity);
            }
            AvpWriter.utf8(avps, CxAvp.SERVER_NAME, sar.serverName());
            AvpWriter.enumerated(avps, sar.assignmentType());
            AvpWriter.enumerated(avps, sar.userDataAlreadyAvailable());
        } else if (request instanceof LocationInfoRequest lir) {
            if (lir.originatingRequest()) {
                AvpWriter.enumerated(avps, OriginatingRequest.ORIGINATING);
            }
            AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, lir.publicIdentity());
            if (lir.authorizationType() != null) {
                AvpWriter.enumerated(avps, lir.authorizationType());
            }
        } else if (request instanceof RegistrationTerminationRequest rtr) {
            AvpWriter.utf8(avps, CxAvp.USER_NAME, rtr.userName());
            GroupedAvps.associatedIdentities(avps, rtr.associatedIdentities());
            for (String publicIdentity : rtr.publicIdentities()) {
                AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, publicIdentity);
            }
            GroupedAvps.deregistrationReason(avps, rtr.reason());
        } else if (request instanceof PushProfileRequest ppr) {
            AvpWriter.utf8(avps, CxAvp.USER_NAME, ppr.userName());
            GroupedAvps.octetsIfPresent(avps, CxAvp.USER_DATA, ppr.userData());
            if (ppr.authDataItem() != null) {
                GroupedAvps.sipAuthDataItem(avps, ppr.authDataItem());
            }
        }
    }

    void answer(CxAnswer answer, Answer target) {
        AvpSet avps = common(target, answer.result());
        if (answer instanceof UserAuthorizationAnswer uaa) {
            serverNameAndCapabilities(avps, uaa.serverName(), uaa.serverCapabilities());
        } else if (answer instanceof MultimediaAuthAnswer maa) {
            if (maa.userName() != null) {
                AvpWriter.utf8(avps, CxAvp.USER_NAME, maa.userName());
            }
            if (maa.publicIdentity() != null) {
                AvpWriter.utf8(avps, CxAvp.PUBLIC_IDENTITY, maa.publicIdentity());
            }
            if (maa.numberAuthItems() != null) {
                AvpWriter.unsigned32(avps, CxAvp.SIP_NUMBER_AUTH_ITEMS, maa.numberAuthItems());
            }
            for (SipAuthDataItem item : maa.authDataItems()) {
                GroupedAvps.sipAuthDataItem(avps, item);
            }
        } else if (answer instanceof ServerAssignmentAnswer saa) {
            if (saa.userName() != null) {
                AvpWriter.utf8(avps, CxAvp.USER_NAME, saa.userName());
            }
            GroupedAvps.octetsIfPresent(avps, CxAvp.USER_DATA, saa.userData());
            GroupedAvps.associatedIdentities(avps, saa.associatedIdentities());
            if (saa.serverName() != null) {
                AvpWriter.utf8(avps, CxAvp.SERVER_NAME, saa.serverName());
            }
        } else if (answer instanceof LocationInfoAnswer lia) {
            serverNameAndCapabilities(avps, lia.serverName(), lia.serverCapabilities());
        } else if (answer instanceof RegistrationTerminationAnswer rta) {
            GroupedAvps.associatedIdentities(avps, rta.associatedIdentities());
        } else if (!(answer instanceof PushProfileAnswer)) {
            throw new IllegalArgumentException("not a Cx answer: " + answer.getClass().getName());
        }
        errorAvps(avps, answer.errorMessage(), answer.failedAvps());
    }

    /** An answer with only a base result, for errors found before a handler was reached. */
    void error(CxResult.Base result, String errorMessage, List<RawAvp> failedAvps, Answer target) {
        errorAvps(common(target, result), errorMessage, failedAvps);
    }

    /**
     * Result, Auth-Session-State, Origin-Host/Realm and, when the request lacked it, the
     * Vendor-Specific-Application-Id. jdiameter copies Session-Id, Vendor-Specific-Application-Id and Proxy-Info
     * from the request but not the Origin AVPs (docs/jdiameter-notes.md section 3).
     */
    private AvpSet common(Answer target, CxResult result) {
        AvpSet avps = target.getAvps();
        if (result instanceof CxResult.Base base) {
            avps.addAvp(CxAvp.RESULT_CODE.code(), base.code(), CxAvp.RESULT_CODE.vendorId(),
                    AvpWriter.mandatory(CxAvp.RESULT_CODE), false, true);
            // protocol errors travel with the E-bit (RFC 6733 section 7.1.3)
            target.setError(base.isProtocolError());
        } else {
            CxResult.Experimental experimental = (CxResult.Experimental) result;
            AvpSet group = AvpWriter.grouped(avps, CxAvp.EXPERIMENTAL_RESULT);
            AvpWriter.unsigned32(group, CxAvp.VENDOR_ID, experimental.vendorId());
            AvpWriter.unsigned32(group, CxAvp.EXPERIMENTAL_RESULT_CODE, experimental.code());
            target.setError(false);
        }
        avps.removeAvp(CxAvp.AUTH_SESSION_STATE.code());
        AvpWriter.enumerated(avps, AuthSessionState.NO_STATE_MAINTAINED);
        avps.removeAvp(CxAvp.ORIGIN_HOST.code());
        avps.removeAvp(CxAvp.ORIGIN_REALM.code());
        AvpWriter.identity(avps, CxAvp.ORIGIN_HOST, originHost);
        AvpWriter.identity(avps, CxAvp.ORIGIN_REALM, originRealm);
        if (avps.getAvp(CxAvp.VENDOR_SPECIFIC_APPLICATION_ID.code()) == null) {
            AvpSet application = AvpWriter.grouped(avps, CxAvp.VENDOR_SPECIFIC_APPLICATION_ID);
            AvpWriter.unsigned32(application, CxAvp.VENDOR_ID, CxApplication.VENDOR_ID_3GPP);
            AvpWriter.unsigned32(application, CxAvp.AUTH_APPLICATION_ID, CxApplication.CX_DX_APPLICATION_ID);
        }
        return avps;
    }

    private static void serverNameAndCapabilities(AvpSet avps, String serverName,
                                                  io.kubeims.cx.message.ServerCapabilities capabilities) {
        if (serverName != null) {
            AvpWriter.utf8(avps, CxAvp.SERVER_NAME, serverName);
        }
        if (capabilities != null) {
            GroupedAvps.serverCapabilities(avps, capabilities);
        }
    }

    private static void errorAvps(AvpSet avps, String errorMessage, List<RawAvp> failedAvps) {
        if (errorMessage != null) {
            AvpWriter.utf8(avps, CxAvp.ERROR_MESSAGE, errorMessage);
        }
        if (!failedAvps.isEmpty()) {
            AvpSet failed = AvpWriter.grouped(avps, CxAvp.FAILED_AVP);
            for (RawAvp avp : failedAvps) {
                AvpWriter.raw(failed, avp);
            }
        }
    }
}
