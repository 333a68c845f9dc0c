package io.kubeims.cx.node;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.server.CxHssHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test HSS: answers each request with the answer scripted for its public identity (or user name), and keeps
 * what it received. The public identity "sip:throw@ims.example.com" makes it throw.
 */
final class ScriptedHssHandler implements CxHssHandler {

    static final String THROW = "sip:throw@ims.example.com";

    private final Map<String, CxAnswer> answers = new ConcurrentHashMap<>();
    private final Map<String, CxRequest<?>> received = new ConcurrentHashMap<>();
    private final Map<String, CxEnvelope> envelopes = new ConcurrentHashMap<>();

    void script(String key, CxAnswer answer) {
        answers.put(key, answer);
    }

    CxRequest<?> received(String key) {
        return received.get(key);
    }

    CxEnvelope envelope(String key) {
        return envelopes.get(key);
    }

    @Override
    public UserAuthorizationAnswer userAuthorization(CxEnvelope envelope, UserAuthorizationRequest request) {
        return (UserAuthorizationAnswer) answer(request.publicIdentity(), envelope, request);
    }

    @Override
    public MultimediaAuthAnswer multimediaAuth(CxEnvelope envelope, MultimediaAuthRequest request) {
        return (MultimediaAuthAnswer) answer(request.publicIdentity(), envelope, request);
    }

    @Override
    public ServerAssignmentAnswer serverAssignment(CxEnvelope envelope, ServerAssignmentRequest request) {
        String key = request.publicIdentities().isEmpty() ? request.userName() : request.publicIdentities().get(0);
        return (ServerAssignmentAnswer) answer(key, envelope, request);
    }

    @Override
    public LocationInfoAnswer locationInfo(CxEnvelope envelope, LocationInfoRequest request) {
        return (LocationInfoAnswer) answer(request.publicIdentity(), envelope, request);
    }

    private CxAnswer answer(String key, CxEnvelope envelope, CxRequest<?> request) {
        if (THROW.equals(key)) {
            throw new IllegalStateException("test handler failure");
        }
        received.put(key, request);
        envelopes.put(key, envelope);
        CxAnswer answer = answers.get(key);
        if (answer == null) {
            throw new IllegalStateException("no answer scripted for " + key);
        }
        return answer;
    }
}
