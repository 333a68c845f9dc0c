package io.kubeims.operator.hss;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code kubeims.operator.hss.*}: where the operator finds the HSS provisioning API and how it calls it. One HSS for
 * now; the ImsCore reconciler will supply each core's own address and token.
 */
@ConfigMapping(prefix = "kubeims.operator.hss")
public interface OperatorHssSettings {

    /** The HSS's HTTP root, e.g. {@code http://hss.ims.svc:8080}. */
    Optional<String> url();

    /** A file holding the API's bearer token (a mounted Secret); re-read when it changes. */
    Optional<String> tokenFile();

    /** Bound on opening a connection to the HSS. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Bound on one request, from sending to the end of the answer. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Requests outstanding at once, whatever the number of reconciliations running. */
    @WithDefault("16")
    int maxInFlight();

    /** How requests are repeated after connection failures, timeouts and 5xx answers. */
    Retry retry();

    /** {@code kubeims.operator.hss.retry.*}. */
    interface Retry {

        /** Attempts per request in all (1: no retry within a reconciliation). */
        @WithDefault("3")
        int maxAttempts();

        /** The delay cap before the second attempt; doubles per attempt. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The largest delay cap. */
        @WithDefault("2s")
        Duration maxBackoff();
    }
}
