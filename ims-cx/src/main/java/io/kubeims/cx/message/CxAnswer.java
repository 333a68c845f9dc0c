package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * A Cx/Dx answer (TS 29.229 clause 6.1): a result, and on failure optionally an Error-Message and the
 * Failed-AVP content (RFC 6733 sections 7.3 and 7.5).
 */
public sealed interface CxAnswer permits UserAuthorizationAnswer, MultimediaAuthAnswer, ServerAssignmentAnswer,
        LocationInfoAnswer, RegistrationTerminationAnswer, PushProfileAnswer {

    CxCommand command();

    /** Result-Code or Experimental-Result. */
    CxResult result();

    /** Error-Message, null when absent. */
    String errorMessage();

    /** The AVPs inside Failed-AVP, empty when absent. */
    List<RawAvp> failedAvps();
}
