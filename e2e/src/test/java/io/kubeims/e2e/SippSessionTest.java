package io.kubeims.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions through a whole local core with SIPp UEs (issue 5): ann and ben register (MD5) through the P-CSCF, then
 * call each other as in RFC 3665 3.1 (P -> S -> I -> S -> P), a busy callee (486), a cancelled call (487), calls to
 * users who are not registered (voicemail AS, or 480), SMS over IP to the SMSC AS and its report back, and a tel: URI
 * resolved by ENUM against BIND. Expected Request-URIs and identities follow the routing contract of the session roles
 * (TS 24.229: the callee's contact as Request-URI, P-Asserted-Identity the caller's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippSessionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ANN = "ann";
    private static final String BEN = "ben";

    @TempDir
    static Path temp;

    private SippLoad sipp;
    private SessionCore session;
    private int annPort;
    private int benPort;
    private String serviceRoute;
    private int run;

    @BeforeAll
    void startTheCoreAndRegister() throws Exception {
        sipp = SippLoad.require();   // no core without the tools: skipped (or failed under require-tools) at once
        session = SessionCore.start(temp.resolve("session"), E2eCore.TEST_JVM_OPTIONS);
        annPort = SippLoad.freeUdpPort();
        benPort = SippLoad.freeUdpPort();
        Map<String, String> ann = session.register(sipp, temp.resolve("register-ann"), annPort, List.of(ANN), 1);
        Map<String, String> ben = session.register(sipp, temp.resolve("register-ben"), benPort, List.of(BEN), 1);
        serviceRoute = ann.get(ANN);
        assertEquals(serviceRoute, ben.get(BEN), "one S-CSCF pool, one Service-Route");
    }

    @AfterAll
    void stopTheCore() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void annCallsBenAsInRfc3665BasicCall() throws Exception {
        basicCall(ANN, annPort, BEN, benPort);
    }

    @Test
    void benCallsAnnAsInRfc3665BasicCall() throws Exception {
        basicCall(BEN, benPort, ANN, annPort);
    }

    private void basicCall(String caller, int callerPort, String callee, int calleePort) throws Exception {
        Call call = call(SessionScenarios.CALLEE_ANSWERS, callee, calleePort, Map.of(), SessionScenarios.CALLER,
                caller, callerPort, "sip:" + callee + "@" + SessionCore.DOMAIN, Map.of());
        call.assertBothSucceeded();
        assertEquals(List.of("1"), call.caller().logged("ended"), call::describe);
        // the terminating S-CSCF retargets to the registered contact, the P-CSCF delivers over the flow and consumes
        // its own Path entry (TS 24.229 5.4.3.3, 5.2.6.4): no Route left
        assertEquals(List.of("1 sip:" + callee + "@127.0.0.1:" + calleePort), call.callee().logged("invite"),
                call::describe);
        assertEquals(List.of("1 <sip:" + caller + "@" + SessionCore.DOMAIN + ">"), call.callee().logged("pai"),
                call::describe);
        assertEquals(List.of("1"), call.callee().logged("route"), call::describe);
        // in-dialog requests come back through the core: the 200 carried the route set (ACK and BYE used it)
        assertTrue(call.caller().logged("record-route").get(0).startsWith("1 <sip:"), call::describe);
    }

    @Test
    void aCallToABusyCalleeEndsWith486() throws Exception {
        Call call = call(SessionScenarios.CALLEE_BUSY, BEN, benPort, Map.of(), SessionScenarios.CALLER_REJECTED, ANN,
                annPort, "sip:ben@" + SessionCore.DOMAIN, Map.of(SessionScenarios.EXPECTED_STATUS, "486"));
        call.assertBothSucceeded();
        assertEquals(List.of("1 486"), call.caller().logged("rejected"), call::describe);
    }

    @Test
    void aCallCancelledBeforeTheAnswerEndsWith487() throws Exception {
        Call call = call(SessionScenarios.CALLEE_RINGS, BEN, benPort, Map.of(), SessionScenarios.CALLER_CANCELS, ANN,
                annPort, "sip:ben@" + SessionCore.DOMAIN, Map.of());
        call.assertBothSucceeded();
        assertEquals(List.of("1"), call.caller().logged("cancelled"), call::describe);
        assertEquals(List.of("1"), call.callee().logged("cancelled"), call::describe);
    }

    @Test
    void aCallToAnUnregisteredUserReachesTheVoicemailAs() throws Exception {
        // cid is not registered; his profile's iFC (INVITE, session case 2 TerminatingUnregistered) names the
        // voicemail AS, which answers; the AS sees the Request-URI the caller dialled
        Call call = call(SessionScenarios.CALLEE_ANSWERS, "voicemail", session.voicemailPort(), Map.of(),
                SessionScenarios.CALLER, ANN, annPort, "sip:cid@" + SessionCore.DOMAIN, Map.of());
        call.assertBothSucceeded();
        assertEquals(List.of("1 sip:cid@" + SessionCore.DOMAIN), call.callee().logged("invite"), call::describe);
        assertEquals(List.of("1"), call.caller().logged("ended"), call::describe);
    }

    @Test
    void aCallToAnUnregisteredUserWithoutServicesEndsWith480() throws Exception {
        Path work = work("dan");
        SippLoad.Result caller = caller(work, SessionScenarios.CALLER_REJECTED, ANN, annPort,
                "sip:dan@" + SessionCore.DOMAIN, Map.of(SessionScenarios.EXPECTED_STATUS, "480"));
        assertEquals(0, caller.exitCode(), caller::describe);
        assertEquals(List.of("1 480"), caller.logged("rejected"), caller::describe);
    }

    @Test
    void aMessageReachesTheSmscAndItsReportReachesTheUe() throws Exception {
        Call call = call(SessionScenarios.SMSC, "smsc", session.smscPort(),
                Map.of(SessionScenarios.TERMINATING_HOST, "127.0.0.1",
                        SessionScenarios.TERMINATING_PORT, Integer.toString(session.icscfPort())),
                SessionScenarios.SMS_UE, ANN, annPort, "sip:smsc@" + SessionCore.DOMAIN, Map.of());
        call.assertBothSucceeded();
        assertEquals(List.of("1 sip:ann@" + SessionCore.DOMAIN), call.callee().logged("received"), call::describe);
        assertEquals(List.of("1 sip:ann@" + SessionCore.DOMAIN), call.callee().logged("reported"), call::describe);
        assertEquals(List.of("1 sip:ann@127.0.0.1:" + annPort + " RP-ACK report 1"), call.caller().logged("delivered"),
                call::describe);
    }

    @Test
    void aTelUriIsResolvedByEnumToTheCallee() throws Exception {
        // +12025550102 -> NAPTR "!^.*$!sip:ben@ims.example.com!" (sessions/e164.arpa.zone) -> I-CSCF -> ben
        Call call = call(SessionScenarios.CALLEE_ANSWERS, BEN, benPort, Map.of(), SessionScenarios.CALLER, ANN,
                annPort, "tel:+12025550102", Map.of());
        call.assertBothSucceeded();
        assertEquals(List.of("1 sip:ben@127.0.0.1:" + benPort), call.callee().logged("invite"), call::describe);
    }

    /** What one caller/callee pair gave. */
    private record Call(SippLoad.Result caller, SippLoad.Result callee) {

        void assertBothSucceeded() {
            assertEquals(0, caller.exitCode(), this::describe);
            assertEquals(0, callee.exitCode(), this::describe);
        }

        String describe() {
            return "caller: " + caller.describe() + "\nlog:\n" + caller.logs() + "\ncallee: " + callee.describe()
                    + "\nlog:\n" + callee.logs();
        }
    }

    /** The callee (or AS) waits on its port, then the caller sends through the P-CSCF from the port it registered. */
    private Call call(String calleeScenario, String callee, int calleePort, Map<String, String> calleeChanges,
            String callerScenario, String caller, int callerPort, String target, Map<String, String> callerChanges)
            throws Exception {
        Path work = work(callee);
        Path calleeWork = work.resolve("callee");
        SippLoad.Running waiting = sipp.start(calleeWork,
                SessionScenarios.write(calleeWork, calleeScenario, calleeChanges), null, calleePort, 1, 1, 1,
                List.of("-s", callee, "-trace_msg", "-message_file", calleeWork.resolve("messages.log").toString()),
                TIMEOUT).awaitListening();
        SippLoad.Result callerResult;
        try {
            callerResult = caller(work, callerScenario, caller, callerPort, target, callerChanges);
        } catch (IOException | RuntimeException e) {
            waiting.kill();
            throw e;
        }
        if (callerResult.exitCode() != 0) {
            waiting.kill();   // the callee may wait for a request that never comes
        }
        return new Call(callerResult, waiting.await());
    }

    private SippLoad.Result caller(Path work, String scenario, String caller, int callerPort, String target,
            Map<String, String> changes) throws IOException, InterruptedException {
        Path callerWork = work.resolve("caller");
        Map<String, String> replacements = new HashMap<>(changes);
        replacements.put(SessionScenarios.SERVICE_ROUTE, serviceRoute);
        Path calls = SessionScenarios.injection(callerWork, List.of(List.of(caller, target)));
        List<String> options = new ArrayList<>(List.of("-inf", calls.toString(), "-trace_msg", "-message_file",
                callerWork.resolve("messages.log").toString()));
        return sipp.start(callerWork, SessionScenarios.write(callerWork, scenario, replacements), session.pcscf(),
                callerPort, 1, 1, 1, options, TIMEOUT).await();
    }

    private Path work(String name) {
        return temp.resolve(String.format("%02d-%s", ++run, name));
    }
}
