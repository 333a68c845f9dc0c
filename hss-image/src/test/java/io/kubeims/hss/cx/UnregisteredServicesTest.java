package io.kubeims.hss.cx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.SptCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which iFCs make a not-registered user reachable by a terminating request (LIR, TS 29.228 6.1.4.1): the expected
 * answers follow from TS 29.228 Annex B.2.2 (ProfilePartIndicator) and Annex C (CNF/DNF of SPT groups).
 */
class UnregisteredServicesTest {

    private static final ApplicationServer AS = new ApplicationServer("sip:as.ims.example.com",
            DefaultHandling.SESSION_CONTINUED);

    private static ServicePointTrigger spt(int group, SptCondition condition) {
        return new ServicePointTrigger(false, List.of(group), condition);
    }

    private static ServicePointTrigger sessionCase(int group, SessionCase value, boolean negated) {
        return new ServicePointTrigger(negated, List.of(group), new SessionCaseCondition(value));
    }

    private static boolean offered(ProfilePartIndicator ppi, TriggerPoint triggerPoint) {
        InitialFilterCriteria ifc = new InitialFilterCriteria(0, triggerPoint, AS, ppi);
        return UnregisteredServices.offeredTo(HssTestSubscribers.withIfcs("ifc", List.of(ifc)));
    }

    @Test
    void noIfcMeansNoUnregisteredService() {
        Subscriber s = HssTestSubscribers.withIfcs("none", List.of());
        assertFalse(UnregisteredServices.offeredTo(s));
    }

    @Test
    void profilePartIndicatorDecidesForUnconditionalIfcs() {
        assertFalse(offered(ProfilePartIndicator.REGISTERED, null));
        assertTrue(offered(ProfilePartIndicator.UNREGISTERED, null));
        assertTrue(offered(null, null), "no indicator: both states");
    }

    @Test
    void sessionCaseSptsThatExcludeTerminatingUnregisteredRequests() {
        assertFalse(offered(null, new TriggerPoint(true, List.of(
                sessionCase(0, SessionCase.ORIGINATING_REGISTERED, false)))));
        assertFalse(offered(ProfilePartIndicator.UNREGISTERED, new TriggerPoint(true, List.of(
                sessionCase(0, SessionCase.ORIGINATING_UNREGISTERED, false)))));
        assertFalse(offered(null, new TriggerPoint(true, List.of(
                sessionCase(0, SessionCase.TERMINATING_UNREGISTERED, true)))), "negated");
        // CNF: (originating OR terminating-registered) AND INVITE
        assertFalse(offered(null, new TriggerPoint(true, List.of(
                sessionCase(0, SessionCase.ORIGINATING_REGISTERED, false),
                sessionCase(0, SessionCase.TERMINATING_REGISTERED, false),
                spt(1, new MethodCondition("INVITE"))))));
    }

    @Test
    void triggerPointsATerminatingUnregisteredRequestCanSatisfy() {
        // CNF: INVITE AND terminating-unregistered
        assertTrue(offered(ProfilePartIndicator.UNREGISTERED, new TriggerPoint(true, List.of(
                spt(0, new MethodCondition("INVITE")),
                sessionCase(1, SessionCase.TERMINATING_UNREGISTERED, false)))));
        // negated originating-registered holds for a terminating request
        assertTrue(offered(null, new TriggerPoint(true, List.of(
                sessionCase(0, SessionCase.ORIGINATING_REGISTERED, true)))));
        // DNF: (originating-registered AND INVITE) OR MESSAGE: the second group can hold
        assertTrue(offered(null, new TriggerPoint(false, List.of(
                sessionCase(0, SessionCase.ORIGINATING_REGISTERED, false),
                spt(0, new MethodCondition("INVITE")),
                spt(1, new MethodCondition("MESSAGE"))))));
        // SPTs on anything but the session case are taken as possible
        assertTrue(offered(null, new TriggerPoint(false, List.of(spt(0, new MethodCondition("OPTIONS"))))));
    }

    @Test
    void oneQualifyingIfcAmongOthersIsEnough() {
        assertTrue(UnregisteredServices.offeredTo(HssTestSubscribers.withIfcs("mixed",
                List.of(HssTestSubscribers.REGISTERED_TAS, HssTestSubscribers.UNREGISTERED_VOICEMAIL))));
        assertFalse(UnregisteredServices.offeredTo(HssTestSubscribers.withIfcs("regonly",
                List.of(HssTestSubscribers.REGISTERED_TAS))));
    }
}
