package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.OTHER_POOL;
import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.WAIT;
import static io.kubeims.hss.cx.HssTestBed.call;
import static io.kubeims.hss.cx.HssTestSubscribers.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.notify.DeregistrationOutcome;
import io.kubeims.hss.notify.ProfileUpdateOutcome;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RTR and PPR from {@link io.kubeims.hss.notify.ServingScscfNotifier} to a pool of two real S-CSCF replicas
 * (TS 29.228 6.1.3, 6.2.2): received, answered by one replica, and the registration state updated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingScscfNotifierTest {

    private final RecordingScscfHandler replica0Handler = new RecordingScscfHandler();
    private final RecordingScscfHandler replica1Handler = new RecordingScscfHandler();
    private Path dataDirectory;
    private HssCore core;
    private CxNode replica0;
    private CxNode replica1;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("hss-notify-");
        core = HssTestBed.embeddedCore("hss.ims.example.com", dataDirectory);
        replica0 = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, core, replica0Handler);
        replica1 = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_1, core, replica1Handler);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {replica1, replica0, core}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        HssTestBed.deleteTree(dataDirectory);
    }

    @BeforeEach
    void answerSuccess() {
        replica0Handler.answerWith(CxResult.of(DiameterResultCode.SUCCESS));
        replica1Handler.answerWith(CxResult.of(DiameterResultCode.SUCCESS));
    }

    private Subscriber registered(String base, String server, ServerAssignmentType type) throws Exception {
        Subscriber s = HssTestSubscribers.aka(uniqueName(base));
        core.storage().subscribers().put(s);
        assertTrue(call(replica0, new ServerAssignmentRequest(s.privateIdentity(),
                List.of(s.defaultPublicIdentity().identity()), server, type,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).result().is(DiameterResultCode.SUCCESS));
        return s;
    }

    private RegistrationRecord record(Subscriber s) {
        return core.storage().dynamicState().registration(s.privateIdentity());
    }

    private List<RegistrationTerminationRequest> rtrsFor(Subscriber s) {
        List<RegistrationTerminationRequest> all = new ArrayList<>(replica0Handler.rtrs());
        all.addAll(replica1Handler.rtrs());
        return all.stream().filter(r -> r.userName().equals(s.privateIdentity())).toList();
    }

    private List<PushProfileRequest> pprsFor(Subscriber s) {
        List<PushProfileRequest> all = new ArrayList<>(replica0Handler.pprs());
        all.addAll(replica1Handler.pprs());
        return all.stream().filter(r -> r.userName().equals(s.privateIdentity())).toList();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void rtrReachesAReplicaOfThePoolAndDeregisters() throws Exception {
        Subscriber s = registered("rtr", SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        DeregistrationOutcome outcome = await(core.notifier().deregister(s.privateIdentity(),
                ReasonCode.PERMANENT_TERMINATION, "subscription ended"));
        DeregistrationOutcome.Deregistered done = assertInstanceOf(DeregistrationOutcome.Deregistered.class, outcome);
        assertEquals(SCSCF_POOL, done.serverName());
        assertTrue(List.of(HssTestBed.SCSCF_REPLICA_0, HssTestBed.SCSCF_REPLICA_1).contains(done.replicaHost()));

        List<RegistrationTerminationRequest> received = rtrsFor(s);
        assertEquals(1, received.size(), "exactly one replica got the RTR");
        RegistrationTerminationRequest rtr = received.get(0);
        assertEquals(ReasonCode.PERMANENT_TERMINATION, rtr.reason().reasonCode());
        assertEquals("subscription ended", rtr.reason().reasonInfo());
        assertEquals(s.publicIdentityUris(), rtr.publicIdentities());
        assertEquals(RegistrationRecord.notRegistered(), record(s));
    }

    @Test
    void everyReasonCodeTravels() throws Exception {
        for (ReasonCode reason : ReasonCode.values()) {
            Subscriber s = registered("reason" + reason.code() + "x", SCSCF_POOL, ServerAssignmentType.REGISTRATION);
            assertInstanceOf(DeregistrationOutcome.Deregistered.class,
                    await(core.notifier().deregister(s.privateIdentity(), reason, null)));
            RegistrationTerminationRequest rtr = rtrsFor(s).get(0);
            assertEquals(reason, rtr.reason().reasonCode());
            assertNull(rtr.reason().reasonInfo());
        }
    }

    @Test
    void deletedSubscriberIsDeregisteredWithTheIdentitiesItHad() throws Exception {
        Subscriber s = registered("deleted", SCSCF_POOL, ServerAssignmentType.UNREGISTERED_USER);
        core.storage().subscribers().delete(s.privateIdentity());
        assertInstanceOf(DeregistrationOutcome.Deregistered.class,
                await(core.notifier().deregister(s, ReasonCode.PERMANENT_TERMINATION, null)));
        assertEquals(s.publicIdentityUris(), rtrsFor(s).get(0).publicIdentities());
        assertEquals(RegistrationRecord.notRegistered(), record(s));

        // by private identity alone, once deleted: an RTR without Public-Identity (all of them)
        Subscriber gone = registered("gone", SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        core.storage().subscribers().delete(gone.privateIdentity());
        assertInstanceOf(DeregistrationOutcome.Deregistered.class,
                await(core.notifier().deregister(gone.privateIdentity(), ReasonCode.PERMANENT_TERMINATION, null)));
        assertEquals(List.of(), rtrsFor(gone).get(0).publicIdentities());
    }

    @Test
    void aRefusingScscfLeavesTheStateAlone() throws Exception {
        Subscriber s = registered("refused", SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        replica0Handler.answerWith(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));
        replica1Handler.answerWith(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));
        DeregistrationOutcome.Refused refused = assertInstanceOf(DeregistrationOutcome.Refused.class,
                await(core.notifier().deregister(s.privateIdentity(), ReasonCode.SERVER_CHANGE, "move")));
        assertTrue(refused.result().is(DiameterResultCode.UNABLE_TO_COMPLY));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));
    }

    @Test
    void aPoolWithoutConnectedReplicaIsUnreachableAndTheStateStays() throws Exception {
        Subscriber s = registered("unreachable", OTHER_POOL, ServerAssignmentType.REGISTRATION);
        assertInstanceOf(DeregistrationOutcome.Unreachable.class,
                await(core.notifier().deregister(s.privateIdentity(), ReasonCode.REMOVE_S_CSCF, null)));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, OTHER_POOL, null), record(s));
        assertInstanceOf(ProfileUpdateOutcome.Unreachable.class, await(core.notifier().profileChanged(s)));
    }

    @Test
    void notRegisteredSendsNothing() throws Exception {
        Subscriber s = HssTestSubscribers.aka(uniqueName("idle"));
        core.storage().subscribers().put(s);
        assertInstanceOf(DeregistrationOutcome.NotRegistered.class,
                await(core.notifier().deregister(s.privateIdentity(), ReasonCode.PERMANENT_TERMINATION, null)));
        assertInstanceOf(ProfileUpdateOutcome.NotServed.class, await(core.notifier().profileChanged(s)));
        assertEquals(List.of(), rtrsFor(s));
        assertEquals(List.of(), pprsFor(s));
    }

    @Test
    void pprCarriesTheNewProfileAndChangesNoState() throws Exception {
        Subscriber s = registered("ppr", SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        Subscriber changed = new Subscriber(s.privateIdentity(), List.of(s.publicIdentities().get(0),
                new PublicUserIdentity(s.publicIdentities().get(1).identity(), true, "barred now")), false,
                s.credentials(), s.initialFilterCriteria());
        core.storage().subscribers().put(changed);
        ProfileUpdateOutcome.Pushed pushed = assertInstanceOf(ProfileUpdateOutcome.Pushed.class,
                await(core.notifier().profileChanged(changed)));
        assertEquals(SCSCF_POOL, pushed.serverName());
        List<PushProfileRequest> received = pprsFor(s);
        assertEquals(1, received.size());
        assertEquals(changed.imsSubscription(), new CxUserDataReader().read(received.get(0).userData()));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));

        replica0Handler.answerWith(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));
        replica1Handler.answerWith(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY));
        assertInstanceOf(ProfileUpdateOutcome.Refused.class, await(core.notifier().profileChanged(changed)));
    }
}
