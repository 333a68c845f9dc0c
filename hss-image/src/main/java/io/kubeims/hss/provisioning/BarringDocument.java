package io.kubeims.hss.provisioning;

import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;

import java.util.List;

/**
 * The body of {@code .../barring}: whether the subscription is barred, and which of its public identities carry
 * the BarringIndication (TS 29.228 6.1.2: they may register but neither originate nor receive sessions).
 *
 * @param barred                 bar the whole subscription (required in a PUT)
 * @param barredPublicIdentities the barred identities, each one of the subscriber's; none when absent
 */
public record BarringDocument(Boolean barred, List<String> barredPublicIdentities) {

    static BarringDocument of(Subscriber subscriber) {
        return new BarringDocument(subscriber.barred(), subscriber.publicIdentities().stream()
                .filter(PublicUserIdentity::barred).map(PublicUserIdentity::identity).toList());
    }
}
