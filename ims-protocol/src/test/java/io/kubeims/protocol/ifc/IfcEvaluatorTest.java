package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Priority order, resume after an AS (ODI), ProfilePartIndicator, and the worked CNF/DNF examples of the
 * iFC note in /work/shared/seeds/001 (with the README's correction: DNF ORs the groups).
 */
class IfcEvaluatorTest {

    private static final String SMSC = "sip:smsc.mnc001.mcc001.3gppnetwork.org:5060";

    private static IfcRequest request(String method, SessionCase sessionCase, Map<String, List<String>> headers) {
        return new IfcRequest(method, "sip:bob@ims.example.org", headers, "", sessionCase, null, true);
    }

    private static ServicePointTrigger spt(int group, SptCondition condition) {
        return new ServicePointTrigger(false, List.of(group), condition);
    }

    private static InitialFilterCriteria ifc(int priority, TriggerPoint trigger, String server) {
        return new InitialFilterCriteria(priority, trigger,
                new ApplicationServer(server, DefaultHandling.SESSION_CONTINUED), null);
    }

    private static InitialFilterCriteria unconditional(int priority) {
        return ifc(priority, null, "sip:as" + priority + ".example.org");
    }

    private static List<Integer> priorities(List<InitialFilterCriteria> ifcs) {
        return ifcs.stream().map(InitialFilterCriteria::priority).toList();
    }

    // ---- seed note: MESSAGE + originating to an SMSC ----

    /** Method MESSAGE in group 0, SessionCase 0 in group 1. */
    private static TriggerPoint smscTrigger(boolean cnf) {
        return new TriggerPoint(cnf, List.of(spt(0, new MethodCondition("MESSAGE")),
                spt(1, new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED))));
    }

    @Test
    void smscExampleInCnfNeedsMessageAndOriginating() {
        IfcEvaluator evaluator = new IfcEvaluator(List.of(ifc(10, smscTrigger(true), SMSC)));
        assertEquals(1, evaluator.matching(request("MESSAGE", SessionCase.ORIGINATING_REGISTERED, Map.of())).size());
        assertTrue(evaluator.matching(request("MESSAGE", SessionCase.TERMINATING_REGISTERED, Map.of())).isEmpty());
        assertTrue(evaluator.matching(request("INVITE", SessionCase.ORIGINATING_REGISTERED, Map.of())).isEmpty());
        assertTrue(evaluator.matching(request("INVITE", SessionCase.TERMINATING_REGISTERED, Map.of())).isEmpty());
    }

    @Test
    void smscExampleInDnfNeedsMessageOrOriginating() {
        IfcEvaluator evaluator = new IfcEvaluator(List.of(ifc(10, smscTrigger(false), SMSC)));
        assertEquals(1, evaluator.matching(request("MESSAGE", SessionCase.ORIGINATING_REGISTERED, Map.of())).size());
        // The same SPTs give a different answer than in CNF for these two requests.
        assertEquals(1, evaluator.matching(request("MESSAGE", SessionCase.TERMINATING_REGISTERED, Map.of())).size());
        assertEquals(1, evaluator.matching(request("INVITE", SessionCase.ORIGINATING_REGISTERED, Map.of())).size());
        assertTrue(evaluator.matching(request("INVITE", SessionCase.TERMINATING_REGISTERED, Map.of())).isEmpty());
    }

    // ---- seed note: MESSAGE and SessionCase 0 in group 1, P-Some-Header in group 2 ----

    private static TriggerPoint someHeaderTrigger(boolean cnf) {
        return new TriggerPoint(cnf, List.of(spt(1, new MethodCondition("MESSAGE")),
                spt(1, new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED)),
                spt(2, new SipHeaderCondition("P-Some-Header", (String) null))));
    }

    private static final Map<String, List<String>> SOME_HEADER = Map.of("P-Some-Header", List.of("x"));

    @Test
    void someHeaderExampleInDnfIsMessageAndOriginatingOrTheHeader() {
        TriggerPoint dnf = someHeaderTrigger(false);
        assertTrue(dnf.matches(request("MESSAGE", SessionCase.ORIGINATING_REGISTERED, Map.of())));
        assertFalse(dnf.matches(request("MESSAGE", SessionCase.TERMINATING_REGISTERED, Map.of())));
        assertFalse(dnf.matches(request("INVITE", SessionCase.ORIGINATING_REGISTERED, Map.of())));
        assertTrue(dnf.matches(request("INVITE", SessionCase.TERMINATING_REGISTERED, SOME_HEADER)));
    }

    @Test
    void someHeaderExampleInCnfIsMessageOrOriginatingAndTheHeader() {
        TriggerPoint cnf = someHeaderTrigger(true);
        assertTrue(cnf.matches(request("MESSAGE", SessionCase.TERMINATING_REGISTERED, SOME_HEADER)));
        assertTrue(cnf.matches(request("INVITE", SessionCase.ORIGINATING_REGISTERED, SOME_HEADER)));
        assertFalse(cnf.matches(request("MESSAGE", SessionCase.ORIGINATING_REGISTERED, Map.of())));
        assertFalse(cnf.matches(request("INVITE", SessionCase.TERMINATING_REGISTERED, SOME_HEADER)));
    }

    // ---- priority order and resume ----

    @Test
    void matchingIsInAscendingPriorityWhateverTheInputOrder() {
        IfcEvaluator evaluator = new IfcEvaluator(List.of(unconditional(30), unconditional(5), unconditional(20)));
        assertEquals(List.of(5, 20, 30), priorities(evaluator.matching(IfcRequest.of("INVITE", "sip:b@x",
                SessionCase.ORIGINATING_REGISTERED, true))));
        assertEquals(List.of(5, 20, 30), priorities(evaluator.initialFilterCriteria()));
    }

    @Test
    void missingTriggerPointMatchesEveryRequest() {
        InitialFilterCriteria always = unconditional(0);
        for (SessionCase sessionCase : SessionCase.values()) {
            assertTrue(always.matches(IfcRequest.of("OPTIONS", "sip:any@x", sessionCase, false)));
            assertTrue(always.matches(IfcRequest.of("REGISTER", "sip:x", sessionCase, true)));
        }
    }

    @Test
    void nextMatchingResumesStrictlyAfterThePriorityAlreadyExecuted() {
        TriggerPoint invite = new TriggerPoint(true, List.of(spt(0, new MethodCondition("INVITE"))));
        TriggerPoint message = new TriggerPoint(true, List.of(spt(0, new MethodCondition("MESSAGE"))));
        IfcEvaluator evaluator = new IfcEvaluator(List.of(
                ifc(40, invite, "sip:as40.example.org"),
                ifc(10, invite, "sip:as10.example.org"),
                ifc(25, message, "sip:as25.example.org"),
                ifc(20, invite, "sip:as20.example.org")));
        IfcRequest inv = IfcRequest.of("INVITE", "sip:b@x", SessionCase.ORIGINATING_REGISTERED, true);

        assertEquals(List.of(10, 20, 40), priorities(evaluator.matching(inv)));
        assertEquals(Optional.of(10), evaluator.firstMatching(inv).map(InitialFilterCriteria::priority));
        assertEquals(Optional.of(10), evaluator.nextMatching(inv, -1).map(InitialFilterCriteria::priority));
        assertEquals(Optional.of(20), evaluator.nextMatching(inv, 10).map(InitialFilterCriteria::priority));
        // 25 does not match an INVITE, so the chain goes on at 40
        assertEquals(Optional.of(40), evaluator.nextMatching(inv, 20).map(InitialFilterCriteria::priority));
        assertEquals(Optional.of(40), evaluator.nextMatching(inv, 39).map(InitialFilterCriteria::priority));
        assertEquals(Optional.empty(), evaluator.nextMatching(inv, 40));

        // The request returned by the AS is what is evaluated: if it became a MESSAGE, 25 applies next.
        IfcRequest changedByAs = IfcRequest.of("MESSAGE", "sip:b@x", SessionCase.ORIGINATING_REGISTERED, true);
        assertEquals(Optional.of(25), evaluator.nextMatching(changedByAs, 10).map(InitialFilterCriteria::priority));
    }

    @Test
    void profilePartIndicatorSelectsByRegistrationState() {
        ApplicationServer as = new ApplicationServer("sip:as.example.org", DefaultHandling.SESSION_CONTINUED);
        IfcEvaluator evaluator = new IfcEvaluator(List.of(
                new InitialFilterCriteria(1, null, as, ProfilePartIndicator.REGISTERED),
                new InitialFilterCriteria(2, null, as, ProfilePartIndicator.UNREGISTERED),
                new InitialFilterCriteria(3, null, as, null)));
        IfcRequest registered = IfcRequest.of("INVITE", "sip:b@x", SessionCase.TERMINATING_REGISTERED, true);
        IfcRequest unregistered = IfcRequest.of("INVITE", "sip:b@x", SessionCase.TERMINATING_UNREGISTERED, false);
        assertEquals(List.of(1, 3), priorities(evaluator.matching(registered)));
        assertEquals(List.of(2, 3), priorities(evaluator.matching(unregistered)));
    }

    @Test
    void duplicatePrioritiesAreRejected() {
        InvalidIfcException e = assertThrows(InvalidIfcException.class,
                () -> new IfcEvaluator(List.of(unconditional(7), unconditional(3), unconditional(7))));
        assertTrue(e.getMessage().contains("Priority 7"), e.getMessage());
    }

    @Test
    void evaluatorOfAServiceProfile() {
        ServiceProfile profile = new ServiceProfile(List.of(new PublicIdentity("sip:alice@example.org")), null,
                List.of(unconditional(2), unconditional(1)));
        assertEquals(List.of(1, 2), priorities(IfcEvaluator.of(profile).matching(
                IfcRequest.of("INVITE", "sip:b@x", SessionCase.ORIGINATING_REGISTERED, true))));
    }
}
