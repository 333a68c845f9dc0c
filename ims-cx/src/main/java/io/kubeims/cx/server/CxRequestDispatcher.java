package io.kubeims.cx.server;

import io.kubeims.cx.codec.CxCodec;
import io.kubeims.cx.codec.CxDecodeException;
import io.kubeims.cx.codec.CxDecoded;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.DiameterResultCode;
import java.util.List;
import org.jdiameter.api.Answer;
import org.jdiameter.api.NetworkReqListener;
import org.jdiameter.api.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one jdiameter listener of a node for the Cx application: decodes each request, calls the handler serving
 * its command and encodes the answer. Every request gets an answer and nothing is thrown back into jdiameter:
 * <ul>
 *   <li>a command this node does not serve (no handler for it, or not a Cx request): 3001
 *       DIAMETER_COMMAND_UNSUPPORTED with the E-bit (RFC 6733 section 7.1.3);</li>
 *   <li>a request breaking its grammar: the {@link CxDecodeException}'s Result-Code with Failed-AVP and
 *       Error-Message (RFC 6733 section 7.5);</li>
 *   <li>a handler that throws or returns null: 5012 DIAMETER_UNABLE_TO_COMPLY, logged once with the
 *       Session-Id.</li>
 * </ul>
 */
public final class CxRequestDispatcher implements NetworkReqListener {

    private static final Logger LOG = LoggerFactory.getLogger(CxRequestDispatcher.class);

    private final CxCodec codec;
    private final CxHssHandler hssHandler;
    private final CxScscfHandler scscfHandler;

    /**
     * @param codec        encodes answers with this node's Origin-Host/Realm
     * @param hssHandler   serves UAR/MAR/SAR/LIR, or null when this node is no HSS
     * @param scscfHandler serves RTR/PPR, or null when this node is no S-CSCF
     */
    public CxRequestDispatcher(CxCodec codec, CxHssHandler hssHandler, CxScscfHandler scscfHandler) {
        if (codec == null) {
            throw new IllegalArgumentException("codec is required");
        }
        this.codec = codec;
        this.hssHandler = hssHandler;
        this.scscfHandler = scscfHandler;
    }

    @Override
    public Answer processRequest(Request request) {
        try {
            return answer(request);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return unableToComply(request, e);
        }
    }

    private Answer answer(Request request) {
        CxCommand command = servedCommand(request.getCommandCode());
        if (command == null) {
            LOG.debug("Session-Id {}: command {} not served here, answering 3001", sessionId(request),
                    request.getCommandCode());
            Answer answer = codec.encodeError(request, DiameterResultCode.COMMAND_UNSUPPORTED,
                    "command " + request.getCommandCode() + " is not supported by this node", List.of());
            answer.setError(true);
            return answer;
        }
        CxDecoded<CxRequest<?>> decoded;
        try {
            decoded = codec.decodeRequest(request);
        } catch (CxDecodeException e) {
            LOG.info("Session-Id {}: rejected {} from {}: {} ({})", sessionId(request),
                    command.requestAbbreviation(), originHost(request), e.getMessage(), e.resultCode().code());
            return codec.encodeError(request, e.resultCode(), e.getMessage(), e.failedAvps());
        }
        CxAnswer answer;
        try {
            answer = handle(decoded.envelope(), decoded.message());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return unableToComply(request, e);
        }
        if (answer == null) {
            return unableToComply(request, new IllegalStateException("handler returned no answer"));
        }
        LOG.debug("Session-Id {}: {} answered {}", decoded.envelope().sessionId(), command.requestAbbreviation(),
                answer.result());
        return codec.encodeAnswer(request, answer);
    }

    /** The Cx command, when this node has a handler for it; else null. */
    private CxCommand servedCommand(int code) {
        for (CxCommand command : CxCommand.values()) {
            if (command.code() == code) {
                return switch (command) {
                    case USER_AUTHORIZATION, MULTIMEDIA_AUTH, SERVER_ASSIGNMENT, LOCATION_INFO ->
                            hssHandler == null ? null : command;
                    case REGISTRATION_TERMINATION, PUSH_PROFILE -> scscfHandler == null ? null : command;
                    default -> null;
                };
            }
        }
        return null;
    }

    private CxAnswer handle(CxEnvelope envelope, CxRequest<?> request) {
        if (request instanceof UserAuthorizationRequest uar) {
            return hssHandler.userAuthorization(envelope, uar);
        }
        if (request instanceof MultimediaAuthRequest mar) {
            return hssHandler.multimediaAuth(envelope, mar);
        }
        if (request instanceof ServerAssignmentRequest sar) {
            return hssHandler.serverAssignment(envelope, sar);
        }
        if (request instanceof LocationInfoRequest lir) {
            return hssHandler.locationInfo(envelope, lir);
        }
        if (request instanceof RegistrationTerminationRequest rtr) {
            return scscfHandler.registrationTermination(envelope, rtr);
        }
        return scscfHandler.pushProfile(envelope, (PushProfileRequest) request);
    }

    private Answer unableToComply(Request request, Throwable failure) {
        LOG.warn("Session-Id {}: command {} from {} failed, answering 5012", sessionId(request),
                request.getCommandCode(), originHost(request), failure);
        try {
            return codec.encodeError(request, DiameterResultCode.UNABLE_TO_COMPLY, "unable to comply", List.of());
        } catch (RuntimeException e) {
            // last resort: jdiameter's own answer, still with our Origin AVPs missing rather than no answer at all
            return request.createAnswer(DiameterResultCode.UNABLE_TO_COMPLY.code());
        }
    }

    private static String sessionId(Request request) {
        try {
            return request.getSessionId();
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    private static String originHost(Request request) {
        try {
            return request.getAvps().getAvp(org.jdiameter.api.Avp.ORIGIN_HOST).getDiameterIdentity();
        } catch (Exception e) {
            return "(unknown peer)";
        }
    }
}
