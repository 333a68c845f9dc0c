package io.kubeims.operator.hss;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The HSS API token of one ImsCore, read from the Secret the ImsCore reconciler generated and re-read at most every
 * {@link #REFRESH} (so a rotated token is picked up). {@code toString()} names the Secret only.
 */
final class CoreHssToken implements Supplier<String> {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final String namespace;
    private final String secret;
    private final String key;
    private final Clock clock;
    private String value;
    private Instant readAt;

    CoreHssToken(KubernetesClient client, String namespace, String secret, String key, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.secret = secret;
        this.key = key;
        this.clock = clock;
    }

    /** @throws ImsCoreNotReadyException if the Secret or its key is missing */
    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (value == null || readAt.plus(REFRESH).isBefore(now)) {
            Secret read = client.secrets().inNamespace(namespace).withName(secret).get();
            if (read == null || read.getData() == null || read.getData().get(key) == null) {
                throw new ImsCoreNotReadyException("the HSS API token Secret " + namespace + "/" + secret
                        + " (key " + key + ") does not exist yet");
            }
            value = new String(Base64.getDecoder().decode(read.getData().get(key)), StandardCharsets.UTF_8).strip();
            readAt = now;
        }
        return value;
    }

    @Override
    public String toString() {
        return "CoreHssToken[" + namespace + "/" + secret + "]";
    }
}
