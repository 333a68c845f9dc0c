package io.kubeims.cx.node;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.protocol.cx.DiameterResultCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test S-CSCF replica: answers RTR/PPR with a scripted answer per user name (default: DIAMETER_SUCCESS, or the
 * node-wide result set with {@link #answerEverythingWith}), and records what it received.
 */
final class ScriptedScscfHandler implements CxScscfHandler {

    private final Map<String, RegistrationTerminationAnswer> rtas = new ConcurrentHashMap<>();
    private final Map<String, PushProfileAnswer> ppas = new ConcurrentHashMap<>();
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final Map<String, CxEnvelope> envelopes = new ConcurrentHashMap<>();
    private volatile CxResult everything;

    void script(String userName, RegistrationTerminationAnswer answer) {
        rtas.put(userName, answer);
    }

    void script(String userName, PushProfileAnswer answer) {
        ppas.put(userName, answer);
    }

    void answerEverythingWith(CxResult result) {
        this.everything = result;
    }

    List<Object> received() {
        return received;
    }

    CxEnvelope envelope(String userName) {
        return envelopes.get(userName);
    }

    @Override
    public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                                                                 RegistrationTerminationRequest request) {
        received.add(request);
        envelopes.put(request.userName(), envelope);
        if (everything != null) {
            return RegistrationTerminationAnswer.of(everything);
        }
        return rtas.getOrDefault(request.userName(),
                RegistrationTerminationAnswer.of(CxResult.of(DiameterResultCode.SUCCESS)));
    }

    @Override
    public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
        received.add(request);
        envelopes.put(request.userName(), envelope);
        if (everything != null) {
            return new PushProfileAnswer(everything);
        }
        return ppas.getOrDefault(request.userName(), new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS)));
    }
}
