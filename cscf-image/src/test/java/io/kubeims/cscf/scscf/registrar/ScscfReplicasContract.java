package io.kubeims.cscf.scscf.registrar;

import static io.kubeims.cscf.scscf.registrar.ScscfRegistrarTest.contact;
import static io.kubeims.cscf.scscf.registrar.ScscfRegistrarTest.contacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RawSipSocket;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.cscf.store.ChallengeResponse;
import io.kubeims.cscf.store.NonceUse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stateless replicas (DESIGN.md section 2): two S-CSCF registrars, each its own SIP node, Cx client and store client,
 * sharing one store. The 401 of one is answered at the other; a binding written by one is served, refreshed and
 * removed by the other; an answer accepted by one is a replay at the other, and a retransmission of it that reaches
 * the other is answered as before; an expiry is acted on once. Run against each storage backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScscfReplicasContract {

    protected ScscfTestbed testbed;

    /** How each replica opens the shared store (null: one embedded container); may start a server first. */
    protected abstract ScscfTestbed.StorageOpener storage() throws Exception;

    /** Stops what {@link #storage()} started. */
    protected void stopStorage() {
    }

    @BeforeAll
    void start() throws Exception {
        testbed = ScscfTestbed.start(2, settings -> settings, storage());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (testbed != null) {
                testbed.close();
            }
        } finally {
            stopStorage();
        }
    }

    private NextHop a() {
        return testbed.replica(0).hop(NextHop.UDP);
    }

    private NextHop b() {
        return testbed.replica(1).hop(NextHop.UDP);
    }

    @Test
    void theChallengeOfOneReplicaIsAnsweredAtTheOther() throws Exception {
        ScscfTestbed.Provisioned alice = testbed.provisionAka("alice");
        UserEquipment ue = testbed.ue(alice);
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        Response challenge = ue.send(initial, a());
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        Request answer = ue.newRegister(600);
        ue.authorize(answer, UserEquipment.challengeOf(challenge), UserEquipment.Answering.CORRECTLY);
        Response ok = ue.send(answer, b());
        assertEquals(Response.OK, ok.getStatusCode(), ok.getReasonPhrase());
        assertEquals(600, contact(ok, ue.contactUri()).orElseThrow().getExpires());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(alice.impi()).state());
        assertTrue(testbed.replica(0).storage().registrations().get(alice.impi()).isPresent(),
                "B's write is A's state");
    }

    @Test
    void aBindingWrittenByOneReplicaIsServedRefreshedAndRemovedByTheOther() throws Exception {
        ScscfTestbed.Provisioned bob = testbed.provisionDigest("bob");
        UserEquipment atA = testbed.ue(bob);
        assertEquals(Response.OK, atA.register(600).getStatusCode());
        UserEquipment atB = testbed.ue(testbed.settings(bob, 1, NextHop.UDP).withPath(ScscfTestbed.PCSCF_PATH));
        Response listed = atB.query();
        assertEquals(Response.OK, listed.getStatusCode());
        assertEquals(List.of(atA.contactUri()), contacts(listed).stream()
                .map(c -> c.getAddress().getURI().toString()).toList());

        Response both = atB.register(900);
        assertEquals(2, contacts(both).size(), "B added its own binding to A's");
        Response removed = atB.deregisterAll();
        assertEquals(Response.OK, removed.getStatusCode());
        assertTrue(contacts(removed).isEmpty());
        Response none = atA.query();
        assertTrue(contacts(none).isEmpty(), "A sees B's removal");
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(bob.impi()).state());
    }

    @Test
    void anAnswerAcceptedByOneReplicaIsAReplayAtTheOther() throws Exception {
        ScscfTestbed.Provisioned carol = testbed.provisionDigest("carol");
        UserEquipment ue = testbed.ue(carol);
        assertEquals(Response.OK, ue.register().getStatusCode());
        Request replay = ue.newRegister(600);
        ue.withAuthorization(replay, ue.lastAuthorization());
        Response response = ue.send(replay, b());
        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
    }

    @Test
    void aRetransmissionReachingTheOtherReplicaIsAnsweredAsBeforeWithoutAChange() throws Exception {
        ScscfTestbed.Provisioned dave = testbed.provisionAka("dave");
        UserEquipment ue = testbed.ue(dave);
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        DigestChallenge challenge = UserEquipment.challengeOf(ue.send(initial, a()));
        Request answer = ue.newRegister(600);
        ue.authorize(answer, challenge, UserEquipment.Answering.CORRECTLY);
        assertEquals(Response.OK, ue.send(answer, a()).getStatusCode());
        double before = testbed.registers(RegisterOutcome.RETRANSMISSION);

        // the same REGISTER, same Via branch, as a UDP retransmission that a load balancer sent to B
        ViaHeader via = (ViaHeader) answer.getHeader(ViaHeader.NAME);
        String sentBy = via.getHost() + ":" + via.getPort();
        String viaLine = via.toString().trim();
        String copy = answer.toString().replace(viaLine, viaLine.replace(sentBy, ScscfTestbed.HOST + ":%PORT%"));
        try (RawSipSocket socket = RawSipSocket.udp(testbed.replica(1).node().port())) {
            socket.send(copy);
            String response = socket.receiveContaining("SIP/2.0 200");
            assertTrue(response.contains(ue.contactUri()), response);
        }
        assertEquals(before + 1, testbed.registers(RegisterOutcome.RETRANSMISSION));
        assertEquals(1, testbed.awaitChanges(dave.impi(), 1).size());
    }

    @Test
    void aRetransmissionOfAnAnswerAcceptedButNeverAppliedIsAppliedByTheOtherReplica() throws Exception {
        ScscfTestbed.Provisioned frank = testbed.provisionDigest("frank");
        UserEquipment ue = testbed.ue(frank);
        Request initial = ue.newRegister(600);
        ue.authorizeInitially(initial);
        DigestChallenge challenge = UserEquipment.challengeOf(ue.send(initial, a()));
        Request answer = ue.newRegister(600);
        ue.authorize(answer, challenge, UserEquipment.Answering.CORRECTLY);
        String branch = "z9hG4bK-lost-" + java.util.UUID.randomUUID();
        answer.addHeader(testbed.replica(0).node().headers().createViaHeader(ScscfTestbed.HOST, 5060, "UDP",
                branch));
        // A verified this answer (its nonce count is spent in the shared store) and died before its SAR and commit
        DigestCredentials credentials = DigestCredentials.parse(ue.lastAuthorization());
        assertEquals(NonceUse.Outcome.FIRST_USE, testbed.replica(0).storage().challenges().consume(challenge.nonce(),
                new ChallengeResponse(credentials.nonceCount().getAsLong(), credentials.response(), branch))
                .outcome());
        assertTrue(testbed.stored(frank.impi()).isEmpty(), "nothing committed before the retransmission");

        // the retransmission (same Via branch) that the load balancer now sends to B
        ViaHeader via = (ViaHeader) answer.getHeader(ViaHeader.NAME);
        String viaLine = via.toString().trim();
        String copy = answer.toString().replace(viaLine, viaLine.replace(ScscfTestbed.HOST + ":5060",
                ScscfTestbed.HOST + ":%PORT%"));
        try (RawSipSocket socket = RawSipSocket.udp(testbed.replica(1).node().port())) {
            socket.send(copy);
            String response = socket.receiveContaining("SIP/2.0 200");
            assertTrue(response.contains(ue.contactUri()), "the 200 lists the binding: " + response);
        }
        assertEquals(List.of(ue.contactUri()), testbed.stored(frank.impi()).orElseThrow().contacts().stream()
                .map(io.kubeims.cscf.store.Contact::uri).toList());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(frank.impi()).state());
    }

    @Test
    void anExpiryIsActedOnOnceByTwoReplicas() throws Exception {
        ScscfTestbed.Provisioned erin = testbed.provisionDigest("erin");
        UserEquipment ue = testbed.ue(erin);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(601));
        var first = testbed.replica(0).expiry().sweep();
        var second = testbed.replica(1).expiry().sweep();
        long expired = java.util.stream.Stream.concat(first.get(30, TimeUnit.SECONDS).stream(),
                second.get(30, TimeUnit.SECONDS).stream()).filter(change -> change.impi().equals(erin.impi()))
                .count();
        assertEquals(1, expired);
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(erin.impi()).state());
    }
}
