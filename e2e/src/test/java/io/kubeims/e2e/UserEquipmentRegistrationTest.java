package io.kubeims.e2e;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.api.v1alpha1.subscriber.RegistrationState;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.ue.UeCredentials;
import io.kubeims.cscf.ue.UeSettings;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.cscf.ue.UserEquipment.Answering;
import io.kubeims.hssclient.AkaCredentials;
import io.kubeims.hssclient.DigestCredentials;
import io.kubeims.hssclient.HssSubscriber;
import io.kubeims.local.LocalCore;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.digest.DigestChallenge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Java UE (cscf-image's test UE: its own USIM and digest code) through the P-CSCF of a whole local core: every
 * flow succeeds every time (no SIPp bug to allow for), and the negative cases of TS 24.229 5.4.1 / TS 33.203 hold
 * end to end: wrong passwords (401s, then 403), a replayed answer, empty credentials, a nonce the core never issued
 * (stale=true) and a USIM ahead of the HSS (resynchronisation, TS 33.102 6.3.5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserEquipmentRegistrationTest {

    private static final String DOMAIN = "ims.example.com";
    private static final String HOST = "127.0.0.1";

    @TempDir
    static Path temp;

    private LocalCore core;
    private ExampleCredentials credentials;
    private final List<UserEquipment> ues = new ArrayList<>();

    @BeforeAll
    void startTheCore() throws Exception {
        credentials = ExampleCredentials.read(E2eCore.examples());
        core = E2eCore.start(temp.resolve("core"), E2eCore.TEST_JVM_OPTIONS);
    }

    @AfterAll
    void stopTheCore() {
        if (core != null) {
            core.close();
        }
    }

    @AfterEach
    void closeTheUes() {
        ues.forEach(UserEquipment::close);
        ues.clear();
    }

    // ---- every flow, every time ----

    @Test
    void md5RegistrationReRegistrationQueryAndDeregistration() throws Exception {
        String impi = "carol@" + DOMAIN;
        UserEquipment carol = ue("carol", impi, new UeCredentials.Password(credentials.password(impi)), NextHop.UDP);
        assertFlows(carol, impi);
    }

    @Test
    void akaRegistrationReRegistrationQueryAndDeregistrationWithOpOverTcp() throws Exception {
        String impi = "alice@" + DOMAIN;
        AkaCredentials aka = credentials.aka(impi);
        UserEquipment alice = ue("alice", impi, new UeCredentials.Aka(SubscriberKeys.fromOpHex(aka.k(), aka.op()),
                HexFormat.of().parseHex(aka.amf())), NextHop.TCP);
        assertFlows(alice, impi);
    }

    @Test
    void akaRegistrationWithOpcRepeatedSucceedsEveryTime() throws Exception {
        String impi = "bob@" + DOMAIN;
        UserEquipment bob = bob();
        for (int round = 0; round < 10; round++) {
            Response ok = bob.register();
            assertEquals(Response.OK, ok.getStatusCode(), "round " + round + ": " + ok);
            assertEquals(Response.OK, bob.deregister().getStatusCode(), "round " + round);
        }
        assertEquals(RegistrationState.NOT_REGISTERED, state(impi));
    }

    /** Registration, refresh, query (RFC 3665 2.3) and removal (2.4), each answered 200 with the right bindings. */
    private void assertFlows(UserEquipment ue, String impi) throws Exception {
        Response registered = ue.register();
        assertEquals(Response.OK, registered.getStatusCode(), registered::toString);
        assertEquals(List.of(ue.contactUri()), contacts(registered));
        assertTrue(registered.getHeader("Service-Route") != null, registered::toString);
        assertEquals(RegistrationState.REGISTERED, state(impi));

        Response refreshed = ue.register(1200);
        assertEquals(Response.OK, refreshed.getStatusCode(), refreshed::toString);
        ContactHeader refreshedContact = (ContactHeader) refreshed.getHeader(ContactHeader.NAME);
        assertTrue(refreshedContact.getExpires() > 600, "the refresh's expiry: " + refreshed);

        Response queried = ue.query();
        assertEquals(Response.OK, queried.getStatusCode(), queried::toString);
        assertEquals(List.of(ue.contactUri()), contacts(queried), "the query lists the binding");

        Response removed = ue.deregister();
        assertEquals(Response.OK, removed.getStatusCode(), removed::toString);
        assertEquals(List.of(), contacts(removed), "no binding left");
        assertEquals(RegistrationState.NOT_REGISTERED, state(impi));
    }

    @Test
    void aUsimAheadOfTheHssResynchronisesAndRegisters() throws Exception {
        UserEquipment bob = bob();
        bob.advanceSqn(1_000_000);
        Request first = bob.newRegister(600);
        bob.authorizeInitially(first);
        Response challenged = bob.send(first);
        assertEquals(Response.UNAUTHORIZED, challenged.getStatusCode(), challenged::toString);
        DigestChallenge stale = UserEquipment.challengeOf(challenged);
        Request report = bob.newRegister(600);
        assertTrue(bob.authorize(report, stale, Answering.CORRECTLY), "the USIM refuses the HSS's SQN");
        assertInstanceOf(UsimResult.SynchronisationFailure.class, bob.usimResult(stale.nonce()).orElseThrow());
        Response resynchronised = bob.send(report);
        assertEquals(Response.UNAUTHORIZED, resynchronised.getStatusCode(), resynchronised::toString);
        DigestChallenge fresh = UserEquipment.challengeOf(resynchronised);
        assertNotEquals(stale.nonce(), fresh.nonce());
        Request answer = bob.newRegister(600);
        assertFalse(bob.authorize(answer, fresh, Answering.CORRECTLY), "the HSS's new SQN is fresh");
        Response ok = bob.send(answer);
        assertEquals(Response.OK, ok.getStatusCode(), ok::toString);
        assertEquals(Response.OK, bob.deregister().getStatusCode());
    }

    // ---- negatives ----

    @Test
    void wrongPasswordsAreChallengedAgainThenForbidden() throws Exception {
        UserEquipment dave = provisionedDigestUe("dave");
        Request first = dave.newRegister(600);
        dave.authorizeInitially(first);
        DigestChallenge challenge = UserEquipment.challengeOf(dave.send(first));
        for (int attempt = 1; attempt < 3; attempt++) {
            Request wrong = dave.newRegister(600);
            dave.authorize(wrong, challenge, Answering.WRONG_SECRET);
            Response again = dave.send(wrong);
            assertEquals(Response.UNAUTHORIZED, again.getStatusCode(), "attempt " + attempt + ": " + again);
            challenge = UserEquipment.challengeOf(again);
        }
        Request last = dave.newRegister(600);
        dave.authorize(last, challenge, Answering.WRONG_SECRET);
        Response refused = dave.send(last);
        assertEquals(Response.FORBIDDEN, refused.getStatusCode(), refused::toString);
        assertEquals(RegistrationState.NOT_REGISTERED, state("dave@" + DOMAIN));
        assertEquals(Response.OK, dave.register().getStatusCode(), "the right password still registers");
    }

    @Test
    void aReplayedAnswerFromAnotherFlowIsNeverAccepted() throws Exception {
        // seed 000, steps 5-6: the old nonce, response and opaque sent again. From the flow the P-CSCF bound, the
        // core accepts any REGISTER of that binding without looking at the credentials (ip-assoc-yes, TS 24.229
        // 5.4.1.2.2); from any other flow the replay is what it is: challenged again, never 200.
        UserEquipment erin = provisionedDigestUe("erin");
        assertEquals(Response.OK, erin.register().getStatusCode());
        String accepted = erin.lastAuthorization();
        UserEquipment replayer = ue("erin2", "erin@" + DOMAIN, new UeCredentials.Password("not-erins"),
                NextHop.UDP);
        Request replay = replayer.newRegister(600);
        replayer.withAuthorization(replay, accepted);
        Response response = replayer.send(replay);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), response::toString);
        assertFalse(UserEquipment.challengeOf(response).stale());
        // nor as a contact query (which names no binding of its own)
        Request sameContact = replayer.newQuery();
        replayer.withAuthorization(sameContact, accepted);
        assertEquals(Response.UNAUTHORIZED, replayer.send(sameContact).getStatusCode());
    }

    @Test
    void emptyCredentialsAreNeverAnswered200() throws Exception {
        // seed 000, steps 13-16: a REGISTER with empty auth values got a 200 OK from that core
        UserEquipment frank = provisionedDigestUe("frank");
        Request unregistered = frank.newRegister(600);
        frank.authorizeInitially(unregistered);
        assertEquals(Response.UNAUTHORIZED, frank.send(unregistered).getStatusCode(), "not registered yet");
        assertEquals(Response.OK, frank.register().getStatusCode());

        // registered now, but from another flow: nothing vouches for it, whatever the UE claims
        UserEquipment elsewhere = ue("frank2", "frank@" + DOMAIN, new UeCredentials.Password("frank-password-1"),
                NextHop.UDP);
        Request empty = elsewhere.newRegister(600);
        elsewhere.authorizeInitially(empty);
        assertEquals(Response.UNAUTHORIZED, elsewhere.send(empty).getStatusCode());
        Request claimed = elsewhere.newRegister(600);
        elsewhere.authorizeInitially(claimed);
        elsewhere.markIntegrityProtected(claimed);
        assertEquals(Response.UNAUTHORIZED, elsewhere.send(claimed).getStatusCode(),
                "the P-CSCF replaces the UE's integrity-protected");
        Request noAuthorization = elsewhere.newRegister(600);
        assertEquals(Response.UNAUTHORIZED, elsewhere.send(noAuthorization).getStatusCode());
    }

    @Test
    void aNonceTheCoreNeverIssuedIsStale() throws Exception {
        UserEquipment grace = provisionedDigestUe("grace");
        DigestChallenge invented = new DigestChallenge(DOMAIN, Base64.getEncoder().encodeToString(new byte[16]),
                Optional.empty(), Optional.of("MD5"), List.of("auth"), false, Map.of());
        Request answer = grace.newRegister(600);
        grace.authorize(answer, invented, Answering.CORRECTLY);
        Response response = grace.send(answer);
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), response::toString);
        DigestChallenge fresh = UserEquipment.challengeOf(response);
        assertTrue(fresh.stale(), "stale=true (RFC 2617 3.2.1)");
        Request retry = grace.newRegister(600);
        grace.authorize(retry, fresh, Answering.CORRECTLY);
        assertEquals(Response.OK, grace.send(retry).getStatusCode(), "the fresh nonce is answered as usual");
    }

    // ---- helpers ----

    private UserEquipment bob() throws Exception {
        String impi = "bob@" + DOMAIN;
        AkaCredentials aka = credentials.aka(impi);
        return ue("bob", impi, new UeCredentials.Aka(SubscriberKeys.fromOpcHex(aka.k(), aka.opc()),
                HexFormat.of().parseHex(aka.amf())), NextHop.UDP);
    }

    /** A Digest subscriber of this test provisioned through the HSS API, and its UE. */
    private UserEquipment provisionedDigestUe(String user) throws Exception {
        String impi = user + "@" + DOMAIN;
        String password = user + "-password-1";
        core.hssClient().put(new HssSubscriber(impi, List.of(new PublicIdentitySpec("sip:" + impi)), false,
                new DigestCredentials(password), List.of()));
        return ue(user, impi, new UeCredentials.Password(password), NextHop.UDP);
    }

    private UserEquipment ue(String name, String impi, UeCredentials ueCredentials, String transport)
            throws Exception {
        UserEquipment ue = UserEquipment.start(UeSettings.of(name, HOST, impi, "sip:" + impi, DOMAIN, ueCredentials,
                new NextHop(HOST, core.pcscfAddress().getPort(), transport)));
        ues.add(ue);
        return ue;
    }

    private RegistrationState state(String impi) throws Exception {
        return core.hssClient().registration(impi).orElseThrow().state();
    }

    private static List<String> contacts(Response response) {
        List<String> uris = new ArrayList<>();
        response.getHeaders(ContactHeader.NAME).forEachRemaining(header -> uris.add(((ContactHeader) header)
                .getAddress().getURI().toString()));
        return uris;
    }
}
