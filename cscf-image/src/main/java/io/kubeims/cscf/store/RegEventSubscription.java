package io.kubeims.cscf.store;

import java.time.Instant;
import java.util.List;

/**
 * A subscription to the reg event package (RFC 3680; TS 24.229 5.4) held by the S-CSCF as notifier: whose
 * registration is watched, who subscribed, the dialog state needed to send it a NOTIFY from any replica (route set,
 * remote target, the CSeq of our last request in the dialog), when it expires, and the reginfo document version of
 * the last NOTIFY (RFC 3680 reginfo version: 0 in the first NOTIFY, one more in each next one).
 *
 * @param id              the subscription (dialog) id: the store key
 * @param watchedIdentity the public (or private) identity whose registration state is watched
 * @param subscriberUri   who subscribed (the From of the SUBSCRIBE: UE, P-CSCF or AS)
 * @param routeSet        the dialog's route set for NOTIFYs, first hop first (may be empty)
 * @param remoteTarget    the Contact of the subscriber: the Request-URI of NOTIFYs
 * @param expiresAt       when the subscription expires (kept to the millisecond)
 * @param version         the reginfo version of the last NOTIFY, -1 before the first
 * @param localCseq       the CSeq of the last request we sent in the dialog, 0 before the first
 */
public record RegEventSubscription(String id, String watchedIdentity, String subscriberUri, List<String> routeSet,
        String remoteTarget, Instant expiresAt, long version, long localCseq) {

    private static final long MAX_CSEQ = (1L << 31) - 1;

    /** @throws InvalidCscfStateException if a field is missing or a counter is out of range */
    public RegEventSubscription {
        StateFields.requireText("id", id);
        StateFields.requireText("watchedIdentity", watchedIdentity);
        StateFields.requireText("subscriberUri", subscriberUri);
        routeSet = StateFields.textList("routeSet", routeSet);
        StateFields.requireText("remoteTarget", remoteTarget);
        expiresAt = StateFields.instant("expiresAt", expiresAt);
        if (version < -1) {
            throw new InvalidCscfStateException("version " + version + " is below -1");
        }
        if (localCseq < 0 || localCseq > MAX_CSEQ) {
            throw new InvalidCscfStateException("localCseq " + localCseq + " is not between 0 and 2^31-1");
        }
    }

    /** A subscription just accepted: no NOTIFY sent yet. */
    public static RegEventSubscription accepted(String id, String watchedIdentity, String subscriberUri,
            List<String> routeSet, String remoteTarget, Instant expiresAt) {
        return new RegEventSubscription(id, watchedIdentity, subscriberUri, routeSet, remoteTarget, expiresAt, -1, 0);
    }

    /** Whether the subscription has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** This subscription refreshed until {@code newExpiresAt}. */
    public RegEventSubscription withExpiresAt(Instant newExpiresAt) {
        return new RegEventSubscription(id, watchedIdentity, subscriberUri, routeSet, remoteTarget, newExpiresAt,
                version, localCseq);
    }

    /** This subscription after one more NOTIFY: version and CSeq one higher. */
    RegEventSubscription nextNotify() {
        if (localCseq == MAX_CSEQ) {
            throw new InvalidCscfStateException("localCseq of subscription " + id + " is exhausted");
        }
        return new RegEventSubscription(id, watchedIdentity, subscriberUri, routeSet, remoteTarget, expiresAt,
                version + 1, localCseq + 1);
    }
}
