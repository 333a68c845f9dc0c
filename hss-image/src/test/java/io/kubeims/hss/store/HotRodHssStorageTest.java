package io.kubeims.hss.store;

import io.kubeims.protocol.aka.Sqn;
import io.kubeims.store.testing.InfinispanServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The storage contract over Hot Rod against a real Infinispan Server started by the test, and two HSS instances
 * (two Hot Rod clients, as two pods would have) sharing its caches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotRodHssStorageTest extends HssStorageContract {

    private Path serverRoot;
    private InfinispanServerProcess server;
    private int cacheSets;

    @BeforeAll
    void startServer() throws Exception {
        serverRoot = Files.createTempDirectory("infinispan-server-");
        server = InfinispanServerProcess.start(serverRoot);
        System.out.println("Infinispan Server answered Hot Rod on 127.0.0.1:" + server.hotRodPort() + " after "
                + server.startTime().toMillis() + " ms");
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (serverRoot != null) {
            try (Stream<Path> files = Files.walk(serverRoot)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Each test gets its own four caches on the shared server. */
    @Override
    protected HssStorage openStorage() {
        return hssInstance(HssCacheNames.prefixed("t" + (++cacheSets)));
    }

    private HssStorage hssInstance(HssCacheNames names) {
        return new HotRodHssStorage(server.newClient(), names, HotRodHssStorage.DEFAULT_CACHE_XML, Clock.systemUTC());
    }

    @Test
    void stateWrittenByOneInstanceIsSeenByTheOther() {
        HssCacheNames shared = HssCacheNames.prefixed("pair-" + (++cacheSets));
        try (HssStorage a = hssInstance(shared); HssStorage b = hssInstance(shared)) {
            a.subscribers().put(TestSubscribers.aka("alice", "tel:+15551230001"));
            assertEquals(Optional.of(TestSubscribers.aka("alice", "tel:+15551230001")),
                    b.subscribers().get("alice@ims.example.com"));
            assertEquals(Optional.of("alice@ims.example.com"), b.subscribers().findPrivateIdentity("tel:+15551230001"));
            DuplicatePublicIdentityException duplicate = assertThrows(DuplicatePublicIdentityException.class,
                    () -> b.subscribers().put(TestSubscribers.digest("mallory", "tel:+15551230001")));
            assertEquals("alice@ims.example.com", duplicate.owner());

            Sqn takenOnA = a.dynamicState().nextSqn("alice@ims.example.com");
            assertEquals(Sqn.of(1, 1), takenOnA);
            assertEquals(takenOnA, b.dynamicState().lastSqn("alice@ims.example.com"));
            assertEquals(Sqn.of(2, 2), b.dynamicState().nextSqn("alice@ims.example.com"));
            assertEquals(Sqn.of(2, 2), a.dynamicState().lastSqn("alice@ims.example.com"));

            assertInstanceOf(ServerAssignment.Assigned.class, b.dynamicState().assignServerName(
                    "alice@ims.example.com", "sip:scscf-b.ims.example.com", RegistrationState.REGISTERED));
            RegistrationRecord seenByA = a.dynamicState().registration("alice@ims.example.com");
            assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, "sip:scscf-b.ims.example.com", null),
                    seenByA);
            ServerAssignment refused = a.dynamicState().assignServerName("alice@ims.example.com",
                    "sip:scscf-a.ims.example.com", RegistrationState.REGISTERED);
            assertEquals("sip:scscf-b.ims.example.com",
                    assertInstanceOf(ServerAssignment.HeldByOther.class, refused).holder());
        }
    }

    @Test
    void concurrentNextSqnFromTwoInstancesNeverRepeats() throws Exception {
        HssCacheNames shared = HssCacheNames.prefixed("pair-" + (++cacheSets));
        int threadsPerInstance = 2;
        int perThread = 200;
        try (HssStorage a = hssInstance(shared); HssStorage b = hssInstance(shared)) {
            List<Callable<List<Sqn>>> tasks = new ArrayList<>();
            for (HssStorage instance : List.of(a, b)) {
                for (int t = 0; t < threadsPerInstance; t++) {
                    tasks.add(() -> {
                        List<Sqn> taken = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            taken.add(instance.dynamicState().nextSqn("alice@ims.example.com"));
                        }
                        return taken;
                    });
                }
            }
            Set<Sqn> all = new TreeSet<>();
            int count = 0;
            for (List<Sqn> taken : concurrently(tasks)) {
                assertStrictlyIncreasing(taken);
                all.addAll(taken);
                count += taken.size();
            }
            assertEquals(count, all.size(), "an SQN was issued twice");
            Set<Sqn> expected = new TreeSet<>();
            for (long seq = 1; seq <= count; seq++) {
                expected.add(sqnWithSeq(seq));
            }
            assertEquals(expected, all);
            assertEquals(sqnWithSeq(count), b.dynamicState().lastSqn("alice@ims.example.com"));
        }
    }

    @Test
    void twoInstancesAssigningDifferentScscfsAgreeOnOne() throws Exception {
        HssCacheNames shared = HssCacheNames.prefixed("pair-" + (++cacheSets));
        try (HssStorage a = hssInstance(shared); HssStorage b = hssInstance(shared)) {
            for (int round = 0; round < 10; round++) {
                String impi = "user" + round + "@ims.example.com";
                List<ServerAssignment> results = concurrently(List.of(
                        () -> a.dynamicState().assignServerName(impi, "sip:scscf-a.ims.example.com",
                                RegistrationState.REGISTERED),
                        () -> b.dynamicState().assignServerName(impi, "sip:scscf-b.ims.example.com",
                                RegistrationState.REGISTERED)));
                assertEquals(1, results.stream().filter(r -> r instanceof ServerAssignment.Assigned).count(),
                        results.toString());
                String winner = a.dynamicState().registration(impi).serverName();
                assertEquals(winner, b.dynamicState().registration(impi).serverName());
                for (ServerAssignment r : results) {
                    assertEquals(winner, r.record().serverName());
                }
            }
        }
    }
}
