package io.kubeims.hss.app;

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
 * The RTR/PPR side of a test S-CSCF replica: records what the HSS sends and answers DIAMETER_SUCCESS, or the
 * result set for one private identity (tests share the application, so they keep to their own IMPIs).
 */
final class RecordingScscfReplica implements CxScscfHandler {

    private final List<RegistrationTerminationRequest> rtrs = new CopyOnWriteArrayList<>();
    private final List<PushProfileRequest> pprs = new CopyOnWriteArrayList<>();
    private final Map<String, CxResult> answers = new ConcurrentHashMap<>();

    /** Answers RTR and PPR about {@code impi} with {@code result}. */
    void answer(String impi, CxResult result) {
        answers.put(impi, result);
    }

    List<RegistrationTerminationRequest> rtrsFor(String impi) {
        return rtrs.stream().filter(r -> r.userName().equals(impi)).toList();
    }

    List<PushProfileRequest> pprsFor(String impi) {
        return pprs.stream().filter(r -> r.userName().equals(impi)).toList();
    }

    @Override
    public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                                                                 RegistrationTerminationRequest request) {
        rtrs.add(request);
        return RegistrationTerminationAnswer.of(resultFor(request.userName()));
    }

    @Override
    public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
        pprs.add(request);
        return new PushProfileAnswer(resultFor(request.userName()));
    }

    private CxResult resultFor(String impi) {
        return answers.getOrDefault(impi, CxResult.of(DiameterResultCode.SUCCESS));
    }
}
