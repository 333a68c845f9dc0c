package io.kubeims.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session scenarios against each other, SIPp to SIPp on loopback without a core: each caller's messages are
 * what its callee (or the SMSC AS) expects, and back, so a failure of {@link SippSessionTest} is the core's, not the
 * scenarios'. The caller sends straight to the callee's port where the core would put the P-CSCF.
 */
class SippSessionScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String OWN_VIA = "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]";

    @TempDir
    Path temp;

    private SippLoad sipp;

    @BeforeEach
    void requireSipp() {
        sipp = SippLoad.require();
    }

    @Test
    void callerAndCalleeCompleteTheRfc3665BasicCall() throws Exception {
        Pair pair = run(SessionScenarios.CALLEE_ANSWERS, Map.of(), SessionScenarios.CALLER, Map.of(),
                "sip:dave@ims.example.com", List.of());
        pair.assertBothSucceeded();
        assertEquals(List.of("1"), pair.caller().logged("ringing"), pair::describe);
        assertEquals(List.of("1"), pair.caller().logged("answered"), pair::describe);
        assertEquals(List.of("1"), pair.caller().logged("ended"), pair::describe);
        assertEquals(List.of("1 sip:dave@ims.example.com"), pair.callee().logged("invite"), pair::describe);
        // the Service-Route reached the next hop whole, loose-routing parameter included (RFC 3261 16.12)
        assertEquals(List.of("1 <sip:orig@127.0.0.1:" + pair.calleePort() + ";lr>"), pair.callee().logged("route"),
                pair::describe);
    }

    @Test
    void aBusyCalleesFinalResponseIsAcknowledged() throws Exception {
        Pair pair = run(SessionScenarios.CALLEE_BUSY, Map.of(), SessionScenarios.CALLER_REJECTED,
                Map.of(SessionScenarios.EXPECTED_STATUS, "486"), "sip:dave@ims.example.com", List.of());
        pair.assertBothSucceeded();
        assertEquals(List.of("1 486"), pair.caller().logged("rejected"), pair::describe);
    }

    @Test
    void aCancelledCalleeAnswers487WithEveryViaOfTheInvite() throws Exception {
        // two proxies' Via below the caller's, as the callee gets them through the core
        String proxies = OWN_VIA + "\nVia: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKproxy1\n"
                + "Via: SIP/2.0/UDP 192.0.2.8:5060;branch=z9hG4bKproxy2";
        Pair pair = run(SessionScenarios.CALLEE_RINGS, Map.of(), SessionScenarios.CALLER_CANCELS,
                Map.of(OWN_VIA, proxies), "sip:dave@ims.example.com", List.of());
        pair.assertBothSucceeded();
        assertEquals(List.of("1"), pair.caller().logged("cancelled"), pair::describe);
        assertEquals(List.of("1"), pair.callee().logged("cancelled"), pair::describe);
        String sent = Files.readString(pair.calleeMessages(), StandardCharsets.ISO_8859_1);
        String response = sent.substring(sent.indexOf("SIP/2.0 487 Request Terminated"));
        assertTrue(response.contains("\nVia: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKproxy1\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.8:5060;branch=z9hG4bKproxy2\r\n"), response);
        assertTrue(response.contains("CSeq: 1 INVITE\r\n"), response);
    }

    @Test
    void theSmscAcceptsAMessageAndReportsBackToItsSender() throws Exception {
        // the S-CSCF passes the served user on as P-Asserted-Identity (TS 24.229 5.4.3.3): here the UE adds it
        Pair pair = run(SessionScenarios.SMSC, Map.of(), SessionScenarios.SMS_UE,
                Map.of("P-Preferred-Identity:", "P-Asserted-Identity: <sip:ann@ims.example.com>\n"
                        + "P-Preferred-Identity:"), "sip:smsc@ims.example.com", List.of());
        pair.assertBothSucceeded();
        assertEquals(List.of("1 sip:ann@ims.example.com"), pair.callee().logged("received"), pair::describe);
        assertEquals(List.of("1 sip:ann@ims.example.com"), pair.callee().logged("reported"), pair::describe);
        assertEquals(List.of("1"), pair.caller().logged("submitted"), pair::describe);
        assertEquals(List.of("1 sip:ann@ims.example.com RP-ACK report 1"), pair.caller().logged("delivered"),
                pair::describe);
    }

    /** What one caller/callee pair gave. */
    private record Pair(SippLoad.Result caller, SippLoad.Result callee, int calleePort, Path calleeMessages) {

        void assertBothSucceeded() {
            assertEquals(0, caller.exitCode(), this::describe);
            assertEquals(0, callee.exitCode(), this::describe);
            assertEquals(1, caller.successful(), this::describe);
            assertEquals(1, callee.successful(), this::describe);
        }

        String describe() {
            return "caller: " + caller.describe() + "\nlog:\n" + caller.logs() + "\ncallee: " + callee.describe()
                    + "\nlog:\n" + callee.logs();
        }
    }

    /**
     * One call: the callee ({@code -s dave}) waits on a free port; the caller ({@code ann}) sends to it, with the
     * route {@code sip:orig@<callee>;lr}. For the SMSC, the report goes back to the caller's port.
     */
    private Pair run(String calleeScenario, Map<String, String> calleeChanges, String callerScenario,
            Map<String, String> callerChanges, String target, List<String> callerOptions) throws Exception {
        int calleePort = SippLoad.freeUdpPort();
        int callerPort = SippLoad.freeUdpPort();
        Path calleeWork = temp.resolve("callee");
        Path callerWork = temp.resolve("caller");
        Map<String, String> callee = new java.util.HashMap<>(calleeChanges);
        if (calleeScenario.equals(SessionScenarios.SMSC)) {
            callee.put(SessionScenarios.TERMINATING_HOST, "127.0.0.1");
            callee.put(SessionScenarios.TERMINATING_PORT, Integer.toString(callerPort));
        }
        Map<String, String> caller = new java.util.HashMap<>(callerChanges);
        caller.put(SessionScenarios.SERVICE_ROUTE, "sip:orig@127.0.0.1:" + calleePort + ";lr");
        Path calleeMessages = calleeWork.resolve("messages.log");
        SippLoad.Running waiting = sipp.start(calleeWork, SessionScenarios.write(calleeWork, calleeScenario, callee),
                null, calleePort, 1, 1, 1, List.of("-s", "dave", "-trace_msg", "-message_file",
                        calleeMessages.toString()), TIMEOUT).awaitListening();
        SippLoad.Result callerResult;
        try {
            Path calls = SessionScenarios.injection(callerWork, List.of(List.of("ann", target)));
            List<String> options = new java.util.ArrayList<>(List.of("-inf", calls.toString()));
            options.addAll(callerOptions);
            callerResult = sipp.start(callerWork, SessionScenarios.write(callerWork, callerScenario, caller),
                    new InetSocketAddress("127.0.0.1", calleePort), callerPort, 1, 1, 1, options, TIMEOUT).await();
        } catch (IOException | RuntimeException e) {
            waiting.kill();
            throw e;
        }
        return new Pair(callerResult, waiting.await(), calleePort, calleeMessages);
    }
}
