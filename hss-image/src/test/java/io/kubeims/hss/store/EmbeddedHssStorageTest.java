package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.Sqn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage contract on embedded Infinispan with file stores, and what must survive a restart (SQN_HE as its
 * leased durable ceiling, {@link LeasedSqnDynamicStateStore}).
 */
class EmbeddedHssStorageTest extends HssStorageContract {

    @TempDir
    Path dataDirectory;

    @Override
    protected HssStorage openStorage() {
        return new EmbeddedHssStorage(dataDirectory.resolve("contract"));
    }

    @Test
    void subscribersSqnAndAssignmentSurviveARestart() {
        Path directory = dataDirectory.resolve("restart");
        Subscriber alice = TestSubscribers.aka("alice", "tel:+15551230001");
        List<Sqn> issued = new ArrayList<>();
        try (HssStorage first = new EmbeddedHssStorage(directory, HssCacheNames.defaults(), Clock.systemUTC())) {
            first.subscribers().put(alice);
            first.subscribers().put(TestSubscribers.digest("bob"));
            for (int i = 0; i < 40; i++) {
                issued.add(first.dynamicState().nextSqn("alice@ims.example.com"));
            }
            issued.add(first.dynamicState().resync("alice@ims.example.com", Sqn.of(500, 9)));
            issued.add(first.dynamicState().nextSqn("alice@ims.example.com"));
            first.dynamicState().assignServerName("alice@ims.example.com", "sip:scscf-1.ims.example.com",
                    RegistrationState.REGISTERED);
            first.dynamicState().recordPendingServerName("bob@ims.example.com", "sip:scscf-2.ims.example.com");
        }
        assertTrue(Files.isDirectory(directory.resolve("hss-sqn").resolve("data")), "file store directory");

        try (HssStorage second = new EmbeddedHssStorage(directory)) {
            assertEquals(Optional.of(alice), second.subscribers().get("alice@ims.example.com"));
            assertEquals(Optional.of("alice@ims.example.com"),
                    second.subscribers().findPrivateIdentity("tel:+15551230001"));
            assertEquals(2, second.subscribers().count());
            assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, "sip:scscf-1.ims.example.com", null),
                    second.dynamicState().registration("alice@ims.example.com"));
            assertEquals(new RegistrationRecord(RegistrationState.NOT_REGISTERED, null,
                    "sip:scscf-2.ims.example.com"), second.dynamicState().registration("bob@ims.example.com"));

            Sqn highest = issued.stream().max(Sqn::compareTo).orElseThrow();
            assertEquals(Sqn.of(501, 10), highest);
            // SQN_HE restarts at the durable ceiling: the resync to SEQ 500 reserved SEQ 500..755 (one lease).
            int lease = LeasedSqnDynamicStateStore.DEFAULT_LEASE;
            assertEquals(Sqn.of(500 + lease - 1, 9), second.dynamicState().lastSqn("alice@ims.example.com"));
            Sqn next = second.dynamicState().nextSqn("alice@ims.example.com");
            for (Sqn before : issued) {
                assertTrue(next.compareTo(before) > 0, next + " not above " + before);
            }
            assertEquals(Sqn.of(500 + lease, 10), next);
        }
    }
}
