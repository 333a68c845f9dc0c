package io.kubeims.hssclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers the real HSS gives only under faults (503 while its store is contended, 500, a proxy's bare 502) or never
 * (an answer later than the timeout), played by a scripted HTTP server on loopback: which are retried, which are
 * not, what the caller gets, and that no more than maxInFlight requests are ever outstanding.
 */
class ScriptedHssAnswersTest {

    private static final String ERROR_503 = "{\"error\": \"the store is busy with concurrent updates of this "
            + "subscriber; retry\"}";
    private static final String VIEW = "{\"privateIdentity\": \"ivy@ims.example.com\", \"publicIdentities\": "
            + "[{\"identity\": \"sip:ivy@ims.example.com\", \"barred\": false}], \"barred\": false, "
            + "\"auth\": {\"scheme\": \"SIP-Digest\"}, \"initialFilterCriteria\": []}";

    private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private HttpServer server;
    private ExecutorService serverThreads;
    private volatile Script script;

    /** What the server answers to the n-th request (from 1). */
    private interface Script {
        void answer(int n, HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newFixedThreadPool(32);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getRequestBody().readAllBytes();
                script.answer(requests.incrementAndGet(), exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        serverThreads.shutdownNow();
        serverThreads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void unavailableTwiceThenCreatedSucceedsOnTheThirdAttempt() throws Exception {
        script = (n, exchange) -> {
            if (n <= 2) {
                reply(exchange, 503, ERROR_503);
            } else {
                reply(exchange, 201, VIEW);
            }
        };

        PutResult result = client(5, 4).put(ivy());

        assertTrue(result.created());
        assertEquals("ivy@ims.example.com", result.subscriber().privateIdentity());
        assertEquals(3, requests.get());
        assertEquals(List.of("Bearer scripted-token", "Bearer scripted-token", "Bearer scripted-token"),
                new ArrayList<>(authorizations));
    }

    @Test
    void serverErrorOnEveryAttemptIsUnavailableWithTheLastAnswer() {
        script = (n, exchange) -> reply(exchange, 500, "{\"error\": \"internal error of the HSS\"}");

        HssUnavailableException e = assertThrows(HssUnavailableException.class, () -> client(4, 4).get("ivy@x.test"));

        assertEquals(4, requests.get());
        assertEquals(4, e.attempts());
        assertEquals(500, e.lastStatus());
        assertTrue(e.getMessage().endsWith("answered 500: internal error of the HSS (4 attempts)"), e.getMessage());
    }

    @Test
    void badRequestIsNotRetried() {
        script = (n, exchange) -> reply(exchange, 400,
                "{\"error\": \"must be 32 hex digits\", \"field\": \"auth.k\"}");

        HssRejectedException e = assertThrows(HssRejectedException.class, () -> client(5, 4).put(ivy()));

        assertEquals(1, requests.get());
        assertEquals("auth.k", e.field());
        assertEquals("must be 32 hex digits", e.hssMessage());
    }

    @Test
    void conflictWithoutAPublicIdentityIsAPlainRejection() {
        script = (n, exchange) -> reply(exchange, 409, "{\"error\": \"not registered\"}");

        HssRejectedException e = assertThrows(HssRejectedException.class, () -> client(5, 4).put(ivy()));

        assertEquals(HssRejectedException.class, e.getClass());
        assertEquals(409, e.status());
        assertNull(e.field());
    }

    @Test
    void bareGatewayErrorFromAProxyIsDescribed() {
        script = (n, exchange) -> reply(exchange, 502, "<html>Bad Gateway</html>");

        HssUnavailableException e = assertThrows(HssUnavailableException.class, () -> client(2, 4).get("ivy@x.test"));

        assertTrue(e.getMessage().contains("answered 502: no error description (HTTP 502)"), e.getMessage());
    }

    @Test
    void answerLaterThanTheRequestTimeoutIsRetriedThenUnavailable() {
        script = (n, exchange) -> {
            TimeUnit.SECONDS.sleep(3);
            reply(exchange, 200, VIEW);
        };
        HssProvisioningClient client = new HssProvisioningClient(new HssClientSettings(uri(), Duration.ofSeconds(1),
                Duration.ofMillis(200), 4, new RetryPolicy(2, Duration.ZERO, Duration.ZERO)), () -> "scripted-token");

        HssUnavailableException e = assertThrows(HssUnavailableException.class, () -> client.get("ivy@x.test"));

        assertEquals(2, e.attempts());
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
    }

    @Test
    void neverMoreThanMaxInFlightRequestsAreOutstanding() throws Exception {
        script = (n, exchange) -> {
            TimeUnit.MILLISECONDS.sleep(20);
            reply(exchange, 200, VIEW);
        };
        HssProvisioningClient client = client(1, 3);
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                calls.add(callers.submit(() -> client.get("ivy@ims.example.com").isPresent()));
            }
            for (Future<Boolean> call : calls) {
                assertTrue(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(48, requests.get());
        assertTrue(mostInFlight.get() <= 3, "at most 3 in flight, saw " + mostInFlight.get());
    }

    private HssProvisioningClient client(int attempts, int maxInFlight) {
        return new HssProvisioningClient(new HssClientSettings(uri(), Duration.ofSeconds(1), Duration.ofSeconds(10),
                maxInFlight, new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5))),
                () -> "scripted-token");
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static HssSubscriber ivy() {
        return new HssSubscriber("ivy@ims.example.com", List.of(new PublicIdentitySpec("sip:ivy@ims.example.com")),
                false, new DigestCredentials("ivy-password"), List.of());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
