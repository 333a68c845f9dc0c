package io.kubeims.cscf.scscf.regevent;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.store.RegEventSubscription;
import io.kubeims.cscf.store.RegEventSubscriptionStore;
import io.kubeims.cscf.store.Registration;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The S-CSCF as notifier of the reg event package (RFC 3680, RFC 6665, TS 24.229 5.4.2.1.2): sends the NOTIFY that
 * follows an accepted SUBSCRIBE, and, as a {@link RegistrationObserver}, a full-state NOTIFY to every subscription
 * watching any public identity of a changed registration. When the registration ends (no contact left) or the
 * watched identity leaves the implicit set, the NOTIFY says {@code Subscription-State: terminated;reason=noresource}
 * (RFC 6665 4.2.2) and the subscription is removed.
 *
 * <p>Any replica can notify: the NOTIFY is built from the stored dialog (Call-ID, tags, route set, remote target) in a
 * new client transaction, with the reginfo version and CSeq taken atomically from the store
 * ({@link RegEventSubscriptionStore#nextNotify}), so they increase across replicas. A NOTIFY answered 404, 405, 410,
 * 416, 480-485, 489, 501 or 604, or not answered at all, ends the subscription (RFC 6665 4.2.2).
 */
public final class RegEventNotifier implements RegistrationObserver {

    private static final Logger LOG = Logger.getLogger(RegEventNotifier.class);
    /** RFC 6665 4.2.2: the responses to a NOTIFY after which the subscription is gone. */
    private static final Set<Integer> SUBSCRIPTION_GONE = Set.of(404, 405, 410, 416, 480, 481, 482, 483, 484, 485,
            489, 501, 604);
    /** Meter of sent NOTIFYs, tagged {@code outcome}: the final status, {@code timeout} or {@code unsent}. */
    public static final String NOTIFY_METER = "kubeims.scscf.regevent.notify";

    private final SipNode node;
    private final RegEventSubscriptionStore subscriptions;
    private final ReginfoComposer composer;
    private final ReginfoWriter writer = new ReginfoWriter();
    private final RegEventSettings settings;
    private final TaggedCounters counted;
    private final Clock clock;

    /**
     * @param node          the S-CSCF's SIP node (sends the NOTIFYs)
     * @param subscriptions the shared subscription store
     * @param composer      builds the reginfo bodies
     * @param settings      Contact, NOTIFY timeout
     * @param meters        where {@value #NOTIFY_METER} is counted
     * @param clock         for subscription expiry (Subscription-State expires)
     */
    public RegEventNotifier(SipNode node, RegEventSubscriptionStore subscriptions, ReginfoComposer composer,
            RegEventSettings settings, MeterRegistry meters, Clock clock) {
        if (node == null || subscriptions == null || composer == null || settings == null || meters == null
                || clock == null) {
            throw new IllegalArgumentException("node, subscriptions, composer, settings, meters and clock are required");
        }
        this.node = node;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.settings = settings;
        this.counted = new TaggedCounters(meters, NOTIFY_METER,
                "reg event NOTIFYs sent by the S-CSCF, by final status or failure", "outcome");
        this.clock = clock;
    }

    @Override
    public void onChange(RegistrationChange change) {
        Set<String> identities = new LinkedHashSet<>();
        change.previous().ifPresent(r -> identities.addAll(r.implicitSet()));
        change.current().ifPresent(r -> identities.addAll(r.implicitSet()));
        Map<String, RegEventSubscription> watching = new LinkedHashMap<>();
        for (String identity : identities) {
            for (RegEventSubscription subscription : subscriptions.findByWatchedIdentity(identity)) {
                watching.putIfAbsent(subscription.id(), subscription);
            }
        }
        if (watching.isEmpty()) {
            return;
        }
        Registration after = change.after();
        boolean ended = after == null || after.activeContacts(change.at()).isEmpty();
        // the same state for every watcher; only the version differs
        Reginfo state = composer.afterChange(0, change);
        for (RegEventSubscription subscription : watching.values()) {
            try {
                boolean terminate = ended || !after.implicitSet().contains(subscription.watchedIdentity());
                Optional<RegEventSubscription> next = subscriptions.nextNotify(subscription.id());
                if (next.isEmpty()) {
                    continue;   // removed or expired meanwhile
                }
                if (terminate) {
                    subscriptions.remove(subscription.id());
                }
                Reginfo reginfo = new Reginfo(next.get().version(), state.state(), state.registrations());
                send(next.get(), reginfo, terminate ? "noresource" : null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "NOTIFY of subscription %s after %s of %s failed: %s", subscription.id(),
                        change.cause(), change.impi(), e);
            }
        }
    }

    /**
     * Sends the NOTIFY that follows an accepted or refreshed SUBSCRIBE (RFC 6665 4.2.1.2): the current state of
     * {@code registration}, Subscription-State active with the time left.
     *
     * @return false when the subscription is not stored any more
     */
    boolean notifyCurrent(String id, Registration registration) {
        Optional<RegEventSubscription> next = subscriptions.nextNotify(id);
        if (next.isEmpty()) {
            return false;
        }
        send(next.get(), composer.current(next.get().version(), registration, clock.instant()), null);
        return true;
    }

    /**
     * Sends the last NOTIFY of a subscription that ends without a registration change (unsubscribe, fetch): the state
     * of {@code registration}, Subscription-State terminated with {@code reason}.
     *
     * @param subscription the subscription with the version and CSeq of this NOTIFY
     * @param registration the watched registration, or null when it is gone (empty reginfo)
     */
    void notifyFinal(RegEventSubscription subscription, Registration registration, String reason) {
        Reginfo reginfo = registration == null ? new Reginfo(subscription.version(), Reginfo.State.FULL, List.of())
                : composer.current(subscription.version(), registration, clock.instant());
        send(subscription, reginfo, reason);
    }

    /** Our Contact for the dialog: the configured one, else this node's address on {@code transport}. */
    Address contact(String transport) {
        AddressFactory addresses = node.addresses();
        try {
            if (settings.notifierContact() != null) {
                return addresses.createAddress(settings.notifierContact());
            }
            SipURI uri = node.uri(transport, null);
            uri.removeParameter("lr");
            return addresses.createAddress(uri);
        } catch (ParseException e) {
            throw new InvalidRegEventSettingsException("notifierContact", "'" + settings.notifierContact()
                    + "' is not a SIP address");
        }
    }

    /**
     * Builds and sends one NOTIFY of {@code subscription} (its version and CSeq already taken).
     *
     * @param terminatedReason null for {@code active;expires=N}, else {@code terminated;reason=<this>}
     */
    private void send(RegEventSubscription subscription, Reginfo reginfo, String terminatedReason) {
        Request notify;
        try {
            notify = build(subscription, reginfo, terminatedReason);
        } catch (ParseException | InvalidArgumentException | RuntimeException e) {
            count("unsent");
            LOG.warnf("NOTIFY of subscription %s not built from the stored dialog: %s", subscription.id(), e);
            return;
        }
        String id = subscription.id();
        try {
            node.send(notify, null, settings.notifyTimeout(), new ResponseCallback() {
                @Override
                public void finalResponse(Response response) {
                    int status = response.getStatusCode();
                    count(Integer.toString(status));
                    if (SUBSCRIPTION_GONE.contains(status)) {
                        LOG.debugf("NOTIFY of %s answered %d: subscription removed", id, status);
                        subscriptions.remove(id);
                    } else if (status >= 300) {
                        LOG.debugf("NOTIFY of %s answered %d", id, status);
                    }
                }

                @Override
                public void failed(ClientFailure failure) {
                    count(failure == ClientFailure.TIMEOUT ? "timeout" : "unsent");
                    LOG.debugf("NOTIFY of %s: %s, subscription removed", id, failure);
                    subscriptions.remove(id);
                }
            });
        } catch (SipSendException e) {
            count("unsent");
            LOG.debugf("NOTIFY of %s not sent (%s): subscription removed", id, e.getMessage());
            subscriptions.remove(id);
        }
    }

    private Request build(RegEventSubscription subscription, Reginfo reginfo, String terminatedReason)
            throws ParseException, InvalidArgumentException {
        RegEventDialog dialog = RegEventDialog.parse(subscription.id());
        AddressFactory addresses = node.addresses();
        HeaderFactory headers = node.headers();
        Address local = addresses.createAddress(addresses.createURI(subscription.watchedIdentity()));
        Address remote = addresses.createAddress(addresses.createURI(subscription.subscriberUri()));
        Request notify = node.messages().createRequest(addresses.createURI(subscription.remoteTarget()),
                Request.NOTIFY, headers.createCallIdHeader(dialog.callId()),
                headers.createCSeqHeader(subscription.localCseq(), Request.NOTIFY),
                headers.createFromHeader(local, dialog.localTag()), headers.createToHeader(remote, dialog.remoteTag()),
                new ArrayList<>(), headers.createMaxForwardsHeader(70));
        List<Address> routes = new ArrayList<>();
        for (String route : subscription.routeSet()) {
            routes.add(AddressListHeader.ROUTE.parse(route, addresses));
        }
        AddressListHeader.ROUTE.write(notify, routes, headers);
        notify.addHeader(headers.createEventHeader("reg"));
        SubscriptionStateHeader state;
        if (terminatedReason == null) {
            state = headers.createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
            long left = Math.max(1, Duration.between(clock.instant(), subscription.expiresAt()).toSeconds());
            state.setExpires((int) Math.min(left, Integer.MAX_VALUE));
        } else {
            state = headers.createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
            state.setReasonCode(terminatedReason);
        }
        notify.addHeader(state);
        String transport = remoteTransport(subscription);
        notify.addHeader(headers.createContactHeader(contact(transport)));
        notify.setContent(writer.write(reginfo),
                headers.createContentTypeHeader(Reginfo.CONTENT_TYPE, Reginfo.CONTENT_SUBTYPE));
        return notify;
    }

    /** The transport of the first hop, for our Contact: the top route's, else the remote target's. */
    private String remoteTransport(RegEventSubscription subscription) {
        String first = subscription.routeSet().isEmpty() ? subscription.remoteTarget()
                : subscription.routeSet().get(0);
        return first.toLowerCase(java.util.Locale.ROOT).contains("transport=tcp") ? "tcp" : "udp";
    }

    private void count(String outcome) {
        counted.increment(outcome);
    }
}
