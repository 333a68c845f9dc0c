package io.kubeims.hss.metrics;

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
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.DiameterResultCode;

import java.util.function.Supplier;

/**
 * A {@link CxHssHandler} that counts and times every UAR, MAR, SAR and LIR its delegate answers (TS 29.228 6.1,
 * 6.3). A delegate that throws or returns nothing is counted as 5012, the answer the dispatcher then sends.
 */
public final class MeteredCxHssHandler implements CxHssHandler {

    private static final CxResult UNABLE_TO_COMPLY = CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY);

    private final CxHssHandler delegate;
    private final CxMetrics metrics;

    public MeteredCxHssHandler(CxHssHandler delegate, CxMetrics metrics) {
        if (delegate == null || metrics == null) {
            throw new IllegalArgumentException("delegate and metrics are required");
        }
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public UserAuthorizationAnswer userAuthorization(CxEnvelope envelope, UserAuthorizationRequest request) {
        return measured(CxCommand.USER_AUTHORIZATION, () -> delegate.userAuthorization(envelope, request));
    }

    @Override
    public MultimediaAuthAnswer multimediaAuth(CxEnvelope envelope, MultimediaAuthRequest request) {
        return measured(CxCommand.MULTIMEDIA_AUTH, () -> delegate.multimediaAuth(envelope, request));
    }

    @Override
    public ServerAssignmentAnswer serverAssignment(CxEnvelope envelope, ServerAssignmentRequest request) {
        return measured(CxCommand.SERVER_ASSIGNMENT, () -> delegate.serverAssignment(envelope, request));
    }

    @Override
    public LocationInfoAnswer locationInfo(CxEnvelope envelope, LocationInfoRequest request) {
        return measured(CxCommand.LOCATION_INFO, () -> delegate.locationInfo(envelope, request));
    }

    private <A extends CxAnswer> A measured(CxCommand command, Supplier<A> procedure) {
        long start = System.nanoTime();
        A answer = null;
        try {
            answer = procedure.get();
            return answer;
        } finally {
            metrics.answered(command, answer != null ? answer.result() : UNABLE_TO_COMPLY, System.nanoTime() - start);
        }
    }
}
