package io.kubeims.cx.server;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;

/**
 * What the HSS does with the Cx requests it serves (TS 29.228 clauses 6.1.1, 6.1.2, 6.2.1, 6.3). Called on
 * jdiameter's peer threads with a request that passed the grammar checks: must not block long (see the package
 * documentation). A thrown exception becomes DIAMETER_UNABLE_TO_COMPLY (5012).
 */
public interface CxHssHandler {

    UserAuthorizationAnswer userAuthorization(CxEnvelope envelope, UserAuthorizationRequest request);

    MultimediaAuthAnswer multimediaAuth(CxEnvelope envelope, MultimediaAuthRequest request);

    ServerAssignmentAnswer serverAssignment(CxEnvelope envelope, ServerAssignmentRequest request);

    LocationInfoAnswer locationInfo(CxEnvelope envelope, LocationInfoRequest request);
}
