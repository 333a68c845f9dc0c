package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.server.CxHssHandler;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.SubscriberStore;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.SqnExhaustedException;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import io.kubeims.store.CorruptStoredValueException;
import io.kubeims.store.StoreContentionException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSS side of Cx: UAR, MAR, SAR and LIR per TS 29.228 clauses 6.1.1, 6.1.2, 6.1.4, 6.2.1 and 6.3, answered from
 * the subscriber store and the dynamic state store (TS 29.229 codes). A user error is an answer, never an exception;
 * a store failure is one too: contention (compare-and-set lost too often) is DIAMETER_TOO_BUSY (3004, the CSCF may
 * retry at another HSS replica), anything else (a corrupt stored value, an exhausted SQN space, a backend error)
 * DIAMETER_UNABLE_TO_COMPLY (5012), each logged once with the Session-Id. Every transaction logs one DEBUG line
 * with command, identities and result; no key, password, HA1 or vector ever reaches a log.
 *
 * <p>Thread-safe: holds no mutable state; the stores are atomic. Runs on jdiameter's peer threads, doing only
 * store look-ups and compare-and-set writes.
 */
public final class HssCxProcedures implements CxHssHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HssCxProcedures.class);

    private final UserAuthorizationProcedure userAuthorization;
    private final MultimediaAuthProcedure multimediaAuth;
    private final ServerAssignmentProcedure serverAssignment;
    private final LocationInfoProcedure locationInfo;

    /**
     * @param settings     home realm, S-CSCF capabilities, vector limit, allowed visited networks
     * @param subscribers  the provisioned subscribers
     * @param dynamicState SQN and registration state
     * @param vectors      makes AKA vectors; its random source must be a {@link java.security.SecureRandom}
     * @param userData     writes the Cx-User-Data document of SAA
     */
    public HssCxProcedures(HssCxSettings settings, SubscriberStore subscribers, DynamicStateStore dynamicState,
                           AuthenticationVectorGenerator vectors, CxUserDataWriter userData) {
        if (settings == null || subscribers == null || dynamicState == null || vectors == null || userData == null) {
            throw new IllegalArgumentException("settings, stores, vector generator and user data writer are required");
        }
        SubscriberResolver resolver = new SubscriberResolver(subscribers);
        this.userAuthorization = new UserAuthorizationProcedure(settings, resolver, dynamicState);
        this.multimediaAuth = new MultimediaAuthProcedure(settings, resolver, dynamicState,
                new AkaVectorIssuer(dynamicState, vectors));
        this.serverAssignment = new ServerAssignmentProcedure(resolver, dynamicState, userData);
        this.locationInfo = new LocationInfoProcedure(settings, resolver, dynamicState);
    }

    @Override
    public UserAuthorizationAnswer userAuthorization(CxEnvelope envelope, UserAuthorizationRequest request) {
        String about = "user " + request.userName() + ", " + request.publicIdentity() + ", "
                + request.authorizationType() + ", visited " + request.visitedNetworkIdentifier();
        UserAuthorizationAnswer answer = transaction(envelope, "UAR", about, () -> userAuthorization.answer(request),
                (result, message) -> new UserAuthorizationAnswer(result, null, null, message, List.of()));
        logOutcome(envelope, "UAR", about, answer, answer.serverName());
        return answer;
    }

    @Override
    public MultimediaAuthAnswer multimediaAuth(CxEnvelope envelope, MultimediaAuthRequest request) {
        String about = "user " + request.userName() + ", " + request.publicIdentity() + ", scheme "
                + request.authDataItem().authenticationScheme() + ", from " + request.serverName()
                + (request.authDataItem().sipAuthorization() != null ? ", resynchronisation" : "");
        MultimediaAuthAnswer answer = transaction(envelope, "MAR", about, () -> multimediaAuth.answer(request),
                (result, message) -> new MultimediaAuthAnswer(result, request.userName(), request.publicIdentity(),
                        null, List.of(), message, List.of()));
        logOutcome(envelope, "MAR", about, answer, answer.authDataItems().size() + " item(s)");
        return answer;
    }

    @Override
    public ServerAssignmentAnswer serverAssignment(CxEnvelope envelope, ServerAssignmentRequest request) {
        String about = "user " + request.userName() + ", " + request.publicIdentities() + ", "
                + request.assignmentType() + ", from " + request.serverName();
        ServerAssignmentAnswer answer = transaction(envelope, "SAR", about, () -> serverAssignment.answer(request),
                (result, message) -> new ServerAssignmentAnswer(result, null, null, List.of(), null, message,
                        List.of()));
        logOutcome(envelope, "SAR", about, answer, answer.userData() != null ? "with User-Data" : "no User-Data");
        return answer;
    }

    @Override
    public LocationInfoAnswer locationInfo(CxEnvelope envelope, LocationInfoRequest request) {
        String about = request.publicIdentity() + (request.originatingRequest() ? ", originating" : "")
                + (request.authorizationType() != null ? ", " + request.authorizationType() : "");
        LocationInfoAnswer answer = transaction(envelope, "LIR", about, () -> locationInfo.answer(request),
                (result, message) -> new LocationInfoAnswer(result, null, null, message, List.of()));
        logOutcome(envelope, "LIR", about, answer, answer.serverName());
        return answer;
    }

    private static <A extends CxAnswer> A transaction(CxEnvelope envelope, String command, String about,
                                                      Supplier<A> procedure,
                                                      BiFunction<CxResult, String, A> failure) {
        try {
            return procedure.get();
        } catch (StoreContentionException e) {
            LOG.warn("Session-Id {}: {} ({}): store contention, answering 3004: {}", envelope.sessionId(), command,
                    about, e.getMessage());
            return failure.apply(CxResult.of(DiameterResultCode.TOO_BUSY), "HSS store busy, try again");
        } catch (CorruptStoredValueException | SqnExhaustedException e) {
            LOG.error("Session-Id {}: {} ({}): answering 5012: {}", envelope.sessionId(), command, about,
                    e.getMessage());
            return failure.apply(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY), "HSS data error");
        } catch (RuntimeException e) {
            LOG.error("Session-Id {}: {} ({}): answering 5012 after {}: {}", envelope.sessionId(), command, about,
                    e.getClass().getName(), e.getMessage());
            return failure.apply(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY), "HSS internal error");
        }
    }

    private static void logOutcome(CxEnvelope envelope, String command, String about, CxAnswer answer,
                                   Object detail) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Session-Id {}: {} from {} ({}) -> {}{}{}", envelope.sessionId(), command, envelope.originHost(),
                    about, answer.result(), detail != null ? ", " + detail : "",
                    answer.errorMessage() != null ? " (" + answer.errorMessage() + ")" : "");
        }
    }
}
