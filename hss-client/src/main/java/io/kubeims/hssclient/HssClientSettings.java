package io.kubeims.hssclient;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the HSS provisioning API is and how the client treats it.
 *
 * @param baseUri        the HSS's HTTP root, e.g. {@code http://hss.ims.svc:8080} ({@code /api/v1/...} is appended)
 * @param connectTimeout bound on opening a connection
 * @param requestTimeout bound on one request, from sending to the end of the answer
 * @param maxInFlight    requests outstanding at once (a semaphore), so a burst of reconciliations cannot overload
 *                       the HSS
 * @param retry          how requests are repeated after connection failures, timeouts and 5xx answers
 */
public record HssClientSettings(URI baseUri, Duration connectTimeout, Duration requestTimeout, int maxInFlight,
        RetryPolicy retry) {

    /** Requests in flight unless configured: enough to keep an HSS busy, few enough not to drown it. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    /** @throws IllegalArgumentException if the URI is not absolute http(s), or a bound is not positive */
    public HssClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("baseUri must be an http or https URI, got " + baseUri);
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri has no host: " + baseUri);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout and requestTimeout must be positive");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
    }

    /** 2 s to connect, 10 s per request, {@value #DEFAULT_MAX_IN_FLIGHT} in flight, {@link RetryPolicy#DEFAULT}. */
    public static HssClientSettings defaults(URI baseUri) {
        return new HssClientSettings(baseUri, Duration.ofSeconds(2), Duration.ofSeconds(10), DEFAULT_MAX_IN_FLIGHT,
                RetryPolicy.DEFAULT);
    }
}
