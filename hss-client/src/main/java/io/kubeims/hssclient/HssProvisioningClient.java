package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Client of the HSS provisioning REST API ({@code /api/v1/subscribers/{impi}}): create-or-replace (PUT, idempotent),
 * read, read the registration, delete. Every request carries the bearer token (RFC 6750), at most
 * {@link HssClientSettings#maxInFlight()} run at once, and connection failures, timeouts and 5xx answers are retried
 * with exponential backoff and jitter; 4xx answers are not retried but surface as typed exceptions with the HSS's
 * message. Request bodies (which hold credentials) are never logged. Thread-safe; blocking.
 */
public final class HssProvisioningClient {

    private static final Logger LOG = Logger.getLogger(HssProvisioningClient.class);
    private static final String SUBSCRIBERS = "api/v1/subscribers/";

    private final HssClientSettings settings;
    private final Supplier<String> bearerToken;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final ObjectMapper json;
    private final RandomGenerator jitter;

    /**
     * @param settings    where the HSS is, timeouts, concurrency and retries
     * @param bearerToken the API token, asked for on every request (so a rotated token file is picked up)
     */
    public HssProvisioningClient(HssClientSettings settings, Supplier<String> bearerToken) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        // HTTP/1.1: the HSS speaks plain HTTP, and an h2c upgrade attempt only adds a round of negotiation.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.inFlight = new Semaphore(settings.maxInFlight(), true);
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.jitter = RandomGenerator.getDefault();
    }

    /** The settings this client was made with. */
    public HssClientSettings settings() {
        return settings;
    }

    /**
     * Creates or replaces a subscriber (the HSS answers 201 or 200; the same body twice changes nothing, and a
     * change of a registered subscriber's profile makes the HSS send a PPR).
     *
     * @throws DuplicatePublicIdentityException if a public identity belongs to another private identity (409)
     * @throws HssAuthenticationException       if the token is refused (401/403)
     * @throws HssRejectedException             if the HSS refuses the body (400, naming the field) or another 4xx
     * @throws HssUnavailableException          if the HSS cannot be reached or keeps failing
     */
    public PutResult put(HssSubscriber subscriber) throws HssProvisioningException {
        String operation = "PUT subscriber " + subscriber.privateIdentity();
        byte[] body;
        try {
            body = json.writeValueAsBytes(subscriber);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the value it choked on: keep only the type.
            throw new IllegalStateException(operation + ": cannot serialise the body (" + e.getClass().getSimpleName()
                    + ")");
        }
        HttpResponse<String> response = exchange(operation, subscriberPath(subscriber.privateIdentity()),
                builder -> builder.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new PutResult(status == 201, read(operation, response, HssSubscriberView.class));
        }
        throw refusal(operation, response);
    }

    /**
     * @return the subscriber as the HSS holds it (without secrets), or empty when the HSS has none (404)
     * @throws HssAuthenticationException if the token is refused
     * @throws HssRejectedException       on another 4xx
     * @throws HssUnavailableException    if the HSS cannot be reached or keeps failing
     */
    public Optional<HssSubscriberView> get(String privateIdentity) throws HssProvisioningException {
        String operation = "GET subscriber " + privateIdentity;
        HttpResponse<String> response = exchange(operation, subscriberPath(privateIdentity), HttpRequest.Builder::GET);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(read(operation, response, HssSubscriberView.class));
            case 404 -> Optional.empty();
            default -> throw refusal(operation, response);
        };
    }

    /**
     * @return the registration state and serving S-CSCF, or empty when the HSS has no such subscriber (404)
     * @throws HssAuthenticationException if the token is refused
     * @throws HssRejectedException       on another 4xx
     * @throws HssUnavailableException    if the HSS cannot be reached or keeps failing
     */
    public Optional<HssRegistration> registration(String privateIdentity) throws HssProvisioningException {
        String operation = "GET registration of " + privateIdentity;
        HttpResponse<String> response = exchange(operation, subscriberPath(privateIdentity) + "/registration",
                HttpRequest.Builder::GET);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(read(operation, response, HssRegistration.class));
            case 404 -> Optional.empty();
            default -> throw refusal(operation, response);
        };
    }

    /**
     * Deletes a subscriber; a registered one is de-registered by the HSS (RTR). Deleting an absent subscriber is not
     * an error, so a delete repeated after a lost answer converges.
     *
     * @throws HssAuthenticationException if the token is refused
     * @throws HssRejectedException       on another 4xx
     * @throws HssUnavailableException    if the HSS cannot be reached or keeps failing
     */
    public DeleteResult delete(String privateIdentity) throws HssProvisioningException {
        String operation = "DELETE subscriber " + privateIdentity;
        HttpResponse<String> response = exchange(operation, subscriberPath(privateIdentity),
                HttpRequest.Builder::DELETE);
        return switch (response.statusCode()) {
            case 200, 204 -> DeleteResult.DELETED;
            case 404 -> DeleteResult.ABSENT;
            default -> throw refusal(operation, response);
        };
    }

    /**
     * Sends a request until it gets an answer below 500, within the retry policy.
     *
     * @return the first answer with a status below 500
     */
    private HttpResponse<String> exchange(String operation, String path,
            java.util.function.UnaryOperator<HttpRequest.Builder> method) throws HssUnavailableException {
        URI uri = settings.baseUri().resolve(path);
        RetryPolicy retry = settings.retry();
        Throwable lastFailure = null;
        int lastStatus = 0;
        String lastProblem = null;
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = method.apply(HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearerToken.get())).build();
            try {
                HttpResponse<String> response = send(request);
                if (response.statusCode() < 500) {
                    return response;
                }
                lastStatus = response.statusCode();
                lastFailure = null;
                lastProblem = "answered " + lastStatus + ": " + errorOf(response).error();
            } catch (IOException e) {
                lastStatus = 0;
                lastFailure = e;
                lastProblem = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HssUnavailableException(operation + ": interrupted", attempt, lastStatus, e);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new HssUnavailableException(operation + ": the HSS at " + settings.baseUri() + " " + lastProblem
                        + " (" + attempt + (attempt == 1 ? " attempt)" : " attempts)"), attempt, lastStatus,
                        lastFailure);
            }
            Duration delay = retry.delayAfter(attempt, jitter);
            LOG.debugf("%s: attempt %d of %d: the HSS %s; retrying in %d ms", operation, attempt,
                    retry.maxAttempts(), lastProblem, delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HssUnavailableException(operation + ": interrupted", attempt, lastStatus, e);
            }
        }
    }

    /** One request under the in-flight bound; the permit is not held while backing off. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        inFlight.acquire();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } finally {
            inFlight.release();
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "did not accept a connection in time (" + kind + ")";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "did not answer in time (" + kind + ")";
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "refused the connection (" + kind + ")";
        }
        return "failed: " + kind + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private <T> T read(String operation, HttpResponse<String> response, Class<T> type)
            throws HssUnavailableException {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new HssUnavailableException(operation + ": the HSS answered " + response.statusCode()
                    + " with a body that is not the expected JSON (" + e.getOriginalMessage() + ")", 1,
                    response.statusCode(), null);
        }
    }

    private HssRejectedException refusal(String operation, HttpResponse<String> response) {
        int status = response.statusCode();
        ErrorBody error = errorOf(response);
        if (status == 401 || status == 403) {
            return new HssAuthenticationException(operation, status, error.error());
        }
        if (status == 409 && error.publicIdentity() != null) {
            return new DuplicatePublicIdentityException(operation, error.error(), error.field(),
                    error.publicIdentity(), error.owner());
        }
        return new HssRejectedException(operation, status, error.error(), error.field());
    }

    /** The HSS's error body, or a stand-in when the answer has none (e.g. from a proxy in front of it). */
    private ErrorBody errorOf(HttpResponse<String> response) {
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                ErrorBody error = json.readValue(body, ErrorBody.class);
                if (error.error() != null) {
                    return error;
                }
            } catch (JsonProcessingException notOurs) {
                // fall through: not an HSS error body
            }
        }
        return new ErrorBody("no error description (HTTP " + response.statusCode() + ")", null, null, null);
    }

    /**
     * The error body of the provisioning API.
     *
     * @param error          what is wrong
     * @param field          the request field at fault, as a JSON path, or null
     * @param publicIdentity 409: the contested IMPU
     * @param owner          409: the IMPI holding it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(String error, String field, String publicIdentity, String owner) {
    }

    /** {@code api/v1/subscribers/<impi>} with the IMPI as one percent-encoded path segment (RFC 3986 3.3). */
    static String subscriberPath(String privateIdentity) {
        if (privateIdentity == null || privateIdentity.isBlank()) {
            throw new IllegalArgumentException("privateIdentity is empty");
        }
        return SUBSCRIBERS + PathSegment.encode(privateIdentity);
    }

    @Override
    public String toString() {
        return "HssProvisioningClient[" + settings.baseUri() + ", maxInFlight=" + settings.maxInFlight() + "]";
    }
}
