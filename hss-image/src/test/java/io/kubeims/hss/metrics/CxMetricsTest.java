package io.kubeims.hss.metrics;

import io.kubeims.cx.client.CxPoolUnavailableException;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.hss.cx.HssCxProcedures;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.store.EmbeddedHssStorage;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserAuthorizationType;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Cx meters as Prometheus exposes them: the decorators around the real procedures (on an embedded store) and
 * around a real Cx node count each request by command and result code, and time it per command.
 */
class CxMetricsTest {

    private static final String REALM = "ims.example.test";
    private static final String POOL = "sip:scscf.ims.example.test:6060";
    private static final CxEnvelope FROM_SCSCF = new CxEnvelope("scscf-0.scscf.ims.example.test;1;1",
            "scscf-0.scscf.ims.example.test", REALM, "hss.ims.example.test", REALM);

    @TempDir
    Path directory;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CxMetrics metrics = new CxMetrics(registry);
    private EmbeddedHssStorage storage;
    private MeteredCxHssHandler handler;

    @BeforeEach
    void openStore() {
        storage = new EmbeddedHssStorage(directory);
        HssCxProcedures procedures = new HssCxProcedures(HssCxSettings.homeOnly(REALM, List.of(POOL), 1),
                storage.subscribers(), storage.dynamicState(), new AuthenticationVectorGenerator(new SecureRandom()),
                new CxUserDataWriter());
        handler = new MeteredCxHssHandler(procedures, metrics);
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    @Test
    void servedRequestsAreCountedByCommandAndResultAndTimed() {
        storage.subscribers().put(new Subscriber("alice@" + REALM,
                List.of(new PublicUserIdentity("sip:alice@" + REALM)), false, new SipDigestCredentials("pw"),
                List.of()));

        UserAuthorizationAnswer uaa = handler.userAuthorization(FROM_SCSCF, new UserAuthorizationRequest(
                "alice@" + REALM, "sip:alice@" + REALM, REALM, UserAuthorizationType.REGISTRATION, 0));
        MultimediaAuthAnswer unknown = handler.multimediaAuth(FROM_SCSCF, new MultimediaAuthRequest(
                "nobody@" + REALM, "sip:nobody@" + REALM, POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));
        handler.multimediaAuth(FROM_SCSCF, new MultimediaAuthRequest("nobody@" + REALM, "sip:nobody@" + REALM, POOL,
                1, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));

        // TS 29.229 6.2.1.1 DIAMETER_FIRST_REGISTRATION 2001 and 6.2.2.1 DIAMETER_ERROR_USER_UNKNOWN 5001
        assertTrue(uaa.result().is(CxExperimentalResultCode.FIRST_REGISTRATION), uaa.result().toString());
        assertTrue(unknown.result().is(CxExperimentalResultCode.USER_UNKNOWN), unknown.result().toString());
        String scrape = registry.scrape();
        assertEquals(1.0, sample(scrape, "kubeims_hss_diameter_requests_total{command=\"UAR\",result_code=\"2001\","
                + "result_type=\"experimental\"}"));
        assertEquals(2.0, sample(scrape, "kubeims_hss_diameter_requests_total{command=\"MAR\",result_code=\"5001\","
                + "result_type=\"experimental\"}"));
        assertEquals(2.0, sample(scrape, "kubeims_hss_diameter_request_duration_seconds_count{command=\"MAR\"}"));
        assertEquals(1.0, sample(scrape, "kubeims_hss_diameter_request_duration_seconds_count{command=\"UAR\"}"));
        assertEquals(0.0, sample(scrape, "kubeims_hss_diameter_request_duration_seconds_count{command=\"SAR\"}"),
                "the timers exist before their first request");
        // every request took less than the largest bucket bound (10 s)
        assertEquals(2.0, sample(scrape,
                "kubeims_hss_diameter_request_duration_seconds_bucket{command=\"MAR\",le=\"+Inf\"}"));
        assertEquals(0.0, sample(scrape,
                "kubeims_hss_diameter_request_duration_seconds_bucket{command=\"SAR\",le=\"0.001\"}"), "a 1 ms bucket");
    }

    @Test
    void sentRequestsWithoutAnyReplicaAreCountedAsUnansweredAndPeersAreAGauge() throws Exception {
        CxNode node = CxNode.hss(CxNodeSettings.hss("hss." + REALM, REALM, "127.0.0.2", freePort("127.0.0.2"))
                .build(), handler);
        try {
            assertTrue(node.start());
            metrics.peers(node, running -> running.connectedPeers().size());
            MeteredCxPoolClient pool = new MeteredCxPoolClient(node, metrics);

            ExecutionException noReplica = assertThrows(ExecutionException.class, () -> pool.sendToPool(POOL,
                    new RegistrationTerminationRequest("alice@" + REALM, List.of(), List.of(),
                            new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, null)))
                    .get(10, TimeUnit.SECONDS));
            assertInstanceOf(CxPoolUnavailableException.class, noReplica.getCause());

            String scrape = registry.scrape();
            assertEquals(1.0, sample(scrape, "kubeims_hss_diameter_requests_total{command=\"RTR\",result_code=\"none\","
                    + "result_type=\"no_answer\"}"));
            assertEquals(1.0, sample(scrape, "kubeims_hss_diameter_request_duration_seconds_count{command=\"RTR\"}"));
            assertEquals(0.0, sample(scrape, "kubeims_hss_diameter_peers"));
        } finally {
            node.close();
        }
    }

    @Test
    void notificationOutcomesAreCounted() {
        metrics.notification(CxCommand.PUSH_PROFILE, "pushed");
        metrics.notification(CxCommand.PUSH_PROFILE, "pushed");
        metrics.notification(CxCommand.REGISTRATION_TERMINATION, "unreachable");

        String scrape = registry.scrape();
        assertEquals(2.0, sample(scrape, "kubeims_hss_cx_notifications_total{command=\"PPR\",outcome=\"pushed\"}"));
        assertEquals(1.0, sample(scrape,
                "kubeims_hss_cx_notifications_total{command=\"RTR\",outcome=\"unreachable\"}"));
    }

    /** The value of one series; fails the test when it is absent. */
    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError("no series " + series + " in:\n" + scrape);
    }

    private static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
