package io.kubeims.cscf.scscf.regevent;

import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.ServiceProfile;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;

/**
 * Who may subscribe to a user's registration state (TS 24.229 5.4.2.1.1 step 1), judged on the identities the
 * SUBSCRIBE asserts (P-Asserted-Identity, NOTE 1 there): the user itself (a not-barred public identity of its
 * implicit set), a P-CSCF on the user's Path, or an AS named in the user's iFCs. Identities compare by scheme, user
 * and host (case-insensitive host, parameters ignored); P-CSCF and AS hosts by host, and by port when both give one.
 */
final class SubscriberAuthorization {

    /** Why a subscriber was let in. */
    enum Subscriber {
        /** The user (UE), TS 24.229 5.1.1.3. */
        USER,
        /** A P-CSCF on the Path, TS 24.229 5.2.3. */
        PCSCF,
        /** An AS of the iFCs, TS 24.229 5.7.1.1. */
        APPLICATION_SERVER
    }

    private final AddressFactory addresses;
    private final List<String> trustedPcscfHosts;

    SubscriberAuthorization(AddressFactory addresses, List<String> trustedPcscfHosts) {
        this.addresses = addresses;
        this.trustedPcscfHosts = List.copyOf(trustedPcscfHosts);
    }

    /**
     * @param asserted     the P-Asserted-Identity values of the SUBSCRIBE
     * @param registration the watched user's registration
     * @param profile      its Cx-User-Data, if readable (no AS is authorised without it)
     * @param barred       its barred public identities
     * @return what kind of subscriber is authorised, empty when none is (403)
     */
    Optional<Subscriber> authorize(List<Address> asserted, Registration registration,
            Optional<ImsSubscription> profile, Set<String> barred) {
        for (Address address : asserted) {
            URI uri = address.getURI();
            String key = identityKey(uri);
            for (String impu : registration.implicitSet()) {
                if (!barred.contains(impu) && key.equals(identityKey(impu))) {
                    return Optional.of(Subscriber.USER);
                }
            }
            if (!(uri instanceof SipURI sip)) {
                continue;
            }
            for (Contact contact : registration.contacts()) {
                for (String path : contact.path()) {
                    Optional<SipURI> hop = sipUri(path);
                    if (hop.isPresent() && (sameHost(sip, hop.get()) || bothTrusted(sip, hop.get()))) {
                        return Optional.of(Subscriber.PCSCF);
                    }
                }
            }
            if (profile.isPresent()) {
                for (ServiceProfile serviceProfile : profile.get().serviceProfiles()) {
                    for (InitialFilterCriteria ifc : serviceProfile.initialFilterCriteria()) {
                        Optional<SipURI> server = sipUri(ifc.applicationServer().serverName());
                        if (server.isPresent() && sameHost(sip, server.get())) {
                            return Optional.of(Subscriber.APPLICATION_SERVER);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** scheme:user@host for SIP URIs (parameters and port ignored), tel:number for tel URIs, else the text. */
    static String identityKey(URI uri) {
        if (uri instanceof SipURI sip) {
            String user = sip.getUser() == null ? "" : sip.getUser() + "@";
            return sip.getScheme().toLowerCase(Locale.ROOT) + ":" + user + sip.getHost().toLowerCase(Locale.ROOT);
        }
        if (uri instanceof TelURL tel) {
            return "tel:" + (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber().replaceAll("[-.()]", "");
        }
        return uri.toString();
    }

    String identityKey(String uri) {
        try {
            return identityKey(addresses.createURI(uri.strip()));
        } catch (ParseException e) {
            return uri;
        }
    }

    /** The lookup keys to try for a Request-URI in the registration store: as written, then without parameters. */
    static List<String> lookupCandidates(URI requestUri) {
        List<String> candidates = new ArrayList<>();
        candidates.add(requestUri.toString());
        if (requestUri instanceof SipURI sip) {
            String user = sip.getUser() == null ? "" : sip.getUser() + "@";
            String port = sip.getPort() > 0 ? ":" + sip.getPort() : "";
            String bare = sip.getScheme() + ":" + user + sip.getHost() + port;
            if (!candidates.contains(bare)) {
                candidates.add(bare);
            }
        }
        return candidates;
    }

    private Optional<SipURI> sipUri(String text) {
        try {
            String trimmed = text.strip();
            URI uri = trimmed.startsWith("<") || trimmed.contains(" ") ? addresses.createAddress(trimmed).getURI()
                    : addresses.createURI(trimmed);
            return uri instanceof SipURI sip ? Optional.of(sip) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(SipURI a, SipURI b) {
        return a.getHost().equalsIgnoreCase(b.getHost())
                && (a.getPort() <= 0 || b.getPort() <= 0 || a.getPort() == b.getPort());
    }

    private boolean bothTrusted(SipURI asserted, SipURI onPath) {
        return trustedPcscfHosts.contains(asserted.getHost().toLowerCase(Locale.ROOT))
                && trustedPcscfHosts.contains(onPath.getHost().toLowerCase(Locale.ROOT));
    }
}
