package io.kubeims.cscf.scscf.regevent;

import io.kubeims.cscf.scscf.hss.RtrReason;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationChange.Cause;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the full-state reginfo (RFC 3680, TS 24.229 5.4.2.1.2) the S-CSCF sends: one {@code <registration>} per
 * public user identity of the implicit registration set that is not barred (TS 24.229 5.4.2.1.2), each with the
 * subscriber's bindings as {@code <contact>} elements. The contact events come from comparing the registration
 * before and after a {@link RegistrationChange}:
 * <ul>
 * <li>a binding added by a REGISTER: {@code registered}; added otherwise: {@code created};</li>
 * <li>a binding rewritten by a REGISTER: {@code refreshed}; given an earlier expiry otherwise: {@code shortened};
 * unchanged: {@code registered} (its last transition);</li>
 * <li>a binding gone: {@code unregistered} (REGISTER with expires 0), {@code expired}, and for network
 * de-registration {@code rejected} when an RTR said PERMANENT_TERMINATION, else {@code deactivated} (TS 24.229
 * 5.4.1.5: the UE registers again);</li>
 * <li>an identity that left the implicit set or became barred (PPR): its registration {@code terminated}, its
 * contacts {@code rejected}.</li>
 * </ul>
 * Ids are stable hashes of the private identity and the public identity or binding, so every replica writes the
 * same ids. Contact parameters +sip.instance and reg-id are reported as {@code <unknown-param>}. Thread-safe.
 */
public final class ReginfoComposer {

    private static final Logger LOG = Logger.getLogger(ReginfoComposer.class);
    private static final HexFormat HEX = HexFormat.of();

    private final CxUserDataReader userData;

    public ReginfoComposer(CxUserDataReader userData) {
        if (userData == null) {
            throw new IllegalArgumentException("userData reader is required");
        }
        this.userData = userData;
    }

    /** The state of {@code registration} as it is at {@code now} (first NOTIFY of a subscription, refresh). */
    public Reginfo current(long version, Registration registration, Instant now) {
        Set<String> barred = barred(registration);
        List<ReginfoRegistration> registrations = new ArrayList<>();
        List<Contact> active = registration.activeContacts(now);
        for (String impu : registration.implicitSet()) {
            if (barred.contains(impu)) {
                continue;
            }
            List<ReginfoContact> contacts = new ArrayList<>();
            for (Contact contact : active) {
                contacts.add(active(registration.impi(), contact, ContactEvent.REGISTERED, now));
            }
            registrations.add(new ReginfoRegistration(impu, registrationId(registration.impi(), impu),
                    contacts.isEmpty() ? ReginfoRegistration.State.INIT : ReginfoRegistration.State.ACTIVE,
                    contacts));
        }
        return new Reginfo(version, Reginfo.State.FULL, registrations);
    }

    /** The state after {@code change}, with the events of the change (see the class comment). */
    public Reginfo afterChange(long version, RegistrationChange change) {
        Instant now = change.at();
        Registration before = change.before();
        Registration after = change.after();
        String impi = change.impi();
        boolean byRegister = change.cause() == Cause.REGISTERED || change.cause() == Cause.REFRESHED
                || change.cause() == Cause.UE_DEREGISTERED;
        ContactEvent removal = removalEvent(change);

        Map<String, Contact> previous = new LinkedHashMap<>();
        if (before != null) {
            for (Contact contact : before.contacts()) {
                previous.put(contact.bindingKey(), contact);
            }
        }
        List<Contact> active = after == null ? List.of() : after.activeContacts(now);
        Set<String> activeKeys = new LinkedHashSet<>();
        List<ReginfoContact> contacts = new ArrayList<>();
        for (Contact contact : active) {
            activeKeys.add(contact.bindingKey());
            contacts.add(active(impi, contact, event(previous.get(contact.bindingKey()), contact, byRegister), now));
        }
        List<ReginfoContact> gone = new ArrayList<>();
        for (Contact contact : previous.values()) {
            if (!activeKeys.contains(contact.bindingKey())) {
                gone.add(terminated(impi, contact, removal));
            }
        }
        contacts.addAll(gone);

        Set<String> barredAfter = after == null ? Set.of() : barred(after);
        Set<String> barredBefore = before == null ? Set.of() : barred(before);
        List<String> reported = new ArrayList<>();
        List<ReginfoRegistration> registrations = new ArrayList<>();
        if (after != null) {
            for (String impu : after.implicitSet()) {
                if (!barredAfter.contains(impu)) {
                    reported.add(impu);
                    registrations.add(new ReginfoRegistration(impu, registrationId(impi, impu),
                            state(active, contacts), contacts));
                }
            }
        }
        if (before != null) {
            for (String impu : before.implicitSet()) {
                if (reported.contains(impu) || barredBefore.contains(impu)) {
                    continue;
                }
                boolean dropped = after != null;   // left the set, or barred now, while the others stay
                List<ReginfoContact> ended = new ArrayList<>();
                for (Contact contact : before.contacts()) {
                    ended.add(terminated(impi, contact, dropped ? ContactEvent.REJECTED : removal));
                }
                registrations.add(new ReginfoRegistration(impu, registrationId(impi, impu),
                        ended.isEmpty() ? ReginfoRegistration.State.INIT : ReginfoRegistration.State.TERMINATED,
                        ended));
            }
        }
        return new Reginfo(version, Reginfo.State.FULL, registrations);
    }

    /** The public identities of the registration's implicit set that are barred (none if the profile is unreadable). */
    public Set<String> barred(Registration registration) {
        Set<String> barred = new LinkedHashSet<>();
        subscription(registration).ifPresent(subscription -> {
            for (ServiceProfile profile : subscription.serviceProfiles()) {
                for (PublicIdentity identity : profile.publicIdentities()) {
                    if (identity.barringIndication()) {
                        barred.add(identity.identity());
                    }
                }
            }
        });
        return barred;
    }

    /** The registration's Cx-User-Data, if it can be read. */
    public Optional<ImsSubscription> subscription(Registration registration) {
        try {
            return Optional.of(userData.read(registration.serviceProfile()));
        } catch (CxUserDataException e) {
            LOG.debugf("service profile of %s unreadable, taken as having no barred identity and no iFC: %s",
                    registration.impi(), e.getMessage());
            return Optional.empty();
        }
    }

    private static ReginfoRegistration.State state(List<Contact> active, List<ReginfoContact> contacts) {
        if (!active.isEmpty()) {
            return ReginfoRegistration.State.ACTIVE;
        }
        return contacts.isEmpty() ? ReginfoRegistration.State.INIT : ReginfoRegistration.State.TERMINATED;
    }

    private static ContactEvent event(Contact previous, Contact now, boolean byRegister) {
        if (previous == null) {
            return byRegister ? ContactEvent.REGISTERED : ContactEvent.CREATED;
        }
        if (previous.equals(now)) {
            return ContactEvent.REGISTERED;
        }
        if (byRegister) {
            return ContactEvent.REFRESHED;
        }
        return now.expiresAt().isBefore(previous.expiresAt()) ? ContactEvent.SHORTENED : ContactEvent.REGISTERED;
    }

    private static ContactEvent removalEvent(RegistrationChange change) {
        return switch (change.cause()) {
            case UE_DEREGISTERED, REGISTERED, REFRESHED -> ContactEvent.UNREGISTERED;
            case EXPIRED -> ContactEvent.EXPIRED;
            case NETWORK_DEREGISTERED -> RtrReason.parse(change.reason()).filter(RtrReason::forbidsReregistration)
                    .isPresent() ? ContactEvent.REJECTED : ContactEvent.DEACTIVATED;
            case PROFILE_UPDATED -> ContactEvent.DEACTIVATED;
        };
    }

    private static ReginfoContact active(String impi, Contact contact, ContactEvent event, Instant now) {
        long left = Math.max(0, Duration.between(now, contact.expiresAt()).toSeconds());
        return new ReginfoContact(contactId(impi, contact), ReginfoContact.State.ACTIVE, event, left, contact.q(),
                contact.uri(), params(contact));
    }

    private static ReginfoContact terminated(String impi, Contact contact, ContactEvent event) {
        return new ReginfoContact(contactId(impi, contact), ReginfoContact.State.TERMINATED, event, 0L, contact.q(),
                contact.uri(), params(contact));
    }

    private static List<ReginfoContact.UnknownParam> params(Contact contact) {
        List<ReginfoContact.UnknownParam> params = new ArrayList<>();
        if (contact.instanceId() != null) {
            params.add(new ReginfoContact.UnknownParam("+sip.instance", contact.instanceId()));
        }
        if (contact.regId() != null) {
            params.add(new ReginfoContact.UnknownParam("reg-id", contact.regId().toString()));
        }
        return params;
    }

    /** A stable id of one binding of one subscriber. */
    static String contactId(String impi, Contact contact) {
        return "c" + hash(impi, contact.bindingKey());
    }

    /** A stable id of one public identity's registration of one subscriber. */
    static String registrationId(String impi, String impu) {
        return "r" + hash(impi, impu);
    }

    private static String hash(String first, String second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(first.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(second.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
