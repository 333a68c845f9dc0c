package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.protocol.cx.DiameterResultCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test S-CSCF replica: records RTR/PPR and answers them with a settable result (default DIAMETER_SUCCESS). */
final class RecordingScscfHandler implements CxScscfHandler {

    private final List<RegistrationTerminationRequest> rtrs = new CopyOnWriteArrayList<>();
    private final List<PushProfileRequest> pprs = new CopyOnWriteArrayList<>();
    private volatile CxResult result = CxResult.of(DiameterResultCode.SUCCESS);

    void answerWith(CxResult answer) {
        this.result = answer;
    }

    List<RegistrationTerminationRequest> rtrs() {
        return rtrs;
    }

    List<PushProfileRequest> pprs() {
        return pprs;
    }

    @Override
    public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                                                                 RegistrationTerminationRequest request) {
        rtrs.add(request);
        return RegistrationTerminationAnswer.of(result);
    }

    @Override
    public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
        pprs.add(request);
        return new PushProfileAnswer(result);
    }
}
