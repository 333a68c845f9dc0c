package io.kubeims.cscf.scscf;

import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.TransportFlow;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import java.time.Instant;
import java.util.List;

/** Registrations, contacts and Cx-User-Data for the S-CSCF event tests, written as the registrar would store them. */
public final class ScscfFixtures {

    public static final String REALM = "ims.example.com";
    public static final String POOL = "scscf.ims.example.com";

    private ScscfFixtures() {
    }

    /** The Cx-User-Data XML of one service profile holding these identities and iFCs. */
    public static String profile(String impi, List<PublicIdentity> identities, List<InitialFilterCriteria> ifcs) {
        return new CxUserDataWriter().write(new ImsSubscription(impi,
                List.of(new ServiceProfile(identities, null, ifcs))));
    }

    /** A registration of {@code impi} with the identities (none barred), no iFC and these contacts. */
    public static Registration registration(String impi, List<String> implicitSet, List<Contact> contacts) {
        return registration(impi, implicitSet.stream().map(PublicIdentity::new).toList(), List.of(), contacts);
    }

    /** A registration with this profile: the implicit set is every identity of it, barred or not. */
    public static Registration registration(String impi, List<PublicIdentity> identities,
            List<InitialFilterCriteria> ifcs, List<Contact> contacts) {
        return new Registration(impi, identities.stream().map(PublicIdentity::identity).toList(),
                profile(impi, identities, ifcs), POOL, contacts, null);
    }

    /** A binding registered through {@code path} by a REGISTER with this Call-ID and CSeq. */
    public static Contact contact(String uri, Instant expiresAt, List<String> path, String callId, long cseq) {
        return new Contact(uri, expiresAt, path, null, null, callId, cseq, new TransportFlow("UDP", "127.0.0.1", 5060),
                null);
    }

    /** An RFC 5626 binding with +sip.instance and reg-id. */
    public static Contact outboundContact(String uri, Instant expiresAt, List<String> path, String instance,
            int regId) {
        return new Contact(uri, expiresAt, path, instance, regId, "ob-" + regId, 1,
                new TransportFlow("TCP", "127.0.0.1", 5070), "0.7");
    }
}
