package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.WAIT;
import static io.kubeims.hss.cx.HssTestBed.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.store.HssCacheNames;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.store.testing.InfinispanServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two HSS instances (their own Diameter hosts and ports) sharing one real Infinispan Server over Hot Rod, as two
 * pods would: what one instance's Cx procedures write, the other's answer; their SQNs never collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HssTwoInstancesTest {

    private static final HssCacheNames SHARED = HssCacheNames.prefixed("hss-two");

    private Path serverRoot;
    private InfinispanServerProcess server;
    private HssCore a;
    private HssCore b;
    private CxNode scscfOnA;
    private CxNode scscfOnB;

    @BeforeAll
    void start() throws Exception {
        serverRoot = Files.createTempDirectory("hss-two-ispn-");
        server = InfinispanServerProcess.start(serverRoot);
        HssStorageSettings storage = new HssStorageSettings.HotRod(List.of("127.0.0.1:" + server.hotRodPort()),
                SHARED);
        a = HssCore.start(HssTestBed.coreSettings("hss-a.ims.example.com", storage));
        b = HssCore.start(HssTestBed.coreSettings("hss-b.ims.example.com", storage));
        scscfOnA = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, a, new RecordingScscfHandler());
        scscfOnB = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_1, b, new RecordingScscfHandler());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {scscfOnB, scscfOnA, b, a, server}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        HssTestBed.deleteTree(serverRoot);
    }

    private static MultimediaAuthRequest akaMar(Subscriber s, long items) {
        return new MultimediaAuthRequest(s.privateIdentity(), s.defaultPublicIdentity().identity(), SCSCF_POOL, items,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
    }

    /** The SQN of a vector, as a USIM that has seen nothing yet recovers it (after checking MAC-A). */
    private static Sqn sqnOf(SipAuthDataItem vector) {
        byte[] randAutn = vector.sipAuthenticate();
        UsimResult result = new Usim(HssTestSubscribers.KEYS).authenticate(Arrays.copyOfRange(randAutn, 0, 16),
                Arrays.copyOfRange(randAutn, 16, 32));
        return assertInstanceOf(UsimResult.Authenticated.class, result).sqn();
    }

    @Test
    void marOnOneSarOnTheOtherAndBothSeeTheAssignment() throws Exception {
        Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("pair"));
        a.storage().subscribers().put(s);

        MultimediaAuthAnswer maa = call(scscfOnA, akaMar(s, 1));
        assertTrue(maa.result().is(DiameterResultCode.SUCCESS), maa.result().toString());
        ServerAssignmentAnswer saa = call(scscfOnB, new ServerAssignmentRequest(s.privateIdentity(),
                List.of(s.defaultPublicIdentity().identity()), SCSCF_POOL, ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        assertTrue(saa.result().is(DiameterResultCode.SUCCESS), saa.result().toString());
        assertEquals(s.imsSubscription(), new io.kubeims.protocol.ifc.xml.CxUserDataReader().read(saa.userData()));

        LocationInfoAnswer lia = call(scscfOnA, new LocationInfoRequest(s.defaultPublicIdentity().identity()));
        assertTrue(lia.result().is(DiameterResultCode.SUCCESS), lia.result().toString());
        assertEquals(SCSCF_POOL, lia.serverName());
        UserAuthorizationAnswer uaa = call(scscfOnA, new UserAuthorizationRequest(s.privateIdentity(),
                s.defaultPublicIdentity().identity(), HssTestBed.REALM));
        assertTrue(uaa.result().is(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), uaa.result().toString());
        assertEquals(SCSCF_POOL, uaa.serverName());

        // and a second S-CSCF cannot take the user on the other instance
        ServerAssignmentAnswer conflict = call(scscfOnA, new ServerAssignmentRequest(s.privateIdentity(),
                List.of(), HssTestBed.OTHER_POOL, ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        assertTrue(conflict.result().is(CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED));
    }

    @Test
    void sqnsFromBothInstancesNeverCollide() throws Exception {
        Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("sqn"));
        b.storage().subscribers().put(s);
        int perInstance = 15;
        List<CompletableFuture<MultimediaAuthAnswer>> pending = new ArrayList<>();
        for (int i = 0; i < perInstance; i++) {
            pending.add(scscfOnA.send(akaMar(s, 2)));
            pending.add(scscfOnB.send(akaMar(s, 2)));
        }
        Set<Sqn> seen = new HashSet<>();
        int vectors = 0;
        for (CompletableFuture<MultimediaAuthAnswer> future : pending) {
            MultimediaAuthAnswer maa = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(maa.result().is(DiameterResultCode.SUCCESS), maa.result() + " " + maa.errorMessage());
            for (SipAuthDataItem vector : maa.authDataItems()) {
                seen.add(sqnOf(vector));
                vectors++;
            }
        }
        assertEquals(4 * perInstance, vectors);
        assertEquals(vectors, seen.size(), "an SQN was issued twice");
        assertEquals(a.storage().dynamicState().lastSqn(s.privateIdentity()),
                seen.stream().max(Sqn::compareTo).orElseThrow());
    }

    @Test
    void aCorruptStoredRecordIsUnableToComply() throws Exception {
        Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("corrupt"));
        a.storage().subscribers().put(s);
        try (RemoteCacheManager raw = server.newClient()) {
            raw.getCache(SHARED.registrations()).put(s.privateIdentity(), "{\"not\": \"a registration");
        }
        LocationInfoAnswer lia = call(scscfOnB, new LocationInfoRequest(s.defaultPublicIdentity().identity()));
        assertTrue(lia.result().is(DiameterResultCode.UNABLE_TO_COMPLY), lia.result().toString());
    }
}
