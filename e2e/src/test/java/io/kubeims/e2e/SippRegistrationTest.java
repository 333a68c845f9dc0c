package io.kubeims.e2e;

import io.kubeims.api.v1alpha1.subscriber.RegistrationState;
import io.kubeims.hssclient.AkaCredentials;
import io.kubeims.local.LocalCore;
import io.kubeims.protocol.aka.Milenage;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.digest.AkaNonce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIPp registers the example subscribers through the P-CSCF of a whole local core (P-, I-, S-CSCF, HSS on loopback):
 * registration, re-registration, contact query (RFC 3665 2.3) and de-registration (2.4) in one call, with MD5
 * digest (carol) and AKAv1-MD5 (alice, keyed with OP as SIPp takes it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippRegistrationTest {

    private static final String DOMAIN = "ims.example.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** AKA calls per run: enough that the SIPp 3.6.1 zero-byte bug (about 3 %) shows, few enough to stay quick. */
    private static final int AKA_CALLS = 60;

    @TempDir
    static Path temp;

    private LocalCore core;
    private ExampleCredentials credentials;

    @BeforeAll
    void startTheCore() throws Exception {
        SippLoad.require();   // no core without the tool: skipped (or failed under require-tools) at once
        credentials = ExampleCredentials.read(E2eCore.examples());
        core = E2eCore.start(temp.resolve("core"), E2eCore.TEST_JVM_OPTIONS);
    }

    @AfterAll
    void stopTheCore() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void md5RegistrationReRegistrationQueryAndDeregistration() throws Exception {
        String impi = "carol@" + DOMAIN;
        SippLoad.Result result = run("md5", "carol", impi, "[authentication username=" + impi + " password="
                + credentials.password(impi) + "]", 3);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(3, result.successful(), result::describe);
        assertEquals(List.of("1", "2", "3"), result.logged("removed"), result::describe);
        // every step passed through: the first REGISTER of each call was challenged, the rest as the core chose
        assertEquals(3, result.logged("registered").size(), result::describe);
        assertEquals(3, result.logged("queried").size(), result::describe);
        assertEquals(RegistrationState.NOT_REGISTERED, core.hssClient().registration(impi).orElseThrow().state(),
                "the last de-registration reached the HSS (SAR USER_DEREGISTRATION)");
    }

    /**
     * AKA through SIPp 3.6.1. The rule (STACK.md): SIPp computes a wrong response when RES contains a zero byte (it
     * treats RES as a C string; fixed in 3.7.0), which the core rightly refuses; such a call fails at the step that
     * was challenged. Each call answers one or two challenges (registration; the contact query too, when the core
     * challenges it), each lost with a chance of about 3 %. So: failed calls are at most 10 % of the challenges
     * answered, and every failed call's last challenge, decoded (RFC 3310: nonce = base64(RAND || AUTN ...)) and run
     * through alice's Milenage f2 (TS 35.206), gives a RES with a zero byte; any other failure is ours.
     */
    @Test
    void akaRegistrationsFailOnlyWhereSipp361MiscomputesARes() throws Exception {
        String impi = "alice@" + DOMAIN;
        AkaCredentials aka = credentials.aka(impi);
        SippLoad.Result result = run("aka", "alice", impi, "[authentication username=" + impi + " aka_K=0x"
                + aka.k() + " aka_OP=0x" + aka.op() + " aka_AMF=0x" + aka.amf() + "]", AKA_CALLS);
        assertFalse(result.timedOut(), result::describe);
        assertEquals(AKA_CALLS, result.successful() + result.failed(), result::describe);
        List<String> challenges = result.logged("challenge");
        assertTrue(result.failed() * 10 <= challenges.size(), () -> result.failed() + " failed calls of "
                + challenges.size() + " challenges\n" + result.describe());

        Map<String, String> lastChallenge = new HashMap<>();
        for (String line : challenges) {
            String[] callAndNonce = line.split(" ", 2);
            lastChallenge.put(callAndNonce[0], callAndNonce[1]);
        }
        List<String> removed = result.logged("removed");
        Milenage milenage = new Milenage(SubscriberKeys.fromOpHex(aka.k(), aka.op()));
        List<String> failed = new ArrayList<>();
        for (int call = 1; call <= AKA_CALLS; call++) {
            String number = Integer.toString(call);
            if (removed.contains(number)) {
                continue;
            }
            failed.add(number);
            String nonce = lastChallenge.get(number);
            assertTrue(nonce != null, "call " + number + " failed before any challenge\n" + result.describe());
            byte[] res = milenage.f2(AkaNonce.decode(nonce).rand());
            assertTrue(hasZero(res), "call " + number + " failed though its RES has no zero byte\n"
                    + result.describe());
        }
        assertEquals(failed.size(), result.failed(), result::describe);
        System.out.println("[e2e] SIPp AKA: " + result.successful() + "/" + AKA_CALLS + " calls succeeded, "
                + challenges.size() + " challenges; failed calls " + failed + " all had a RES with a zero byte");
    }

    private static boolean hasZero(byte[] octets) {
        for (byte octet : octets) {
            if (octet == 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code calls} sequential calls of the flows scenario for one subscriber. */
    private SippLoad.Result run(String name, String user, String impi, String authentication, int calls)
            throws IOException, InterruptedException {
        Path work = temp.resolve(name);
        Files.createDirectories(work);
        Path scenario = scenario(work, "register-flows.xml", authentication);
        Path users = work.resolve("users.csv");
        Files.writeString(users, "SEQUENTIAL\n" + user + ";" + impi + ";\n", StandardCharsets.ISO_8859_1);
        return SippLoad.require().run(work, scenario, core.pcscfAddress(), calls, 1, 50,
                List.of("-inf", users.toString(), "-auth_uri", DOMAIN), TIMEOUT);
    }

    /** A scenario of the test resources, its {@code [authentication]} line replaced, written to {@code work}. */
    static Path scenario(Path work, String resource, String authentication) throws IOException {
        String text;
        try (InputStream in = SippRegistrationTest.class.getResourceAsStream("/sipp/" + resource)) {
            if (in == null) {
                throw new IOException("/sipp/" + resource + " is not on the test class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Path scenario = work.resolve(resource);
        Files.writeString(scenario, text.replace("[authentication]", authentication), StandardCharsets.ISO_8859_1);
        return scenario;
    }
}
