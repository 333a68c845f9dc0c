package io.kubeims.hss.subscriber;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.TriggerPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation, Cx view and redaction of a provisioned subscriber. */
class SubscriberTest {

    private static final String PASSWORD = "alice-secret-pw";
    private static final SipDigestCredentials DIGEST = new SipDigestCredentials(PASSWORD);
    private static final InitialFilterCriteria MESSAGE_TO_SMSC = new InitialFilterCriteria(10,
            new TriggerPoint(true, List.of(new ServicePointTrigger(false, List.of(0), new MethodCondition("MESSAGE")))),
            new ApplicationServer("sip:smsc.ims.example.com", DefaultHandling.SESSION_CONTINUED), null);

    private static Subscriber alice(List<PublicUserIdentity> impus, List<InitialFilterCriteria> ifcs) {
        return new Subscriber("alice@ims.example.com", impus, false, DIGEST, ifcs);
    }

    @Test
    void implicitSetAndIfcsFormOneServiceProfile() {
        Subscriber alice = alice(List.of(new PublicUserIdentity("sip:alice@ims.example.com", false, "Alice"),
                new PublicUserIdentity("tel:+15551230001", true, null)), List.of(MESSAGE_TO_SMSC));

        assertEquals("sip:alice@ims.example.com", alice.defaultPublicIdentity().identity());
        assertEquals(List.of("sip:alice@ims.example.com", "tel:+15551230001"), alice.publicIdentityUris());
        assertTrue(alice.publicIdentity("tel:+15551230001").orElseThrow().barred());
        ImsSubscription cx = alice.imsSubscription();
        assertEquals("alice@ims.example.com", cx.privateId());
        assertEquals(1, cx.serviceProfiles().size());
        assertEquals(List.of(
                new PublicIdentity(false, "sip:alice@ims.example.com", IdentityType.PUBLIC_USER_IDENTITY, "Alice", null),
                new PublicIdentity(true, "tel:+15551230001", IdentityType.PUBLIC_USER_IDENTITY, null, null)),
                cx.serviceProfiles().get(0).publicIdentities());
        assertEquals(List.of(MESSAGE_TO_SMSC), cx.serviceProfiles().get(0).initialFilterCriteria());
        assertEquals(SipAuthenticationScheme.SIP_DIGEST, alice.credentials().scheme());
    }

    @Test
    void listsAreCopied() {
        List<PublicUserIdentity> impus = new ArrayList<>(List.of(new PublicUserIdentity("sip:alice@ims.example.com")));
        Subscriber alice = alice(impus, List.of());
        impus.add(new PublicUserIdentity("sip:other@ims.example.com"));
        assertEquals(1, alice.publicIdentities().size());
        assertThrows(UnsupportedOperationException.class,
                () -> alice.publicIdentities().add(new PublicUserIdentity("sip:x@ims.example.com")));
    }

    @Test
    void privateIdentityMustBeANai() {
        for (String bad : new String[] {"alice", "alice@", "@ims.example.com", "al ice@ims.example.com",
                "alice@ims..example.com", "a@b@ims.example.com"}) {
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class,
                    () -> new Subscriber(bad, List.of(new PublicUserIdentity("sip:alice@ims.example.com")), false,
                            DIGEST, List.of()), bad);
            assertEquals("privateIdentity", e.field());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(InvalidIdentityException.class, () -> new Subscriber(null,
                List.of(new PublicUserIdentity("sip:alice@ims.example.com")), false, DIGEST, List.of()));
    }

    @Test
    void publicIdentityMustBeSipWithUserOrGlobalTel() {
        for (String bad : new String[] {"mailto:alice@ims.example.com", "sip:ims.example.com", "tel:5551230001",
                "sip:alice@ims.example.com extra", "tel:+1234567890123456"}) {
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class,
                    () -> new PublicUserIdentity(bad), bad);
            assertEquals("identity", e.field());
        }
        new PublicUserIdentity("sips:bob@ims.example.com:5061;transport=tcp");
        InvalidIdentityException control = assertThrows(InvalidIdentityException.class,
                () -> new PublicUserIdentity("sip:alice@ims.example.com", false, "Alice\r\nVia: evil"));
        assertEquals("displayName of sip:alice@ims.example.com", control.field());
    }

    @Test
    void implicitSetNeedsDistinctIdentities() {
        InvalidSubscriberException none = assertThrows(InvalidSubscriberException.class, () -> alice(List.of(),
                List.of()));
        assertEquals("publicIdentities", none.field());
        InvalidSubscriberException twice = assertThrows(InvalidSubscriberException.class, () -> alice(List.of(
                new PublicUserIdentity("sip:alice@ims.example.com"),
                new PublicUserIdentity("sip:alice@ims.example.com", true, null)), List.of()));
        assertEquals("publicIdentities[1]", twice.field());
        List<PublicUserIdentity> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("publicIdentities[0]",
                assertThrows(InvalidSubscriberException.class, () -> alice(withNull, List.of())).field());
        assertEquals("initialFilterCriteria", assertThrows(InvalidSubscriberException.class,
                () -> alice(List.of(new PublicUserIdentity("sip:alice@ims.example.com")), null)).field());
    }

    @Test
    void credentialsAreRequiredAndPasswordNotEmpty() {
        InvalidCredentialsException missing = assertThrows(InvalidCredentialsException.class,
                () -> new Subscriber("alice@ims.example.com", List.of(new PublicUserIdentity("sip:alice@ims.example.com")),
                        false, null, List.of()));
        assertEquals("credentials", missing.field());
        assertEquals("password", assertThrows(InvalidCredentialsException.class,
                () -> new SipDigestCredentials("")).field());
    }

    @Test
    void ifcPrioritiesMustBeUniqueAsTs29228Requires() {
        InitialFilterCriteria samePriority = new InitialFilterCriteria(10, null,
                new ApplicationServer("sip:tas.ims.example.com", DefaultHandling.SESSION_TERMINATED), null);
        InvalidIfcException e = assertThrows(InvalidIfcException.class,
                () -> alice(List.of(new PublicUserIdentity("sip:alice@ims.example.com")),
                        List.of(MESSAGE_TO_SMSC, samePriority)));
        assertTrue(e.getMessage().contains("Priority 10"), e.getMessage());
    }

    @Test
    void toStringRedactsThePassword() {
        Subscriber alice = alice(List.of(new PublicUserIdentity("sip:alice@ims.example.com")), List.of());
        assertFalse(alice.toString().contains(PASSWORD), alice.toString());
        assertTrue(alice.toString().contains("password=<redacted>"), alice.toString());
    }
}
