package io.kubeims.cscf.scscf.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.ue.UserEquipment;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.store.testing.SimultaneousCalls;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Registration expiry (RFC 3261 10.2.1, TS 24.229 5.4.1.6) with two S-CSCF replicas sharing the store: the
 * {@link RegistrationExpiryHandler} of the replica that wins the claim removes the expired bindings, sends SAR
 * TIMEOUT_DEREGISTRATION when none is left and tells the observer once; refreshed bindings stay; with the HSS down
 * the expiry waits. The test clock only moves forward here (the sweeps remember where they stopped).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationExpiryTest {

    private static final long BOUND_SECONDS = 30;

    private ScscfTestbed testbed;

    @BeforeAll
    void start() throws Exception {
        testbed = ScscfTestbed.start(2, settings -> settings);
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    private List<RegistrationChange> sweep(int replica) throws Exception {
        return testbed.replica(replica).expiry().sweep().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    private static List<RegistrationChange> of(List<RegistrationChange> changes, String impi) {
        return changes.stream().filter(change -> change.impi().equals(impi)).toList();
    }

    @Test
    void anExpiredRegistrationIsDeregisteredAtTheHssAndReportedOnce() throws Exception {
        ScscfTestbed.Provisioned alice = testbed.provisionAka("alice");
        UserEquipment ue = testbed.ue(alice);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(599));
        assertEquals(List.of(), of(sweep(0), alice.impi()), "not yet");
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(alice.impi()).state());

        testbed.clock.advance(Duration.ofSeconds(2));
        List<RegistrationChange> expired = of(sweep(0), alice.impi());
        assertEquals(1, expired.size());
        RegistrationChange change = expired.get(0);
        assertEquals(RegistrationChange.Cause.EXPIRED, change.cause());
        assertEquals(1, change.before().contacts().size());
        assertNull(change.after());
        assertNull(change.register(), "no REGISTER caused it");
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(alice.impi()).state(),
                "SAR TIMEOUT_DEREGISTRATION");
        assertEquals(Optional.empty(), testbed.stored(alice.impi()));

        assertEquals(List.of(), of(sweep(0), alice.impi()), "once");
        assertEquals(List.of(), of(sweep(1), alice.impi()), "once, also for the other replica");
        assertEquals(List.of(RegistrationChange.Cause.REGISTERED, RegistrationChange.Cause.EXPIRED),
                testbed.changesOf(alice.impi()).stream().map(RegistrationChange::cause).toList());
    }

    @Test
    void aBindingExpiringBeforeAnotherLeavesTheRegistrationAndTheHssAlone() throws Exception {
        ScscfTestbed.Provisioned bob = testbed.provisionDigest("bob");
        UserEquipment shortLived = testbed.ue(bob);
        UserEquipment longLived = testbed.ue(bob);
        assertEquals(Response.OK, shortLived.register(600).getStatusCode());
        assertEquals(Response.OK, longLived.register(1200).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(601));
        List<RegistrationChange> expired = of(sweep(1), bob.impi());
        assertEquals(1, expired.size());
        assertEquals(RegistrationChange.Cause.EXPIRED, expired.get(0).cause());
        assertNotNull(expired.get(0).after());
        assertEquals(List.of(longLived.contactUri()), expired.get(0).after().contacts().stream()
                .map(c -> c.uri()).toList());
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(bob.impi()).state());
        assertEquals(1, testbed.stored(bob.impi()).orElseThrow().contacts().size());
    }

    @Test
    void aRefreshedBindingDoesNotExpireAtItsFirstExpiry() throws Exception {
        ScscfTestbed.Provisioned carol = testbed.provisionAka("carol");
        UserEquipment ue = testbed.ue(carol);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(500));
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.clock.advance(Duration.ofSeconds(200));
        assertEquals(List.of(), of(sweep(0), carol.impi()));
        assertEquals(List.of(), of(sweep(1), carol.impi()));
        assertEquals(RegistrationState.REGISTERED, testbed.hssRecord(carol.impi()).state());
        assertEquals(1, testbed.stored(carol.impi()).orElseThrow().contacts().size());
    }

    @Test
    void twoReplicasSweepingTheSameExpiryActOnItOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            ScscfTestbed.Provisioned dave = testbed.provisionDigest("dave");
            UserEquipment ue = testbed.ue(dave);
            assertEquals(Response.OK, ue.register(600).getStatusCode());
            testbed.clock.advance(Duration.ofSeconds(601));
            List<Callable<List<RegistrationChange>>> sweeps = List.of(() -> sweep(0), () -> sweep(1));
            List<List<RegistrationChange>> results = SimultaneousCalls.run(sweeps);
            List<RegistrationChange> expired = results.stream().flatMap(List::stream)
                    .filter(change -> change.impi().equals(dave.impi())).toList();
            assertEquals(1, expired.size(), "exactly one replica acted, round " + round);
            assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(dave.impi()).state());
            assertEquals(List.of(RegistrationChange.Cause.REGISTERED, RegistrationChange.Cause.EXPIRED),
                    testbed.changesOf(dave.impi()).stream().map(RegistrationChange::cause).toList());
        }
    }

    @Test
    void aStartedHandlerSweepsOnItsOwnUntilStopped() throws Exception {
        ScscfTestbed.Provisioned erin = testbed.provisionAka("erin");
        UserEquipment ue = testbed.ue(erin);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "expiry-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        RegistrationExpiryHandler expiry = testbed.replica(0).expiry();
        try {
            expiry.start(scheduler, Duration.ofMillis(50));
            testbed.clock.advance(Duration.ofSeconds(601));
            List<RegistrationChange> changes = testbed.awaitChanges(erin.impi(), 2);
            assertEquals(RegistrationChange.Cause.EXPIRED, changes.get(1).cause());
        } finally {
            expiry.stop();
            scheduler.shutdownNow();
            assertTrue(scheduler.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(RegistrationState.NOT_REGISTERED, testbed.hssRecord(erin.impi()).state());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withTheHssDownAnExpiryWaitsAndNothingIsReported() throws Exception {
        ScscfTestbed.Provisioned frank = testbed.provisionDigest("frank");
        UserEquipment ue = testbed.ue(frank);
        assertEquals(Response.OK, ue.register(600).getStatusCode());
        testbed.stopHss();
        testbed.clock.advance(Duration.ofSeconds(601));
        assertEquals(List.of(), of(sweep(0), frank.impi()));
        Registration kept = testbed.stored(frank.impi()).orElseThrow();
        assertNotNull(kept.expiryClaim(), "claimed, to lapse and be retried");
        assertEquals(1, kept.contacts().size());
        assertEquals(1, testbed.changesOf(frank.impi()).size(), "only REGISTERED");
    }
}
