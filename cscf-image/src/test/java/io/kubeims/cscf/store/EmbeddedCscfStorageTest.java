package io.kubeims.cscf.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.testing.SettableClock;
import io.kubeims.store.EmbeddedCaches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSCF storage contract on embedded Infinispan: two storages over one in-memory container stand for two
 * replicas. Also: a persistent storage keeps registrations, flows and subscriptions across a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedCscfStorageTest extends CscfStorageContract {

    private EmbeddedCaches caches;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    void openContainer() {
        caches = EmbeddedCaches.inMemory("cscf-store-test");
    }

    @AfterAll
    void closeContainer() {
        caches.close();
    }

    @Override
    protected CscfStorage open(String prefix, SettableClock clock) {
        return EmbeddedCscfStorage.sharing(caches, CscfCacheNames.prefixed(prefix), SETTINGS, clock);
    }

    @Test
    void persistentStateSurvivesARestartButChallengesDoNot() {
        Path directory = dataDirectory.resolve("restart");
        Registration alice = CscfStates.registration("alice")
                .withContact(CscfStates.contact("sip:alice@192.0.2.10", T0.plusSeconds(600)));
        PcscfFlow flow = new PcscfFlow(new PcscfFlowKey("sip:ue@10.0.0.5", new TransportFlow("UDP", "10.0.0.5", 5060)),
                null, List.of("sip:alice@ims.example.com"), List.of(), T0.plusSeconds(600));
        RegEventSubscription subscription = RegEventSubscription.accepted("dialog-1", "sip:alice@ims.example.com",
                "sip:alice@ims.example.com", List.of(), "sip:alice@192.0.2.10", T0.plusSeconds(600));
        try (CscfStorage first = EmbeddedCscfStorage.persistent(directory, CscfCacheNames.defaults(), SETTINGS,
                clock)) {
            first.registrations().update(alice.impi(), current -> Optional.of(alice));
            first.pcscfFlows().put(flow);
            first.regEventSubscriptions().create(subscription);
            first.regEventSubscriptions().nextNotify("dialog-1");
            first.challenges().create(CscfStates.akaChallenge("n", T0));
        }
        assertTrue(Files.isDirectory(directory.resolve("cscf-registrations").resolve("data")));
        try (CscfStorage second = EmbeddedCscfStorage.persistent(directory, CscfCacheNames.defaults(), SETTINGS,
                clock)) {
            assertEquals(Optional.of(alice), second.registrations().get(alice.impi()));
            assertEquals(List.of(alice), second.registrations().findByPublicIdentity("sip:alice@ims.example.com"));
            assertEquals(Optional.of(flow), second.pcscfFlows().get(flow.key()));
            assertEquals(0, second.regEventSubscriptions().get("dialog-1").orElseThrow().version());
            assertEquals(Optional.empty(), second.challenges().get("n"), "challenges are kept in memory only");
        }
    }
}
