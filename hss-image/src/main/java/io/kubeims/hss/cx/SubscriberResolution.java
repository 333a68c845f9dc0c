package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.hss.subscriber.Subscriber;

/** The subscriber a Cx request is about, or the result that refuses the request (TS 29.229 6.2.2.1, 6.2.2.2). */
sealed interface SubscriberResolution {

    /** The identities resolve to this provisioned subscriber. */
    record Found(Subscriber subscriber) implements SubscriberResolution {
    }

    /**
     * The identities do not resolve.
     *
     * @param result DIAMETER_ERROR_USER_UNKNOWN or DIAMETER_ERROR_IDENTITIES_DONT_MATCH
     * @param reason for the Error-Message and the log, naming the identity (never a secret)
     */
    record Refused(CxResult result, String reason) implements SubscriberResolution {
    }
}
