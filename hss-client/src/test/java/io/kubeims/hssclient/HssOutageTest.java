package io.kubeims.hssclient;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.hssclient.testing.HssProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real HSS that crashes: every call fails as unavailable after its retries, and works again once it is back. */
class HssOutageTest {

    private HssProcess hss;

    @AfterEach
    void stopHss() {
        if (hss != null) {
            hss.close();
        }
    }

    @Test
    void hssDownIsATypedConnectionFailureThenRecovers() throws Exception {
        hss = HssProcess.start();
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));
        HssProvisioningClient client = new HssProvisioningClient(new HssClientSettings(hss.baseUri(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 4, retry), hss::token);
        client.put(subscriber("gina"));

        hss.kill();

        HssUnavailableException put = assertThrows(HssUnavailableException.class, () -> client.put(subscriber("hal")));
        assertEquals(3, put.attempts());
        assertEquals(0, put.lastStatus());
        assertEquals("PUT subscriber hal@ims.example.com: the HSS at " + hss.baseUri()
                + " refused the connection (ConnectException) (3 attempts)", put.getMessage());
        HssUnavailableException get = assertThrows(HssUnavailableException.class,
                () -> client.get("gina@ims.example.com"));
        assertEquals(3, get.attempts());
        assertThrows(HssUnavailableException.class, () -> client.delete("gina@ims.example.com"));

        hss.restart();

        assertTrue(client.put(subscriber("hal")).created());
        assertTrue(client.get("gina@ims.example.com").isPresent(), "the embedded store kept gina across the crash");
    }

    private static HssSubscriber subscriber(String user) {
        return new HssSubscriber(user + "@ims.example.com",
                List.of(new PublicIdentitySpec("sip:" + user + "@ims.example.com")), false,
                new DigestCredentials(user + "-password"), List.of());
    }
}
