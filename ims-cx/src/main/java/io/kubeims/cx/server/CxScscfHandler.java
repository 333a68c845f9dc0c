package io.kubeims.cx.server;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;

/**
 * What the S-CSCF does with the requests the HSS sends it (TS 29.228 clauses 6.1.3 and 6.1.4). Called on
 * jdiameter's peer threads: must not block long (see the package documentation). A thrown exception becomes
 * DIAMETER_UNABLE_TO_COMPLY (5012).
 */
public interface CxScscfHandler {

    RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope, RegistrationTerminationRequest request);

    PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request);
}
