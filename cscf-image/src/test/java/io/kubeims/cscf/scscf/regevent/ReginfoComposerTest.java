package io.kubeims.cscf.scscf.regevent;

import static io.kubeims.cscf.scscf.ScscfFixtures.contact;
import static io.kubeims.cscf.scscf.ScscfFixtures.outboundContact;
import static io.kubeims.cscf.scscf.ScscfFixtures.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.scscf.hss.RtrReason;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationChange.Cause;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reginfo the S-CSCF composes for registration changes: registration states of RFC 3680 5.2 and contact events
 * of RFC 3680 5.3 as TS 24.229 5.4.1.5 and 5.4.2.1.2 use them.
 */
class ReginfoComposerTest {

    private static final String IMPI = "alice@ims.example.com";
    private static final String IMPU = "sip:alice@ims.example.com";
    private static final String TEL = "tel:+15550100";
    private static final String BARRED = "sip:alice-barred@ims.example.com";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final List<String> PATH = List.of("<sip:term@pcscf.ims.example.com;lr>");

    private final ReginfoComposer composer = new ReginfoComposer(new CxUserDataReader());

    private static Registration with(Contact... contacts) {
        return registration(IMPI, List.of(new PublicIdentity(IMPU), new PublicIdentity(TEL),
                new PublicIdentity(true, BARRED, IdentityType.PUBLIC_USER_IDENTITY, null, null)), List.of(),
                List.of(contacts));
    }

    private static RegistrationChange change(Cause cause, Registration before, Registration after, String reason) {
        return new RegistrationChange(cause, IMPI, before, after, null, null, reason, NOW);
    }

    private static ReginfoContact only(Reginfo reginfo, String aor) {
        List<ReginfoContact> contacts = reginfo.registration(aor).orElseThrow().contacts();
        assertEquals(1, contacts.size(), contacts.toString());
        return contacts.get(0);
    }

    @Test
    void aFirstRegistrationIsActiveForEveryUnbarredIdentityWithEventRegistered() {
        Contact a = contact("sip:alice@192.0.2.1:5060", NOW.plusSeconds(600), PATH, "reg-1", 1);
        Reginfo reginfo = composer.afterChange(0, change(Cause.REGISTERED, null, with(a), null));
        assertEquals(0, reginfo.version());
        assertEquals(Reginfo.State.FULL, reginfo.state());
        // TS 24.229 5.4.2.1.2: barred identities are not reported
        assertEquals(List.of(IMPU, TEL), reginfo.registrations().stream().map(ReginfoRegistration::aor).toList());
        for (ReginfoRegistration registration : reginfo.registrations()) {
            assertEquals(ReginfoRegistration.State.ACTIVE, registration.state());
            ReginfoContact contact = only(reginfo, registration.aor());
            assertEquals(ReginfoContact.State.ACTIVE, contact.state());
            assertEquals(ContactEvent.REGISTERED, contact.event());
            assertEquals(600L, contact.expires());
            assertEquals("sip:alice@192.0.2.1:5060", contact.uri());
        }
    }

    @Test
    void aReRegistrationRefreshesTheRewrittenBindingOnly() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(100), PATH, "reg-1", 1);
        Contact b = contact("sip:alice@192.0.2.2", NOW.plusSeconds(300), PATH, "reg-2", 1);
        Contact refreshedA = contact("sip:alice@192.0.2.1", NOW.plusSeconds(600), PATH, "reg-1", 2);
        Reginfo reginfo = composer.afterChange(3, change(Cause.REFRESHED, with(a, b), with(refreshedA, b), null));
        List<ReginfoContact> contacts = reginfo.registration(IMPU).orElseThrow().contacts();
        assertEquals(ContactEvent.REFRESHED, contacts.get(0).event());
        assertEquals(600L, contacts.get(0).expires());
        // untouched by this REGISTER: its last transition stays "registered"
        assertEquals(ContactEvent.REGISTERED, contacts.get(1).event());
        assertEquals(300L, contacts.get(1).expires());
    }

    @Test
    void aBindingAddedByAReRegistrationIsRegistered() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(100), PATH, "reg-1", 1);
        Contact b = contact("sip:alice@192.0.2.2", NOW.plusSeconds(600), PATH, "reg-2", 1);
        Reginfo reginfo = composer.afterChange(1, change(Cause.REFRESHED, with(a), with(a, b), null));
        ReginfoContact added = reginfo.registration(TEL).orElseThrow().contactByUri("sip:alice@192.0.2.2")
                .orElseThrow();
        assertEquals(ContactEvent.REGISTERED, added.event());
    }

    @Test
    void removingOneOfTwoBindingsLeavesTheRegistrationActive() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(100), PATH, "reg-1", 1);
        Contact b = contact("sip:alice@192.0.2.2", NOW.plusSeconds(600), PATH, "reg-2", 1);
        Reginfo reginfo = composer.afterChange(1, change(Cause.UE_DEREGISTERED, with(a, b), with(a), null));
        ReginfoRegistration registration = reginfo.registration(IMPU).orElseThrow();
        assertEquals(ReginfoRegistration.State.ACTIVE, registration.state());
        ReginfoContact gone = registration.contactByUri("sip:alice@192.0.2.2").orElseThrow();
        assertEquals(ReginfoContact.State.TERMINATED, gone.state());
        assertEquals(ContactEvent.UNREGISTERED, gone.event());
        assertEquals(0L, gone.expires());
    }

    @Test
    void theLastBindingEndingTerminatesTheRegistrationWithTheEventOfItsCause() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.minusSeconds(1), PATH, "reg-1", 1);
        assertEquals(ContactEvent.EXPIRED, ended(Cause.EXPIRED, a, null));
        assertEquals(ContactEvent.UNREGISTERED, ended(Cause.UE_DEREGISTERED, a, null));
        // TS 24.229 5.4.1.5: rejected = do not register again; deactivated = register again
        assertEquals(ContactEvent.REJECTED, ended(Cause.NETWORK_DEREGISTERED, a,
                new RtrReason(ReasonCode.PERMANENT_TERMINATION, "contract ended").text()));
        assertEquals(ContactEvent.DEACTIVATED, ended(Cause.NETWORK_DEREGISTERED, a,
                new RtrReason(ReasonCode.SERVER_CHANGE, null).text()));
        assertEquals(ContactEvent.DEACTIVATED, ended(Cause.NETWORK_DEREGISTERED, a,
                new RtrReason(ReasonCode.NEW_SERVER_ASSIGNED, null).text()));
        assertEquals(ContactEvent.DEACTIVATED, ended(Cause.NETWORK_DEREGISTERED, a, "authentication failed"));
    }

    private ContactEvent ended(Cause cause, Contact contact, String reason) {
        Reginfo reginfo = composer.afterChange(2, change(cause, with(contact), null, reason));
        for (String aor : List.of(IMPU, TEL)) {
            assertEquals(ReginfoRegistration.State.TERMINATED, reginfo.registration(aor).orElseThrow().state());
            assertEquals(ReginfoContact.State.TERMINATED, only(reginfo, aor).state());
        }
        assertTrue(reginfo.registration(BARRED).isEmpty());
        return only(reginfo, IMPU).event();
    }

    @Test
    void aProfileUpdateTerminatesIdentitiesThatLeftTheSetOrBecameBarred() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(600), PATH, "reg-1", 1);
        String added = "sip:alice.work@ims.example.com";
        Registration before = with(a);
        // TEL barred now, the barred one removed, a new identity added
        Registration after = registration(IMPI, List.of(new PublicIdentity(IMPU),
                new PublicIdentity(true, TEL, IdentityType.PUBLIC_USER_IDENTITY, null, null),
                new PublicIdentity(added)), List.of(), List.of(a));
        Reginfo reginfo = composer.afterChange(5, change(Cause.PROFILE_UPDATED, before, after, null));
        assertEquals(List.of(IMPU, added, TEL),
                reginfo.registrations().stream().map(ReginfoRegistration::aor).toList());
        assertEquals(ReginfoRegistration.State.ACTIVE, reginfo.registration(added).orElseThrow().state());
        assertEquals(ContactEvent.REGISTERED, only(reginfo, IMPU).event());
        ReginfoRegistration barredNow = reginfo.registration(TEL).orElseThrow();
        assertEquals(ReginfoRegistration.State.TERMINATED, barredNow.state());
        assertEquals(ContactEvent.REJECTED, only(reginfo, TEL).event());
        // the identity that was barred before was never reported, and is not now
        assertTrue(reginfo.registration(BARRED).isEmpty());
    }

    @Test
    void anExpiryCutWithoutARegisterIsShortened() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(3600), PATH, "reg-1", 1);
        Contact cut = contact("sip:alice@192.0.2.1", NOW.plusSeconds(60), PATH, "reg-1", 1);
        Reginfo reginfo = composer.afterChange(1, change(Cause.PROFILE_UPDATED, with(a), with(cut), null));
        assertEquals(ContactEvent.SHORTENED, only(reginfo, IMPU).event());
        assertEquals(60L, only(reginfo, IMPU).expires());
    }

    @Test
    void outboundParametersAreReportedAsUnknownParams() {
        Contact flow = outboundContact("sip:alice@192.0.2.9:5070;transport=tcp;ob", NOW.plusSeconds(600), PATH,
                "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>", 2);
        Reginfo reginfo = composer.current(0, with(flow), NOW);
        ReginfoContact contact = only(reginfo, IMPU);
        assertEquals("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>", contact.param("+sip.instance").orElseThrow());
        assertEquals("2", contact.param("reg-id").orElseThrow());
        assertEquals("0.7", contact.q());
    }

    @Test
    void idsAreStableAcrossDocumentsAndDistinctAcrossIdentities() {
        Contact a = contact("sip:alice@192.0.2.1", NOW.plusSeconds(600), PATH, "reg-1", 1);
        Reginfo first = composer.current(0, with(a), NOW);
        Reginfo later = composer.afterChange(1, change(Cause.EXPIRED, with(a), null, null));
        assertEquals(first.registration(IMPU).orElseThrow().id(), later.registration(IMPU).orElseThrow().id());
        assertEquals(only(first, IMPU).id(), only(later, IMPU).id());
        assertNotEquals(first.registration(IMPU).orElseThrow().id(), first.registration(TEL).orElseThrow().id());
        // the same binding under both identities: one contact, one id
        assertEquals(only(first, IMPU).id(), only(first, TEL).id());
    }

    @Test
    void aRegistrationWithoutBindingsIsInit() {
        Reginfo reginfo = composer.current(0, with(), NOW);
        assertEquals(ReginfoRegistration.State.INIT, reginfo.registration(IMPU).orElseThrow().state());
        assertTrue(reginfo.registration(IMPU).orElseThrow().contacts().isEmpty());
    }

    @Test
    void rtrReasonsTravelAsText() {
        RtrReason reason = new RtrReason(ReasonCode.REMOVE_S_CSCF, "maintenance");
        assertEquals("RTR REMOVE_S-CSCF: maintenance", reason.text());
        assertEquals(reason, RtrReason.parse(reason.text()).orElseThrow());
        assertEquals(new RtrReason(ReasonCode.SERVER_CHANGE, null),
                RtrReason.parse("RTR SERVER_CHANGE").orElseThrow());
        assertTrue(RtrReason.parse("RTR UNKNOWN_CODE").isEmpty());
        assertTrue(RtrReason.parse("authentication failed").isEmpty());
        assertTrue(RtrReason.parse(null).isEmpty());
    }
}
