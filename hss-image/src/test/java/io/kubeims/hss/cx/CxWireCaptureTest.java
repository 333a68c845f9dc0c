package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.WAIT;
import static io.kubeims.hss.cx.HssTestBed.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.notify.DeregistrationOutcome;
import io.kubeims.hss.notify.ProfileUpdateOutcome;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HSS's Cx traffic on the wire, judged by an independent decoder: Wireshark's Diameter dissector (tshark)
 * decodes a captured UAR, MAR, SAR, LIR, PPR, RTR and error answers without a malformed packet or an expert error.
 */
class CxWireCaptureTest {

    /** Cx command codes, TS 29.229 6.1: UAR/UAA 300 .. PPR/PPA 305. */
    private static final Set<Integer> CX_COMMANDS = Set.of(300, 301, 302, 303, 304, 305);

    @Test
    void wiresharkDecodesEveryCxCommandCleanly() throws Exception {
        Path tshark = TsharkCapture.require();
        Path directory = Files.createTempDirectory("hss-capture-");
        HssCoreSettings settings = HssTestBed.coreSettings("hss.ims.example.com",
                new HssStorageSettings.Embedded(directory.resolve("data")));
        int port = settings.diameter().port();
        try (TsharkCapture capture = TsharkCapture.start(tshark, directory, port)) {
            try (HssCore core = HssCore.start(settings);
                 CxNode icscf = HssTestBed.icscf("icscf.ims.example.com", core);
                 CxNode scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, core, new RecordingScscfHandler())) {
                exchange(core, icscf, scscf);
            }
            awaitAllCommands(capture);
            String fields = capture.decode("-Y", "diameter", "-T", "fields", "-e", "diameter.cmd.code",
                    "-e", "diameter.flags.request", "-e", "diameter.Result-Code",
                    "-e", "diameter.Experimental-Result-Code");
            Set<String> requests = new TreeSet<>();
            Set<String> answers = new TreeSet<>();
            Set<String> results = new TreeSet<>();
            for (String line : fields.split("\n")) {
                String[] columns = line.split("\t", -1);
                if (columns.length < 4 || columns[0].isBlank()) {
                    continue;
                }
                for (String code : columns[0].split(",")) {
                    ("1".equals(columns[1]) || "True".equalsIgnoreCase(columns[1]) ? requests : answers).add(code);
                }
                results.add(columns[2] + "/" + columns[3]);
            }
            for (int command : CX_COMMANDS) {
                assertTrue(requests.contains(String.valueOf(command)), "request " + command + " seen: " + requests);
                assertTrue(answers.contains(String.valueOf(command)), "answer " + command + " seen: " + answers);
            }
            assertTrue(results.contains("/5001"), "Experimental-Result 5001 seen: " + results);
            assertTrue(results.contains("5004/"), "Result-Code 5004 seen: " + results);

            String problems = capture.decode("-Y", "_ws.malformed || _ws.expert.severity >= 0x00800000");
            assertEquals("", problems.strip(), "malformed packets or expert errors");
            String expert = capture.decode("-q", "-z", "expert,error");
            System.out.println("tshark expert summary (errors):\n" + expert);
            assertTrue(!expert.contains("Errors ("), "expert errors: " + expert);
            String verbose = capture.decode("-Y", "diameter", "-V");
            assertTrue(verbose.contains("Multimedia-Auth"), "dissector names the commands");
        } finally {
            if (System.getProperty("kubeims.keep-capture") != null) {
                System.out.println("capture kept in " + directory);
            } else {
                HssTestBed.deleteTree(directory);
            }
        }
    }

    /** One of each Cx command, a 5001 Experimental-Result and a 5004 Result-Code with Failed-AVP. */
    private static void exchange(HssCore core, CxNode icscf, CxNode scscf) throws Exception {
        Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("wire"));
        core.storage().subscribers().put(s);
        String impi = s.privateIdentity();
        String impu = s.defaultPublicIdentity().identity();
        assertTrue(call(icscf, new UserAuthorizationRequest(impi, impu, HssTestBed.REALM)).result()
                .is(CxExperimentalResultCode.FIRST_REGISTRATION));
        assertTrue(call(icscf, new UserAuthorizationRequest(impi, "sip:ghost@ims.example.com", HssTestBed.REALM))
                .result().is(CxExperimentalResultCode.USER_UNKNOWN));
        assertTrue(call(scscf, new MultimediaAuthRequest(impi, impu, SCSCF_POOL, 2,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))).result()
                .is(DiameterResultCode.SUCCESS));
        assertTrue(call(scscf, new MultimediaAuthRequest(impi, impu, SCSCF_POOL, 1,
                SipAuthDataItem.resynchronisation(new byte[30]))).result().is(DiameterResultCode.INVALID_AVP_VALUE));
        assertTrue(call(scscf, new ServerAssignmentRequest(impi, java.util.List.of(impu), SCSCF_POOL,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).result()
                .is(DiameterResultCode.SUCCESS));
        assertTrue(call(icscf, new LocationInfoRequest(impu)).result().is(DiameterResultCode.SUCCESS));
        assertInstanceOf(ProfileUpdateOutcome.Pushed.class,
                core.notifier().profileChanged(s).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(DeregistrationOutcome.Deregistered.class, core.notifier()
                .deregister(impi, ReasonCode.PERMANENT_TERMINATION, "test").get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /** The capture file is written asynchronously: wait, bounded, until every command code is in it. */
    private static void awaitAllCommands(TsharkCapture capture) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            if (Files.exists(capture.file())) {
                seen = capture.decode("-Y", "diameter", "-T", "fields", "-e", "diameter.cmd.code");
                boolean all = true;
                for (int command : CX_COMMANDS) {
                    all &= seen.lines().anyMatch(line -> line.strip().equals(String.valueOf(command)));
                }
                if (all) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not every Cx command reached the capture: " + seen);
    }
}
