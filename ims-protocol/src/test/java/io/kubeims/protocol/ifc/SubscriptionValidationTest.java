package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every check of the model's compact constructors, and immutability. */
class SubscriptionValidationTest {

    private static final ApplicationServer AS =
            new ApplicationServer("sip:as.example.org", DefaultHandling.SESSION_CONTINUED);
    private static final PublicIdentity ALICE = new PublicIdentity("sip:alice@example.org");

    private static void rejected(String expectedInMessage, Executable construction) {
        InvalidIfcException e = assertThrows(InvalidIfcException.class, construction);
        assertTrue(e.getMessage().contains(expectedInMessage),
                "message '" + e.getMessage() + "' should mention '" + expectedInMessage + "'");
    }

    private static ServicePointTrigger spt(int... groups) {
        List<Integer> list = new ArrayList<>();
        for (int g : groups) {
            list.add(g);
        }
        return new ServicePointTrigger(false, list, new MethodCondition("INVITE"));
    }

    @Test
    void initialFilterCriteria() {
        rejected("Priority -1 is negative", () -> new InitialFilterCriteria(-1, null, AS, null));
        rejected("iFC ApplicationServer is required", () -> new InitialFilterCriteria(0, null, null, null));
    }

    @Test
    void prioritiesAreUniqueWithinAServiceProfile() {
        rejected("Priority 5 (sip:as.example.org and sip:other.example.org)", () -> new ServiceProfile(
                List.of(ALICE), null, List.of(new InitialFilterCriteria(5, null, AS, null),
                        new InitialFilterCriteria(5, null,
                                new ApplicationServer("sip:other.example.org", DefaultHandling.SESSION_TERMINATED),
                                null))));
    }

    @Test
    void triggerPointAndSpt() {
        rejected("TriggerPoint has no SPT", () -> new TriggerPoint(true, List.of()));
        rejected("SPT has no Group", () -> spt());
        rejected("SPT Group -3 is negative", () -> spt(1, -3));
        rejected("SPT lists Group 2 twice", () -> spt(2, 4, 2));
        rejected("SPT condition is required", () -> new ServicePointTrigger(false, List.of(0), null));
        List<ServicePointTrigger> withNull = new ArrayList<>();
        withNull.add(null);
        rejected("TriggerPoint SPT[0] is null", () -> new TriggerPoint(false, withNull));
    }

    @Test
    void conditions() {
        rejected("invalid regular expression '[abc'", () -> new RequestUriCondition("[abc"));
        rejected("invalid regular expression '(x'", () -> new SipHeaderCondition("To", "(x"));
        rejected("invalid regular expression '\\d'", () -> new SessionDescriptionCondition("m", "\\d"));
        rejected("Method 'INV ITE' is not an RFC 3261 token", () -> new MethodCondition("INV ITE"));
        rejected("SIPHeader Header 'P-Some:Header' is not an RFC 3261 token",
                () -> new SipHeaderCondition("P-Some:Header", "x"));
        rejected("SessionDescription Line 'mm' is not an SDP line type", () -> new SessionDescriptionCondition("mm", "x"));
        rejected("SessionDescription Line '1' is not an SDP line type", () -> new SessionDescriptionCondition("1", "x"));
        rejected("SessionCase is required", () -> new SessionCaseCondition(null));
    }

    @Test
    void registrationTypesOnlyForRegisterAndNotAllThree() {
        rejected("given for Method 'INVITE'",
                () -> new MethodCondition("INVITE", Set.of(RegistrationType.INITIAL_REGISTRATION)));
        rejected("omit the list to match every REGISTER",
                () -> new MethodCondition("REGISTER", EnumSet.allOf(RegistrationType.class)));
    }

    @Test
    void publicIdentity() {
        rejected("PublicIdentity Identity 'alice@example.org' is not a sip:, sips: or tel: URI",
                () -> new PublicIdentity("alice@example.org"));
        rejected("PublicIdentity Identity must not be blank", () -> new PublicIdentity(" "));
        rejected("contains whitespace", () -> new PublicIdentity("sip:alice smith@example.org"));
        rejected("IdentityType of sip:a@x is required", () -> new PublicIdentity(false, "sip:a@x", null, null, null));
        rejected("it needs WILDCARDED_PSI", () -> new PublicIdentity(false, "sip:a@x",
                IdentityType.DISTINCT_PSI, null, "sip:a!.*!@x"));
        rejected("DisplayName of sip:a@x contains character U+0007", () -> new PublicIdentity(false, "sip:a@x",
                IdentityType.PUBLIC_USER_IDENTITY, "bell\u0007", null));
    }

    @Test
    void applicationServer() {
        rejected("ServerName 'tel:+15551230001' is not a sip: or sips: URI",
                () -> new ApplicationServer("tel:+15551230001", DefaultHandling.SESSION_CONTINUED));
        rejected("DefaultHandling is required", () -> new ApplicationServer("sip:as@x", null));
        rejected("SubscribedMediaProfileId -1 is negative", () -> new CoreNetworkServicesAuthorization(-1));
    }

    @Test
    void subscriptionAndServiceProfile() {
        ServiceProfile profile = new ServiceProfile(List.of(ALICE), null, List.of());
        rejected("PrivateID must not be blank", () -> new ImsSubscription("", List.of(profile)));
        rejected("PrivateID 'alice @example.org' contains whitespace",
                () -> new ImsSubscription("alice @example.org", List.of(profile)));
        rejected("has no ServiceProfile", () -> new ImsSubscription("alice@example.org", List.of()));
        rejected("ServiceProfile has no PublicIdentity", () -> new ServiceProfile(List.of(), null, List.of()));
        rejected("PublicIdentity sip:alice@example.org appears more than once",
                () -> new ImsSubscription("alice@example.org", List.of(profile, profile)));
    }

    @Test
    void codesOutsideTheSchemaRangesAreRejected() {
        rejected("SessionCase code 5 is not one of", () -> SessionCase.fromCode(5));
        rejected("IdentityType code -1 is not one of", () -> IdentityType.fromCode(-1));
        rejected("RegistrationType code 3 is not one of", () -> RegistrationType.fromCode(3));
        rejected("DefaultHandling code 2 is not one of", () -> DefaultHandling.fromCode(2));
        rejected("ProfilePartIndicator code 2 is not one of", () -> ProfilePartIndicator.fromCode(2));
    }

    @Test
    void codesFollowTs29228() {
        assertEquals(SessionCase.ORIGINATING_CDIV, SessionCase.fromCode(4));
        assertEquals(2, SessionCase.TERMINATING_UNREGISTERED.code());
        assertEquals(IdentityType.WILDCARDED_IMPU, IdentityType.fromCode(4));
        assertEquals(1, DefaultHandling.SESSION_TERMINATED.code());
        assertEquals(1, ProfilePartIndicator.UNREGISTERED.code());
        assertEquals(RegistrationType.DE_REGISTRATION, RegistrationType.fromCode(2));
    }

    @Test
    void requestView() {
        rejected("registration type INITIAL_REGISTRATION given for a INVITE request", () -> new IfcRequest(
                "INVITE", "sip:b@x", Map.of(), "", SessionCase.ORIGINATING_REGISTERED,
                RegistrationType.INITIAL_REGISTRATION, true));
        rejected("session case is required", () -> new IfcRequest("INVITE", "sip:b@x", Map.of(), "", null, null, true));
        rejected("request method is required", () -> IfcRequest.of(null, "sip:b@x", SessionCase.ORIGINATING_REGISTERED, true));
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<Integer> groups = new ArrayList<>(List.of(1, 2));
        ServicePointTrigger spt = new ServicePointTrigger(false, groups, new MethodCondition("INVITE"));
        groups.add(3);
        assertEquals(List.of(1, 2), spt.groups());
        assertThrows(UnsupportedOperationException.class, () -> spt.groups().add(4));

        Map<String, List<String>> headers = new HashMap<>();
        List<String> values = new ArrayList<>(List.of("a"));
        headers.put("Subject", values);
        IfcRequest request = new IfcRequest("MESSAGE", "sip:b@x", headers, null, SessionCase.ORIGINATING_REGISTERED,
                null, true);
        values.add("b");
        headers.put("To", List.of("x"));
        assertEquals(List.of("a"), request.headerValues("subject"));
        assertEquals(List.of(), request.headerValues("To"));
        assertEquals("", request.body());
        assertThrows(UnsupportedOperationException.class, () -> request.headers().put("X", List.of()));
    }
}
