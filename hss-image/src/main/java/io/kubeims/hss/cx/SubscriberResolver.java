package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.hss.store.SubscriberStore;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import java.util.List;
import java.util.Optional;

/**
 * Finds the subscriber of a Cx request from its identities, with the checks TS 29.228 puts first in UAR (6.1.1.1
 * steps 1 and 2), MAR (6.3.1), SAR (6.1.2.1) and LIR (6.1.4.1): a public identity the HSS does not know is
 * DIAMETER_ERROR_USER_UNKNOWN; a private identity it does not know, or one that does not own the public identity,
 * is DIAMETER_ERROR_IDENTITIES_DONT_MATCH. Identities are compared exactly, as the store indexes them.
 */
final class SubscriberResolver {

    private final SubscriberStore subscribers;

    SubscriberResolver(SubscriberStore subscribers) {
        this.subscribers = subscribers;
    }

    /** LIR: the owner of a public identity. */
    SubscriberResolution byPublicIdentity(String publicIdentity) {
        Optional<String> owner = subscribers.findPrivateIdentity(publicIdentity);
        if (owner.isEmpty()) {
            return unknown(publicIdentity);
        }
        // the index may name a subscriber deleted a moment ago: unknown as well
        return subscribers.get(owner.get()).<SubscriberResolution>map(SubscriberResolution.Found::new)
                .orElseGet(() -> unknown(publicIdentity));
    }

    /** UAR, MAR: a private identity and one public identity that must belong to it. */
    SubscriberResolution byPair(String privateIdentity, String publicIdentity) {
        Optional<String> owner = subscribers.findPrivateIdentity(publicIdentity);
        if (owner.isEmpty()) {
            return unknown(publicIdentity);
        }
        if (!owner.get().equals(privateIdentity)) {
            return mismatch(privateIdentity, publicIdentity);
        }
        Optional<Subscriber> subscriber = subscribers.get(privateIdentity);
        if (subscriber.isEmpty() || subscriber.get().publicIdentity(publicIdentity).isEmpty()) {
            return unknown(publicIdentity);
        }
        return new SubscriberResolution.Found(subscriber.get());
    }

    /**
     * SAR: User-Name is optional and Public-Identity repeated (TS 29.229 6.1.3); every identity present must belong
     * to one subscriber.
     */
    SubscriberResolution forAssignment(String privateIdentity, List<String> publicIdentities) {
        if (publicIdentities.isEmpty()) {
            return subscribers.get(privateIdentity).<SubscriberResolution>map(SubscriberResolution.Found::new)
                    .orElseGet(() -> new SubscriberResolution.Refused(CxResult.of(CxExperimentalResultCode.USER_UNKNOWN),
                            "private identity " + privateIdentity + " is unknown"));
        }
        String first = publicIdentities.get(0);
        Optional<String> owner = subscribers.findPrivateIdentity(first);
        if (owner.isEmpty()) {
            return unknown(first);
        }
        if (privateIdentity != null && !owner.get().equals(privateIdentity)) {
            return mismatch(privateIdentity, first);
        }
        Optional<Subscriber> subscriber = subscribers.get(owner.get());
        if (subscriber.isEmpty()) {
            return unknown(first);
        }
        for (String other : publicIdentities) {
            if (subscriber.get().publicIdentity(other).isPresent()) {
                continue;
            }
            if (subscribers.findPrivateIdentity(other).isEmpty()) {
                return unknown(other);
            }
            return mismatch(owner.get(), other);
        }
        return new SubscriberResolution.Found(subscriber.get());
    }

    private static SubscriberResolution unknown(String publicIdentity) {
        return new SubscriberResolution.Refused(CxResult.of(CxExperimentalResultCode.USER_UNKNOWN),
                "public identity " + publicIdentity + " is unknown");
    }

    private static SubscriberResolution mismatch(String privateIdentity, String publicIdentity) {
        return new SubscriberResolution.Refused(CxResult.of(CxExperimentalResultCode.IDENTITIES_DONT_MATCH),
                "public identity " + publicIdentity + " does not belong to private identity " + privateIdentity);
    }
}
