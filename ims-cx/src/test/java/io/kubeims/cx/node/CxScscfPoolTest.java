package io.kubeims.cx.node;

import static io.kubeims.cx.node.CxTestNodes.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.client.CxPoolUnavailableException;
import io.kubeims.cx.client.InvalidServerNameException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HSS to S-CSCF pool: two replicas with their own Origin-Hosts behind one Server-Name; RTR and PPR reach one of
 * them, and another one when the first is gone or cannot deliver.
 */
class CxScscfPoolTest {

    private static final String POOL = "sip:scscf.ims.example.com:6060";
    private static final String REPLICA_0 = "scscf-0.scscf.ims.example.com";
    private static final String REPLICA_1 = "scscf-1.scscf.ims.example.com";

    private static CxNode hss;
    private final ScriptedScscfHandler handler0 = new ScriptedScscfHandler();
    private final ScriptedScscfHandler handler1 = new ScriptedScscfHandler();
    private CxNode replica0;
    private CxNode replica1;

    @BeforeAll
    static void startHss() throws Exception {
        hss = CxTestNodes.started(CxNode.hss(CxTestNodes.hssSettings(), new ScriptedHssHandler()));
    }

    @AfterAll
    static void stopHss() {
        if (hss != null) {
            hss.close();
        }
    }

    @BeforeEach
    void startReplicas() throws Exception {
        replica0 = CxTestNodes.started(CxNode.scscf(CxTestNodes.cscfSettings(REPLICA_0, hss.settings()), handler0));
        replica1 = CxTestNodes.started(CxNode.scscf(CxTestNodes.cscfSettings(REPLICA_1, hss.settings()), handler1));
        assertTrue(CxTestNodes.awaitPeer(hss, REPLICA_0, true), "HSS sees replica 0");
        assertTrue(CxTestNodes.awaitPeer(hss, REPLICA_1, true), "HSS sees replica 1");
    }

    @AfterEach
    void stopReplicas() {
        if (replica0 != null) {
            replica0.close();
        }
        if (replica1 != null) {
            replica1.close();
        }
    }

    @Test
    void registrationTerminationToThePoolIsAnsweredByAReplica() throws Exception {
        RegistrationTerminationRequest rtr = rtr("alice@ims.example.com");
        CxPoolAnswer<RegistrationTerminationAnswer> answer = hss.sendToPool(POOL, rtr).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);
        assertTrue(answer.answer().result().is(DiameterResultCode.SUCCESS));
        assertTrue(Set.of(REPLICA_0, REPLICA_1).contains(answer.replicaHost()));
        ScriptedScscfHandler served = answer.replicaHost().equals(REPLICA_0) ? handler0 : handler1;
        ScriptedScscfHandler other = served == handler0 ? handler1 : handler0;
        assertEquals(List.of(rtr), served.received());
        assertEquals(List.of(), other.received());
        assertEquals(answer.replicaHost(), served.envelope(rtr.userName()).destinationHost());
    }

    @Test
    void pushProfileToThePoolIsAnsweredByAReplica() throws Exception {
        PushProfileRequest ppr = ppr("bob@ims.example.com");
        CxPoolAnswer<PushProfileAnswer> answer = hss.sendToPool(POOL, ppr).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(answer.answer().result().isSuccess());
        ScriptedScscfHandler served = answer.replicaHost().equals(REPLICA_0) ? handler0 : handler1;
        assertEquals(List.of(ppr), served.received());
    }

    @Test
    void successiveRequestsStartAtSuccessiveReplicas() throws Exception {
        String first = hss.sendToPool(POOL, ppr("carol@ims.example.com")).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .replicaHost();
        String second = hss.sendToPool(POOL, ppr("carol@ims.example.com")).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .replicaHost();
        assertEquals(Set.of(REPLICA_0, REPLICA_1), Set.of(first, second));
        assertEquals(1, handler0.received().size());
        assertEquals(1, handler1.received().size());
    }

    @Test
    void withOneReplicaStoppedTheOtherGetsEveryRequest() throws Exception {
        replica0.close();
        // two requests, so that one of them would have started at the stopped replica
        for (int i = 0; i < 2; i++) {
            CxPoolAnswer<RegistrationTerminationAnswer> rta = hss.sendToPool(POOL, rtr("dave@ims.example.com"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(REPLICA_1, rta.replicaHost());
            CxPoolAnswer<PushProfileAnswer> ppa = hss.sendToPool(POOL, ppr("dave@ims.example.com"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(REPLICA_1, ppa.replicaHost());
            assertTrue(ppa.answer().result().isSuccess());
        }
        assertEquals(4, handler1.received().size());
        assertEquals(0, handler0.received().size());
    }

    @Test
    void replicaAnsweringUnableToDeliverIsSkipped() throws Exception {
        handler0.answerEverythingWith(CxResult.of(DiameterResultCode.UNABLE_TO_DELIVER));
        for (int i = 0; i < 2; i++) {
            CxPoolAnswer<RegistrationTerminationAnswer> answer = hss.sendToPool(POOL, rtr("erin@ims.example.com"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(REPLICA_1, answer.replicaHost());
            assertTrue(answer.answer().result().isSuccess());
        }
        // one of the two requests started at replica 0, which answered 3002; the other went to replica 1 directly
        assertEquals(1, handler0.received().size());
        assertEquals(2, handler1.received().size());
    }

    @Test
    void poolWhoseReplicasAllFailIsUnavailable() throws Exception {
        handler0.answerEverythingWith(CxResult.of(DiameterResultCode.UNABLE_TO_DELIVER));
        handler1.answerEverythingWith(CxResult.of(DiameterResultCode.TOO_BUSY));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> hss.sendToPool(POOL, ppr("frank@ims.example.com")).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        CxPoolUnavailableException unavailable = assertInstanceOf(CxPoolUnavailableException.class,
                failure.getCause());
        assertEquals(POOL, unavailable.serverName());
        assertEquals(Set.of(REPLICA_0, REPLICA_1), Set.of(unavailable.attempts().get(0).replicaHost(),
                unavailable.attempts().get(1).replicaHost()));
        assertEquals(2, unavailable.attempts().size());
    }

    @Test
    void poolWithoutConnectedReplicaIsUnavailable() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> hss.sendToPool("sip:scscf-other.ims.example.com", rtr("grace@ims.example.com"))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        CxPoolUnavailableException unavailable = assertInstanceOf(CxPoolUnavailableException.class,
                failure.getCause());
        assertEquals(List.of(), unavailable.attempts());
    }

    @Test
    void serverNameWithoutHostIsRefused() {
        assertThrows(InvalidServerNameException.class, () -> hss.sendToPool("sip:", rtr("heidi@ims.example.com")));
    }

    private static RegistrationTerminationRequest rtr(String userName) {
        return new RegistrationTerminationRequest(userName, List.of(), List.of(),
                new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, null));
    }

    private static PushProfileRequest ppr(String userName) {
        return new PushProfileRequest(userName, "<IMSSubscription/>".getBytes(StandardCharsets.UTF_8), null);
    }
}
